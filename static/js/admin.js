/*
 * Admin: fixes for widgets of Django 6.1 and django-prose-editor 0.28 that only script can reach.
 * Loaded through the media of the widgets that need it (shared/admin.py, shared/richtext.py);
 * only attributes change, so the strict Content-Security-Policy holds.
 *
 * 1. The two-box selector (filter_horizontal): Django puts the filter fields' names on the
 *    magnifier icon, a <span> with aria-label but no role, which ARIA does not allow (axe:
 *    aria-prohibited-attr). As role="img" the icon names the filter field inside its <label>.
 * 2. The rich-text editor: its editable area (role="textbox") gets the name and description
 *    of the field it edits, and its toolbar German titles instead of English ones, which the
 *    editor hard-codes. The texts are German source strings through gettext.
 * 3. The searchable choice (autocomplete_fields, Select2): its combobox and the box showing the
 *    choice are named by the field's <label> (Select2 names them by the chosen text only, which
 *    is empty before a choice).
 * 4. Texts with a limit (textarea[data-char-count], shared/admin_widgets.py): „noch 120 von 300
 *    Zeichen“ under the field, told to screen readers (aria-live="polite") when the typing pauses.
 * 5. The error summary (templates/admin/includes/error_summary.html) takes the focus when the
 *    page opens; each of its links puts the focus into its field, opening a folded section and
 *    reaching the visible part of a widget (the searchable choice, the rich-text area).
 * 6. The first focus of an add form: Django's change_form.js focuses the first field, which for
 *    a searchable choice is its hidden <select>; the focus moves to the visible box.
 * 7. The icon links of related fields (add, change, view, delete): the icon takes the link's
 *    title as its text (Django leaves alt="" on the only content of the link).
 *
 * base_site.html loads this file on every admin page; a form's media may load it again: it runs once.
 */
