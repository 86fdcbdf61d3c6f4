/* Runs in <head> before the page is drawn: applies the reader's remembered font size and
   contrast (or the system's "more contrast" wish) so pages never flash in the wrong style. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var size = null, contrast = null;
  try {
    size = window.localStorage.getItem("portal:font-size");
    contrast = window.localStorage.getItem("portal:contrast");
  } catch (e) { /* storage blocked: defaults */ }
  var steps = [100, 125, 150, 175, 200];
  if (size && steps.indexOf(parseInt(size, 10)) > 0) {
    root.style.fontSize = parseInt(size, 10) + "%";
  }
  if (contrast !== "high" && contrast !== "normal") {
    contrast = window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches ? "high" : "normal";
  }
  root.setAttribute("data-contrast", contrast);
})();
