/* Article view counter (progressive enhancement; the article works without it). */
(function () {
  "use strict";

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
})();
