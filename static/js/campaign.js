/*
 * Campaign app: live filtering of the Jobcenter list (/jobcenter/).
 * Progressive enhancement only: without JavaScript the GET form filters on the server.
 * The names' search spellings come from the server (data-search), so only the query is
 * folded here; the status texts come translated from the template (data-text-*).
 */
(function () {
  "use strict";

  function searchForms(text) {
    var folded = text.toLocaleLowerCase("de-DE").replace(/ß/g, "ss").replace(/\s+/g, " ").trim();
    return [
      folded.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue"),
      folded.replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u"),
    ];
  }

  function setUpFinder(finder) {
    var form = finder.querySelector("form");
    var landSelect = finder.querySelector("[data-filter-land]");
    var queryInput = finder.querySelector("[data-filter-query]");
    var status = finder.querySelector("[data-filter-status]");
    var empty = finder.querySelector("[data-filter-empty]");
    var reset = finder.querySelector("[data-filter-reset]");
    var groups = Array.prototype.slice.call(finder.querySelectorAll("[data-land]"));
    if (!form || !landSelect || !queryInput || !status || !empty) {
      return;
    }
    var total = finder.querySelectorAll("[data-search]").length;
    var statusTimer = null;

    function apply() {
      var land = landSelect.value;
      var query = queryInput.value.trim();
      var forms = query ? searchForms(query) : null;
      var shown = 0;
      groups.forEach(function (group) {
        var groupShown = 0;
        var inLand = !land || group.getAttribute("data-land") === land;
        group.querySelectorAll("[data-search]").forEach(function (item) {
          var key = item.getAttribute("data-search");
          var visible = inLand && (!forms || forms.some(function (f) { return key.indexOf(f) !== -1; }));
          item.hidden = !visible;
          if (visible) {
            groupShown += 1;
          }
        });
        group.hidden = groupShown === 0;
        var count = group.querySelector("[data-land-count]");
        if (count) {
          count.textContent = String(groupShown);
        }
        shown += groupShown;
      });
      empty.hidden = shown !== 0;
      if (reset) {
        reset.hidden = !(land || query);
      }

      // Announce the result once typing pauses, not on every key.
      window.clearTimeout(statusTimer);
      statusTimer = window.setTimeout(function () {
        var text = land || query ? status.getAttribute("data-text-filtered") : status.getAttribute("data-text-all");
        status.textContent = text.replace("{shown}", String(shown)).replace("{total}", String(total));
      }, 300);

      var params = new URLSearchParams();
      if (land) { params.set("land", land); }
      if (query) { params.set("q", query); }
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }

    queryInput.addEventListener("input", apply);
    landSelect.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
  }

  document.querySelectorAll("[data-kommune-finder]").forEach(setUpFinder);
})();