(function () {
  "use strict";

  if (window.kjcAdminScript) {
    return;
  }
  window.kjcAdminScript = true;

  var gettext = window.gettext || function (text) { return text; };

  // --- 1. the two-box selector -------------------------------------------------------------

  function nameFilterIcons(fieldId) {
    ["_input", "_selected_input"].forEach(function (suffix) {
      var icon = document.querySelector('label[for="' + fieldId + suffix + '"] .search-label-icon');
      if (icon) {
        icon.setAttribute("role", "img");
      }
    });
  }

  // SelectFilter2.js sets up each selector on "load" (and for inline rows added later), always
  // through window.SelectFilter.init; by DOMContentLoaded every script of the page has run.
  document.addEventListener("DOMContentLoaded", function () {
    var SelectFilter = window.SelectFilter;
    if (!SelectFilter || SelectFilter.namesIcons) {
      return;
    }
    var init = SelectFilter.init;
    SelectFilter.init = function (fieldId) {
      var result = init.apply(this, arguments);
      nameFilterIcons(fieldId);
      return result;
    };
    SelectFilter.namesIcons = true;
  });

  // --- 2. the rich-text editor -------------------------------------------------------------

  // The toolbar titles of django-prose-editor 0.28 (title and aria-label of each button) and
  // the texts of the block type picker.
  var TOOLBAR = {
    "paragraph": gettext("Absatz"),
    "Paragraph": gettext("Absatz"),
    "heading 1": gettext("Überschrift 1"),
    "heading 2": gettext("Überschrift 2"),
    "heading 3": gettext("Überschrift 3"),
    "Heading 1": gettext("Überschrift 1"),
    "Heading 2": gettext("Überschrift 2"),
    "Heading 3": gettext("Überschrift 3"),
    "bold": gettext("Fett"),
    "italic": gettext("Kursiv"),
    "underline": gettext("Unterstrichen"),
    "strike": gettext("Durchgestrichen"),
    "subscript": gettext("Tiefgestellt"),
    "superscript": gettext("Hochgestellt"),
    "unordered list": gettext("Aufzählung"),
    "ordered list": gettext("Nummerierte Liste"),
    "blockquote": gettext("Zitat"),
    "horizontal rule": gettext("Trennlinie"),
    "insert link": gettext("Link einfügen"),
    "remove link": gettext("Link entfernen"),
    "undo": gettext("Rückgängig"),
    "redo": gettext("Wiederholen"),
    "figure": gettext("Bild"),
    "Code": gettext("Code"),
    "Code block": gettext("Codeblock"),
    "edit HTML": gettext("HTML bearbeiten"),
    "Insert table": gettext("Tabelle einfügen"),
    "Merge cells": gettext("Zellen verbinden"),
    "Split cell": gettext("Zelle teilen"),
  };

  function german(text) {
    return Object.prototype.hasOwnProperty.call(TOOLBAR, text) ? TOOLBAR[text] : text;
  }

  function translate(element, attribute) {
    var text = element.getAttribute(attribute);
    if (text && german(text) !== text) {
      element.setAttribute(attribute, german(text));
    }
  }

  function translateToolbar(menubar) {
    menubar.querySelectorAll("button").forEach(function (button) {
      translate(button, "title");
      translate(button, "aria-label");
    });
    menubar.querySelectorAll(".prose-menubar__option > *").forEach(function (option) {
      var text = option.textContent.trim();
      if (german(text) !== text) {  // changing only English texts ends the observer's round
        option.textContent = german(text);
      }
    });
  }

  function nameEditableArea(area, textarea) {
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = label.id || textarea.id + "_label";
      area.setAttribute("aria-labelledby", label.id);
    }
    var help = textarea.id && document.getElementById(textarea.id + "_helptext");
    if (help) {
      area.setAttribute("aria-describedby", help.id);
    }
  }

  function watchToolbar(container) {
    var menubar = container.querySelector(".prose-menubar");
    if (!menubar) {  // the editor adds its toolbar just after announcing itself
      var waiting = new MutationObserver(function () {
        if (container.querySelector(".prose-menubar")) {
          waiting.disconnect();
          watchToolbar(container);
        }
      });
      waiting.observe(container, { childList: true });
      return;
    }
    translateToolbar(menubar);
    // The block type button is replaced by a fresh English copy whenever the cursor moves.
    new MutationObserver(function () { translateToolbar(menubar); }).observe(menubar, {
      childList: true,
      subtree: true,
    });
  }

  // django-prose-editor announces each editor it has set up; this script runs before it.
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    nameEditableArea(event.detail.editor.view.dom, textarea);
    watchToolbar(textarea.closest(".prose-editor") || textarea.parentElement);
  });

  // --- 3. the searchable choice ------------------------------------------------------------

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = select.id && document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      var selection = container && container.querySelector(".select2-selection");
      if (!label || !selection) {
        return;
      }
      label.id = label.id || select.id + "_label";
      var rendered = selection.querySelector(".select2-selection__rendered");
      var names = [label.id];
      if (rendered && rendered.id) {
        rendered.setAttribute("aria-labelledby", label.id + " " + rendered.id);
        names.push(rendered.id);
      }
      selection.setAttribute("aria-labelledby", names.join(" "));
    });
  }

  // Django's autocomplete.js sets Select2 up in a jQuery ready handler, which jQuery runs
  // asynchronously (before or after "load"), and again for inline rows added later: name each
  // box as soon as Select2 has inserted it.
  document.addEventListener("DOMContentLoaded", function () {
    nameAutocompletes(document);
    new MutationObserver(function (records) {
      var added = records.some(function (record) {
        return Array.prototype.some.call(record.addedNodes, function (node) {
          return node.classList && node.classList.contains("select2-container");
        });
      });
      if (added) {
        nameAutocompletes(document);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });

  // --- 4. texts with a limit ----------------------------------------------------------------

  function countText(left, limit) {
    if (left >= 0) {
      return interpolate(gettext("noch %(left)s von %(limit)s Zeichen"), { left: left, limit: limit }, true);
    }
    return interpolate(gettext("%(over)s Zeichen zu viel (höchstens %(limit)s)"), { over: -left, limit: limit }, true);
  }

  function interpolate(text, values) {
    return (window.interpolate || function (fmt, obj) {
      return fmt.replace(/%\((\w+)\)s/g, function (match, name) { return String(obj[name]); });
    })(text, values, true);
  }

  function setUpCount(field) {
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!limit || field.dataset.charCountReady || !field.id || field.id.indexOf("__prefix__") !== -1) {
      return;
    }
    field.dataset.charCountReady = "1";
    var shown = document.createElement("p");
    shown.className = "char-count";
    shown.id = field.id + "_count";
    shown.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", shown);
    shown.insertAdjacentElement("afterend", spoken);
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(shown.id);
    field.setAttribute("aria-describedby", described.join(" "));
    var pause = null;
    function update(announce) {
      var left = limit - field.value.length;
      shown.textContent = countText(left, limit);
      shown.classList.toggle("char-count--over", left < 0);
      if (announce) {
        clearTimeout(pause);
        pause = setTimeout(function () { spoken.textContent = shown.textContent; }, 1000);
      }
    }
    field.addEventListener("input", function () { update(true); });
    update(false);
  }

  function setUpCounts(root) {
    root.querySelectorAll("textarea[data-char-count][maxlength], input[data-char-count][maxlength]")
      .forEach(setUpCount);
  }

  document.addEventListener("DOMContentLoaded", function () { setUpCounts(document); });
  // A photo row added with „Weiteres Foto hinzufügen“ (Django's inlines.js).
  document.addEventListener("formset:added", function (event) { setUpCounts(event.target); });

  // --- 5. the error summary ----------------------------------------------------------------

  var FOCUSABLE = "input:not([type=hidden]), select, textarea, button, [contenteditable=true], " +
    ".select2-selection, [tabindex]:not([tabindex='-1'])";

  function visible(element) {
    return !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length) &&
      !element.classList.contains("select2-hidden-accessible");
  }

  function openSections(element) {
    for (var node = element; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
  }

  // The element an editor works with for `field`: itself, or the visible part of its widget.
  function workingPart(field) {
    if (visible(field) && field.matches(FOCUSABLE)) {
      return field;
    }
    var row = field.closest(".form-row, .flex-container, fieldset") || field.parentElement;
    var parts = row ? row.querySelectorAll(FOCUSABLE) : [];
    for (var i = 0; i < parts.length; i += 1) {
      if (visible(parts[i])) {
        return parts[i];
      }
    }
    return null;
  }

  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) {
      return false;
    }
    openSections(field);
    var target = workingPart(field);
    if (!target) {
      return false;
    }
    var label = document.querySelector('label[for="' + id + '"]');
    (label || target).scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    if (link && focusField(decodeURIComponent(link.getAttribute("href").slice(1)))) {
      event.preventDefault();
    }
  });

  // --- 6. the first focus --------------------------------------------------------------------

  // Whether Django's focus comes before or after Select2 has hidden the <select>, the focus
  // leaves the hidden element for the visible box (also after a click on the field's label).
  function leaveHiddenSelect() {
    var focused = document.activeElement;
    if (!focused || !focused.classList || !focused.classList.contains("select2-hidden-accessible")) {
      return;
    }
    var container = focused.nextElementSibling;
    var box = container && container.querySelector(".select2-selection");
    if (box) {
      box.focus();
    }
  }

  document.addEventListener("focusin", leaveHiddenSelect);
  document.addEventListener("DOMContentLoaded", function () {
    new MutationObserver(leaveHiddenSelect).observe(document.body, { childList: true, subtree: true });
  });

  window.addEventListener("load", function () {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
      return;
    }
    leaveHiddenSelect();
  });

  // --- 7. icon links of related fields -------------------------------------------------------

  function nameIcons(root) {
    root.querySelectorAll(".related-widget-wrapper-link img").forEach(function (icon) {
      var link = icon.closest("a");
      if (!icon.getAttribute("alt") && link && link.title) {
        icon.setAttribute("alt", link.title);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { nameIcons(document); });
  document.addEventListener("formset:added", function (event) { nameIcons(event.target); });
})();
