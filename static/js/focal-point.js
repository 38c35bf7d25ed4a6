/*
 * Admin: the focal point of an image, set by clicking its preview (shared/admin.py, focal_preview).
 *
 * The preview sits in a <span data-focal-picker="focal"> (or "poster_focal"); the click's place,
 * as a share of the picture's width and height (0–1), goes into the two number fields of the same
 * form or inline row whose names end in "<prefix>_x" and "<prefix>_y", and a marker shows it.
 * Typing into the fields moves the marker too. Without script the fields are the way to set it.
 * Only the marker's position is set through the style object (CSSOM), which the strict
 * Content-Security-Policy allows; no inline handler, no style attribute in the markup.
 */
(function () {
  "use strict";

  function fields(picker) {
    var prefix = picker.getAttribute("data-focal-picker");
    var scope = picker.closest(".inline-related") || picker.closest("form") || document;
    function find(axis) {
      var name = prefix + "_" + axis;
      var inputs = scope.querySelectorAll("input");
      for (var i = 0; i < inputs.length; i += 1) {
        var candidate = inputs[i].name || "";
        if (candidate === name || candidate.slice(-(name.length + 1)) === "-" + name) {
          return inputs[i];
        }
      }
      return null;
    }
    return { x: find("x"), y: find("y") };
  }

  function clamp(value) {
    var number = parseFloat(String(value).replace(",", "."));
    if (isNaN(number)) {
      return 0.5;
    }
    return Math.min(1, Math.max(0, number));
  }

  function showMarker(picker, inputs) {
    var marker = picker.querySelector(".focal-picker__marker");
    if (!marker || !inputs.x || !inputs.y) {
      return;
    }
    marker.style.left = (clamp(inputs.x.value) * 100).toFixed(1) + "%";
    marker.style.top = (clamp(inputs.y.value) * 100).toFixed(1) + "%";
    marker.hidden = false;
  }

  function setUp(picker) {
    var inputs = fields(picker);
    var image = picker.querySelector("img");
    if (!image || !inputs.x || !inputs.y) {
      return;
    }
    picker.classList.add("focal-picker--active");
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      inputs.x.value = clamp((event.clientX - box.left) / box.width).toFixed(3);
      inputs.y.value = clamp((event.clientY - box.top) / box.height).toFixed(3);
      showMarker(picker, inputs);
    });
    [inputs.x, inputs.y].forEach(function (input) {
      input.addEventListener("input", function () {
        showMarker(picker, inputs);
      });
    });
    showMarker(picker, inputs);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-focal-picker]"), setUp);
  });
})();
