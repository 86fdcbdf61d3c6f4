/* The footer's satisfaction question, answered in place. */
(function () {
  "use strict";

  // The footer's satisfaction question answers in place; without JavaScript the form posts
  // to a thank-you page.
  document.querySelectorAll("form[data-site-rating]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var result = form.querySelector(".site-rating-result");
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          result.textContent = data.message;
          if (data.ok) { form.querySelectorAll("input, button").forEach(function (el) { el.disabled = true; }); }
        })
        .catch(function () { form.submit(); });
    });
  });
})();
