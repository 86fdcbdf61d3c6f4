/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // View counter: a beacon to an uncached endpoint, so a visit counts even when the article
  // HTML came from the page cache; the answer brings the current number back into the page.
  var counter = document.querySelector("[data-view-count][data-beacon]");
  if (counter && window.fetch) {
    fetch(counter.getAttribute("data-beacon"), {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json" },
      body: "{}"
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data && typeof data.view_count === "number") {
        counter.textContent = data.view_count.toLocaleString("vi-VN");
      }
    }).catch(function () { /* counting must never disturb reading */ });
  }

  // Visit statistics: one beacon per page view (also from cached pages); the answer refreshes
  // the footer counters, which the cached HTML may show up to a minute old.
  var visits = document.querySelector("[data-visit-beacon]");
  if (visits && window.fetch) {
    var page = parseInt(visits.getAttribute("data-page-id") || "", 10);
    fetch(visits.getAttribute("data-visit-beacon"), {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ page: page > 0 ? page : null, referrer: document.referrer || "" })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) { return; }
      visits.querySelectorAll("[data-visit-counter]").forEach(function (cell) {
        var value = data[cell.getAttribute("data-visit-counter")];
        if (typeof value === "number") { cell.textContent = value.toLocaleString("vi-VN"); }
      });
    }).catch(function () { /* counting must never disturb reading */ });
  }

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
