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

  function ready() {
    start(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (node) {
          if (node.nodeType === 1) { start(node); }
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
