/* The one page-view beacon: visit statistics, the footer counters and the page's own view
   counter (portal.core.pageviews). */
(function () {
  "use strict";

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
      // The page's own counter (an article's "Lượt xem"), counting this view.
      var own = document.querySelector("[data-view-count]");
      if (own && typeof data.page_views === "number") { own.textContent = data.page_views.toLocaleString("vi-VN"); }
      visits.querySelectorAll("[data-visit-counter]").forEach(function (cell) {
        var value = data[cell.getAttribute("data-visit-counter")];
        if (typeof value === "number") { cell.textContent = value.toLocaleString("vi-VN"); }
      });
    }).catch(function () { /* counting must never disturb reading */ });
  }
})();
