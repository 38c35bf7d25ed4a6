/*
 * Admin: the video's processing, followed without a reload (mediafiles/video_admin.py).
 *
 * The status line <div data-video-status="<id>/video-status/"> holds the message in a live region
 * (role="status"). While the task is still to come (data-video-state "waiting" or "running") this
 * script asks the JSON view every few seconds and writes the answer's German message and
 * percentage into the line: the progress bar at every answer, the live region when the state
 * changes or a quarter more is done (a screen reader hears a few sentences, not one every three
 * seconds). When the video is done it shows the finished preview and offers a link that reloads
 * the page (the poster and its focal point picker come with the page). All texts come from the
 * server (German, through gettext); without script the line shows the state at each page load.
 */
(function () {
  "use strict";

  var EVERY_MS = 3000;
  var GIVE_UP_AFTER = 5; // failed requests in a row
  var PENDING = { waiting: true, running: true };

  function quarter(progress) {
    return progress === null || progress === undefined ? -1 : Math.floor(progress / 25);
  }

  function follow(line) {
    var url = line.getAttribute("data-video-status");
    var message = line.querySelector(".video-status__message");
    var done = line.querySelector(".video-status__done");
    if (!url || !message || !done || !PENDING[line.getAttribute("data-video-state")]) {
      return;
    }
    var hint = line.querySelector(".video-status__hint");
    if (hint) {
      hint.hidden = true; // "reload the page" is for browsers without script
    }
    var progressBar = line.querySelector(".video-status__progress");
    var last = { state: line.getAttribute("data-video-state"), quarter: quarter(progressBar && progressBar.value) };
    var failures = 0;

    function showProgress(data) {
      if (!progressBar) {
        return;
      }
      if (data.pending && typeof data.progress === "number") {
        progressBar.value = data.progress;
        progressBar.textContent = data.progress + " %";
      }
      if (!data.pending) {
        progressBar.remove();
        progressBar = null;
      }
    }

    function showPreview(html) {
      var box = document.querySelector("[data-video-preview]");
      if (box && typeof html === "string") {
        box.innerHTML = html; // made by the server from escaped values (mediafiles/video_admin.py)
      }
    }

    function finish(data) {
      showPreview(data.preview);
      var link = document.createElement("a");
      link.href = window.location.href.split("#")[0];
      link.textContent = line.getAttribute("data-done-text");
      done.textContent = "";
      done.appendChild(document.createElement("br"));
      done.appendChild(link);
      done.hidden = false;
    }

    function answer(data) {
      failures = 0;
      line.setAttribute("data-video-state", data.state);
      showProgress(data);
      if (data.state !== last.state || quarter(data.progress) !== last.quarter) {
        message.textContent = data.message;
        last = { state: data.state, quarter: quarter(data.progress) };
      }
      if (data.pending) {
        window.setTimeout(ask, EVERY_MS);
      } else {
        finish(data);
      }
    }

    function fail() {
      failures += 1;
      if (failures >= GIVE_UP_AFTER) {
        message.textContent = line.getAttribute("data-error-text");
        return;
      }
      window.setTimeout(ask, EVERY_MS * failures);
    }

    function ask() {
      window
        .fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(answer, fail);
    }

    window.setTimeout(ask, EVERY_MS);
  }

  function start() {
    var lines = document.querySelectorAll("[data-video-status]");
    for (var i = 0; i < lines.length; i += 1) {
      follow(lines[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
