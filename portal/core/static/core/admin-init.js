// Starts what Wagtail's admin starts with inline scripts, which the admin's
// Content-Security-Policy refuses (portal/core/headers.py): date, time and date-time pickers,
// inline and multiple-chooser panels, and chooser widgets (image, page, document, snippet).
// Where Wagtail wrote a <script>, portal/templates/wagtailadmin and portal/core/adminscripts.py
// leave a hidden <span data-portal-init="…" data-options="…">; each is started once, on load
// and when Wagtail adds a form to the page later.
(function () {
  "use strict";
  var starters = {
    date: function (el, options) { window.initDateChooser(el.dataset.target, options); },
    datetime: function (el, options) { window.initDateTimeChooser(el.dataset.target, options); },
    time: function (el, options) { window.initTimeChooser(el.dataset.target, options); },
    InlinePanel: function (el, options) { new window.InlinePanel(options); },
    MultipleChooserPanel: function (el, options) { new window.MultipleChooserPanel(options); },
    chooser: function (el, options) {
      var Constructor = window[el.dataset.constructor];
      if (typeof Constructor === "function") { new Constructor(el.dataset.target, options); }
    },
  };

  function start(root) {
    if (!root.querySelectorAll) { return; }
    var found = root.matches && root.matches("[data-portal-init]") ? [root] : [];
    found = found.concat(Array.prototype.slice.call(root.querySelectorAll("[data-portal-init]")));
    found.forEach(function (el) {
      if (el.dataset.portalStarted || el.closest("template")) { return; }
      var starter = starters[el.dataset.portalInit];
      if (!starter) { return; }
      el.dataset.portalStarted = "1";
      try {
        starter(el, JSON.parse(el.dataset.options || "{}"));
      } catch (error) {
        if (window.console) { window.console.error("portal admin init", el.dataset.portalInit, error); }
      }
    });
  }

  // File fields: the browser draws its own "Choose Files / No file chosen" in the browser's
  // language. The field stays (focusable, labelled, clickable across the whole control) but is
  // drawn as a button and the chosen names in Vietnamese (from the admin's JavaScript catalogue).
  var gettext = window.gettext || function (text) { return text; };
  function fileField(input) {
    if (input.dataset.portalFile || input.closest(".portal-file")) { return; }
    input.dataset.portalFile = "1";
    var box = document.createElement("span");
    box.className = "portal-file";
    var button = document.createElement("span");
    button.className = "button button-small button-secondary portal-file__button";
    button.setAttribute("aria-hidden", "true");
    button.textContent = input.multiple ? gettext("Choose files") : gettext("Choose a file");
    var names = document.createElement("span");
    names.className = "portal-file__names";
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    box.appendChild(button);
    box.appendChild(names);
    input.classList.add("portal-file__input");
    function show() {
      var files = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
      names.textContent = files.length ? files.join(", ") : gettext("No file chosen");
    }
    input.addEventListener("change", show);
    show();
  }
  function fileFields(root) {
    if (!root.querySelectorAll) { return; }
    var inputs = root.matches && root.matches("input[type=file]") ? [root] : [];
    inputs.concat(Array.prototype.slice.call(root.querySelectorAll("input[type=file]"))).forEach(function (input) {
      // Wagtail's own drop zones (multiple image and document upload) keep their design.
      if (!input.closest("template, [hidden], .drop-zone") && !input.hidden && input.id !== "fileupload") { fileField(input); }
    });
  }

  function ready() {
    start(document);
    fileFields(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (node) {
          if (node.nodeType === 1) { start(node); fileFields(node); }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
