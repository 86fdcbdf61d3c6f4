/* Small progressive enhancements shared by every page; each app's own scripts are in its
   static/<app>/ folder. Every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");  // also set by a11y-init.js in <head>

  // Page tools: print, copy the address, load an embedded player on request.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-print],[data-copy-link],[data-load-embed]");
    if (!target) { return; }
    if (target.hasAttribute("data-print")) {
      window.print();
    } else if (target.hasAttribute("data-copy-link")) {
      var status = document.querySelector(".copy-status");
      var done = function () { if (status) { status.textContent = target.getAttribute("data-copied"); } };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(window.location.href).then(done, function () { window.prompt("", window.location.href); });
      } else {
        window.prompt("", window.location.href);
      }
    } else if (target.hasAttribute("data-load-embed")) {
      // External players load only on request: opening the article contacts no third party.
      var figure = target.closest("[data-embed-src]");
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-embed-src");
      frame.title = figure.getAttribute("data-embed-title");
      frame.width = "640";
      frame.height = "360";
      frame.allowFullscreen = true;
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      target.replaceWith(frame);
    }
  });
})();
