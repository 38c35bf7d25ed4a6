/*
 * Admin: the focal point of an image, and a first look at a chosen file before it is saved
 * (shared/admin.py: focal_preview; styles in static/css/admin.css, section "Focal point picker").
 *
 * 1. The picker. Each <div data-focal-picker="focal"> (or "poster_focal") holds the picture. The
 *    script makes that picture a focusable control (role "application", named, described by the
 *    help text): a click on the face, or the arrow keys (Shift: big steps), set the point, which
 *    goes into the two fields of the same form or inline row whose names end in "<prefix>_x" and
 *    "<prefix>_y", written the German way ("0,68"; shared/numbers.py reads both). A live region
 *    says the position, a marker shows it, and two frames show what a card (4:3) and the share
 *    card's photo part keep around the point; both cut the picture exactly like the server
 *    (mediafiles.images.crop_box). Typing into the fields moves all of it too.
 * 2. Before the first save: choosing a file in the picker's image field (data-focal-source, e.g.
 *    "image" or "poster") shows that file in the picker at once, from a blob: URL (img-src allows
 *    blob:). A format the browser cannot show (HEIC in Chromium) gets a note instead.
 * 3. A chosen video file (fields named video_source, video_mp4, video_webm) is shown at once in a
 *    <video> without poster from a blob: URL (media-src allows blob:), no higher than the window.
 *
 * Without script the fields are typed in, as before. Positions are set through the CSSOM (the
 * element's style object), which the strict Content-Security-Policy allows; no inline handler,
 * no style attribute in the markup.
 */
