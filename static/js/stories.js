/*
 * Progressive enhancement for the stories pages. Everything works without this file:
 * - external videos: the facade's button loads the platform's player only on click
 *   (without JavaScript a plain link leads to the platform);
 * - the gallery: filters and page links update the results in place, with a real URL in
 *   the address bar (without JavaScript the same URLs load as whole pages);
 * - share links: a "Link kopieren" button;
 * - the gallery's filters: behind one button (<details>) on phones; on wide screens, where they
 *   stand beside the results, this opens them (without JavaScript the button opens them).
 * Texts shown to visitors come from the templates (data-* attributes), translated there.
 */
(function () {
  "use strict";

  // The only origins a facade may load; the same list as SECURE_CSP["frame-src"].
  var EMBED_PREFIXES = ["https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

  function initFacades() {
    document.querySelectorAll("[data-stories-facade]").forEach(function (facade) {
      var button = facade.querySelector("[data-stories-facade-button]");
      var url = facade.getAttribute("data-embed-url") || "";
      var allowed = EMBED_PREFIXES.some(function (prefix) {
        return url.indexOf(prefix) === 0;
      });
      if (!button || !allowed) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var iframe = document.createElement("iframe");
        iframe.className = "stories-facade__frame";
        iframe.src = url;
        iframe.title = facade.getAttribute("data-title") || "";
        iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
        iframe.allowFullscreen = true;
        // The site sends no referrer elsewhere; the players need the origin to start.
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        facade.replaceChildren(iframe);
        facade.classList.add("stories-facade--loaded");
        iframe.focus();
      });
    });
  }

  function initCopyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll("[data-stories-copy]").forEach(function (button) {
      var item = button.closest("[data-stories-copy-item]");
      var status = item && item.querySelector("[data-stories-copy-status]");
      if (!item || !status) {
        return;
      }
      item.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-stories-copy")).then(
          function () {
            status.textContent = button.getAttribute("data-stories-copied") || "";
          },
          function () {
            status.textContent = button.getAttribute("data-stories-copy-failed") || "";
          }
        );
      });
    });
  }

  var WIDE = window.matchMedia ? window.matchMedia("(min-width: 62em)") : null;

  function openFiltersOnWideScreens(keepOpen) {
    var box = document.querySelector("[data-stories-filter-box]");
    if (box && ((WIDE && WIDE.matches) || keepOpen)) {
      box.open = true;
    }
  }

  function initGallery() {
    var gallery = document.querySelector("[data-stories-gallery]");
    var form = gallery && gallery.querySelector("[data-stories-filter]");
    if (!gallery || !form || !window.fetch || !window.DOMParser || !window.history.pushState) {
      return;
    }
    var galleryPath = new URL(form.action, window.location.href).pathname;

    function show(url, push) {
      gallery.setAttribute("aria-busy", "true");
      window
        .fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.querySelector("[data-stories-gallery]");
          if (!fresh) {
            window.location.assign(url);
            return;
          }
          var box = gallery.querySelector("[data-stories-filter-box]");
          var wasOpen = Boolean(box && box.open);
          gallery.replaceChildren.apply(
            gallery,
            Array.prototype.map.call(fresh.childNodes, function (node) {
              return document.importNode(node, true);
            })
          );
          openFiltersOnWideScreens(wasOpen);
          document.title = doc.title;
          if (push) {
            window.history.pushState({ storiesGallery: true }, "", url);
          }
          var heading = gallery.querySelector("#results-heading");
          if (heading) {
            heading.focus();
          }
        })
        .catch(function () {
          window.location.assign(url);
        })
        .finally(function () {
          gallery.removeAttribute("aria-busy");
        });
    }

    gallery.addEventListener("submit", function (event) {
      var filter = event.target.closest("[data-stories-filter]");
      if (!filter) {
        return;
      }
      event.preventDefault();
      var params = new URLSearchParams();
      new FormData(filter).forEach(function (value, name) {
        if (value) {
          params.append(name, value);
        }
      });
      var query = params.toString();
      show(galleryPath + (query ? "?" + query : ""), true);
    });

    gallery.addEventListener("click", function (event) {
      var link = event.target.closest("a[href]");
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      var url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname !== galleryPath) {
        return;
      }
      event.preventDefault();
      show(url.pathname + url.search, true);
    });

    window.addEventListener("popstate", function () {
      if (window.location.pathname === galleryPath) {
        show(window.location.pathname + window.location.search, false);
      }
    });
  }

  initFacades();
  initCopyButtons();
  openFiltersOnWideScreens(false);
  initGallery();
})();
