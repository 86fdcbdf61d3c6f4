/* Small progressive enhancements shared by every page; each app's own scripts are in its
   static/<app>/ folder. Every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");  // also set by a11y-init.js in <head>

  // Phones: "Danh mục" unfolds the reading aids, the search box and the main menu; Escape
  // folds them again and returns to the button.
  var header = document.querySelector("[data-site-header]");
  var menuButton = header && header.querySelector("[data-menu-button]");
  if (menuButton) {
    var setOpen = function (open) {
      header.classList.toggle("menu-open", open);
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    };
    menuButton.addEventListener("click", function () {
      setOpen(menuButton.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("menu-open")) {
        setOpen(false);
        menuButton.focus();
      }
    });
  }

  // A printed page says when it was printed (the page itself may have come from a cache).
  var printDate = document.querySelector("[data-print-date]");
  if (printDate) {
    window.addEventListener("beforeprint", function () {
      var now = new Date();
      var two = function (n) { return (n < 10 ? "0" : "") + n; };
      printDate.textContent = " · " + printDate.getAttribute("data-label") + " " +
        two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" + now.getFullYear();
    });
  }

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