(function () {
  "use strict";

  var gettext = window.gettext || function (text) { return text; };
  var STEP = 0.01;
  var BIG_STEP = 0.1;
  var KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  var VIDEO_FIELDS = ["video_source", "video_mp4", "video_webm"];

  function scopeOf(element) {
    return element.closest(".inline-related") || element.closest("form") || document;
  }

  function named(scope, selector, name) {
    var inputs = scope.querySelectorAll(selector);
    for (var i = 0; i < inputs.length; i += 1) {
      var candidate = inputs[i].name || "";
      if (candidate === name || candidate.slice(-(name.length + 1)) === "-" + name) {
        return inputs[i];
      }
    }
    return null;
  }

  function unit(value) {
    var number = parseFloat(String(value).replace(/\s/g, "").replace(",", "."));
    if (isNaN(number)) {
      return 0.5;
    }
    return Math.min(1, Math.max(0, number));
  }

  function german(number) {
    return String(Math.round(number * 1000) / 1000).replace(".", ",");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  /* The largest box of rw:rh inside w×h, centred on the point, moved inside the edges
     (mediafiles.images.crop_box). */
  function cropBox(w, h, fx, fy, rw, rh) {
    var bw;
    var bh;
    if (w * rh >= h * rw) {
      bh = h;
      bw = Math.min(w, Math.round((h * rw) / rh));
    } else {
      bw = w;
      bh = Math.min(h, Math.round((w * rh) / rw));
    }
    var left = Math.min(Math.max(Math.round(fx * w - bw / 2), 0), w - bw);
    var top = Math.min(Math.max(Math.round(fy * h - bh / 2), 0), h - bh);
    return { left: left, top: top, width: bw, height: bh };
  }

  function Picker(root) {
    this.root = root;
    this.prefix = root.getAttribute("data-focal-picker");
    this.scope = scopeOf(root);
    this.x = named(this.scope, "input", this.prefix + "_x");
    this.y = named(this.scope, "input", this.prefix + "_y");
    this.stage = root.querySelector(".focal-picker__stage");
    this.marker = root.querySelector(".focal-picker__marker");
    this.help = root.querySelector(".focal-picker__help");
    this.status = root.querySelector(".focal-picker__status");
    this.frames = root.querySelector(".focal-picker__frames");
    this.objectUrl = null;
  }

  Picker.prototype.image = function () {
    return this.stage.querySelector("img");
  };

  Picker.prototype.point = function () {
    return { x: unit(this.x.value), y: unit(this.y.value) };
  };

  Picker.prototype.setUp = function () {
    var picker = this;
    if (!this.x || !this.y || !this.stage) {
      return;
    }
    var stage = this.stage;
    stage.addEventListener("click", function (event) {
      var image = picker.image();
      if (!picker.ready || !image) {
        return;
      }
      var box = image.getBoundingClientRect();
      picker.set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });
    stage.addEventListener("keydown", function (event) {
      var move = KEYS[event.key];
      if (!picker.ready || !move || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      event.preventDefault();
      var step = event.shiftKey ? BIG_STEP : STEP;
      var point = picker.point();
      picker.set(point.x + move[0] * step, point.y + move[1] * step);
    });
    [this.x, this.y].forEach(function (input) {
      input.addEventListener("input", function () {
        picker.show(false);
      });
    });
    var source = named(this.scope, "input[type=file]", this.root.getAttribute("data-focal-source"));
    if (source) {
      source.addEventListener("change", function () {
        picker.choose(source.files && source.files[0]);
      });
    }
    if (this.image()) {
      this.activate();
    }
  };

  /* The picture is there: the stage becomes the control, the frames appear. */
  Picker.prototype.activate = function () {
    var image = this.image();
    var picker = this;
    if (!image) {
      return;
    }
    if (!image.complete || !image.naturalWidth) {
      image.addEventListener("load", function () { picker.activate(); }, { once: true });
      return;
    }
    this.ready = true;
    this.root.classList.add("focal-picker--active");
    this.stage.setAttribute("tabindex", "0");
    this.stage.setAttribute("role", "application");
    this.stage.setAttribute("aria-label", this.root.getAttribute("data-label"));
    if (this.help) {
      if (!this.help.id) {
        this.help.id = (this.x.id || this.prefix) + "_picker_help";
      }
      this.stage.setAttribute("aria-describedby", this.help.id);
      this.help.hidden = false;
    }
    this.frames.hidden = false;
    Array.prototype.forEach.call(this.frames.querySelectorAll(".focal-frame__window"), function (frame) {
      var copy = frame.querySelector("img") || frame.appendChild(document.createElement("img"));
      copy.alt = "";
      copy.src = image.currentSrc || image.src;
    });
    this.show(false);
  };

  Picker.prototype.deactivate = function () {
    this.ready = false;
    this.root.classList.remove("focal-picker--active");
    ["tabindex", "role", "aria-label", "aria-describedby"].forEach(function (name) {
      this.stage.removeAttribute(name);
    }, this);
    if (this.help) {
      this.help.hidden = true;
    }
    this.frames.hidden = true;
    this.marker.hidden = true;
    this.status.textContent = "";
  };

  Picker.prototype.set = function (x, y) {
    this.x.value = german(unit(x));
    this.y.value = german(unit(y));
    [this.x, this.y].forEach(function (input) {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    this.show(true);
  };

  /* Marker, frames and (when asked) the spoken position follow the two fields. */
  Picker.prototype.show = function (announce) {
    if (!this.ready) {
      return;
    }
    var point = this.point();
    this.marker.style.left = (point.x * 100).toFixed(1) + "%";
    this.marker.style.top = (point.y * 100).toFixed(1) + "%";
    this.marker.hidden = false;
    var image = this.image();
    var w = image.naturalWidth;
    var h = image.naturalHeight;
    Array.prototype.forEach.call(this.frames.querySelectorAll(".focal-frame"), function (frame) {
      var ratio = frame.getAttribute("data-ratio").split(":").map(Number);
      var copy = frame.querySelector(".focal-frame__window img");
      var box = cropBox(w, h, point.x, point.y, ratio[0], ratio[1]);
      copy.style.width = ((w / box.width) * 100).toFixed(2) + "%";
      copy.style.height = ((h / box.height) * 100).toFixed(2) + "%";
      copy.style.left = ((-box.left / box.width) * 100).toFixed(2) + "%";
      copy.style.top = ((-box.top / box.height) * 100).toFixed(2) + "%";
    });
    var text = fill(this.root.getAttribute("data-position"), {
      x: String(Math.round(point.x * 100)),
      y: String(Math.round(point.y * 100))
    });
    if (announce || this.status.textContent) {
      this.status.textContent = text;
    }
  };

  /* A file chosen in the image field: shown at once, before it is saved. */
  Picker.prototype.choose = function (file) {
    var picker = this;
    if (this.objectUrl) {
      URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = null;
    }
    if (!file) {
      return;
    }
    this.deactivate();
    var image = document.createElement("img");
    image.alt = fill(this.root.getAttribute("data-chosen-alt"), { name: file.name });
    image.className = "focal-picker__chosen";
    image.addEventListener("load", function () {
      image.width = 240;
      image.height = Math.round((240 * image.naturalHeight) / image.naturalWidth);
      picker.activate();
    }, { once: true });
    image.addEventListener("error", function () {
      var note = document.createElement("p");
      note.className = "focal-picker__note";
      note.textContent = fill(picker.root.getAttribute("data-unreadable"), { name: file.name });
      picker.replaceStage(note);
    }, { once: true });
    this.objectUrl = URL.createObjectURL(file);
    this.replaceStage(image);
    image.src = this.objectUrl;
  };

  Picker.prototype.replaceStage = function (content) {
    Array.prototype.slice.call(this.stage.childNodes).forEach(function (node) {
      if (node !== this.marker) {
        this.stage.removeChild(node);
      }
    }, this);
    this.stage.insertBefore(content, this.marker);
  };

  /* -- a chosen video, shown before it is saved ---------------------------------------- */
  function isVideoInput(input) {
    var name = input.name || "";
    return VIDEO_FIELDS.some(function (field) {
      return name === field || name.slice(-(field.length + 1)) === "-" + field;
    });
  }

  function setUpVideoInput(input) {
    var box = null;
    var objectUrl = null;
    input.addEventListener("change", function () {
      if (objectUrl) {
        URL.revokeObjectURL(objectUrl);
        objectUrl = null;
      }
      if (box) {
        box.remove();
        box = null;
      }
      var file = input.files && input.files[0];
      if (!file) {
        return;
      }
      objectUrl = URL.createObjectURL(file);
      box = document.createElement("div");
      box.className = "chosen-video";
      var video = document.createElement("video");
      video.controls = true;
      video.muted = true;
      video.playsInline = true;
      video.preload = "metadata";
      video.setAttribute("aria-label", interpolate(
        gettext("Vorschau der gewählten Datei „%(name)s“ (noch nicht gespeichert)"), { name: file.name }, true
      ));
      var note = document.createElement("p");
      note.className = "help";
      note.textContent = interpolate(
        gettext("Vorschau von „%(name)s“. Gespeichert ist das Video erst, wenn Sie das Formular sichern."),
        { name: file.name }, true
      );
      video.addEventListener("error", function () {
        video.remove();
        note.textContent = interpolate(
          gettext(
            "„%(name)s“ kann dieser Browser nicht abspielen (z. B. HEVC). Die Website nimmt die Datei an " +
            "und macht nach dem Speichern daraus MP4 und WebM für das Web."
          ),
          { name: file.name }, true
        );
      }, { once: true });
      video.src = objectUrl;
      box.appendChild(video);
      box.appendChild(note);
      var anchor = input.closest(".file-upload") || input;
      anchor.insertAdjacentElement("afterend", box);
    });
  }

  function interpolate(format, values, named) {
    if (window.interpolate) {
      return window.interpolate(format, values, named);
    }
    return format.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
  }

  function setUpWithin(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-focal-picker]"), function (element) {
      if (element.closest(".empty-form") || element.hasAttribute("data-focal-ready")) {
        return; // the template row "hinzufügen" copies: set up in the copy (formset:added)
      }
      element.setAttribute("data-focal-ready", "");
      new Picker(element).setUp();
    });
    Array.prototype.forEach.call(root.querySelectorAll("input[type=file]"), function (input) {
      if (isVideoInput(input) && !input.closest(".empty-form") && !input.hasAttribute("data-preview-ready")) {
        input.setAttribute("data-preview-ready", "");
        setUpVideoInput(input);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpWithin(document);
  });
  // Django's inlines announce a new row ("Weiteres Foto hinzufügen") with this event.
  document.addEventListener("formset:added", function (event) {
    setUpWithin(event.target);
  });
})();
