/* Font size and high contrast, remembered in this browser. */
(function () {
  "use strict";

  // "Xem với cỡ chữ" and "Tương phản": applied at once, remembered in this browser (the
  // head script a11y-init.js re-applies them on the next page before it is drawn).
  var root = document.documentElement;
  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }
  var fontSteps = [100, 125, 150, 175, 200];
  var fontOutput = document.querySelector("[data-font-size-value]");
  function currentFont() {
    var value = parseInt(root.style.fontSize, 10);
    return fontSteps.indexOf(value) >= 0 ? value : 100;
  }
  function showFont() {
    var value = currentFont();
    if (fontOutput) { fontOutput.textContent = value + "%"; }
    document.querySelectorAll("[data-font-step]").forEach(function (button) {
      var step = parseInt(button.getAttribute("data-font-step"), 10);
      var index = fontSteps.indexOf(value);
      button.disabled = (step < 0 && index === 0) || (step > 0 && index === fontSteps.length - 1);
    });
  }
  document.querySelectorAll("[data-font-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      var step = parseInt(button.getAttribute("data-font-step"), 10);
      var index = fontSteps.indexOf(currentFont());
      var next = step === 0 ? 0 : Math.max(0, Math.min(fontSteps.length - 1, index + step));
      root.style.fontSize = next === 0 ? "" : fontSteps[next] + "%";
      remember("portal:font-size", String(fontSteps[next]));
      showFont();
    });
  });
  showFont();

  var contrastButton = document.querySelector("[data-contrast-toggle]");
  function showContrast() {
    if (contrastButton) {
      contrastButton.setAttribute("aria-pressed", root.getAttribute("data-contrast") === "high" ? "true" : "false");
    }
  }
  if (contrastButton) {
    contrastButton.addEventListener("click", function () {
      var next = root.getAttribute("data-contrast") === "high" ? "normal" : "high";
      root.setAttribute("data-contrast", next);
      remember("portal:contrast", next);
      showContrast();
    });
  }
  // Follow the system setting while the reader has not chosen here.
  if (window.matchMedia) {
    var wish = window.matchMedia("(prefers-contrast: more)");
    var follow = function () {
      var chosen = null;
      try { chosen = window.localStorage.getItem("portal:contrast"); } catch (e) { /* none */ }
      if (!chosen) { root.setAttribute("data-contrast", wish.matches ? "high" : "normal"); showContrast(); }
    };
    if (wish.addEventListener) { wish.addEventListener("change", follow); }
  }
  showContrast();
})();
