/* The abbreviation glossary: filter as one types, and the header's dialog. */
(function () {
  "use strict";

  // Abbreviation glossary ("Từ viết tắt"): filter as one types (diacritics and case optional),
  // on the glossary page and in the dialog the header link opens.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  function wireGlossary(section) {
    var input = section.querySelector("[data-glossary-filter]");
    if (!input) { return; }
    var entries = Array.prototype.slice.call(section.querySelectorAll("[data-glossary-entry]"));
    var haystacks = entries.map(function (entry) { return fold(entry.textContent); });
    var count = section.querySelector("[data-glossary-count]");
    var empty = section.querySelector("[data-glossary-empty]");
    input.addEventListener("input", function () {
      var wanted = fold(input.value), compact = wanted.replace(/&/g, ""), shown = 0;
      entries.forEach(function (entry, i) {
        var hit = !wanted || haystacks[i].indexOf(wanted) >= 0 || haystacks[i].replace(/&/g, "").indexOf(compact) >= 0;
        entry.hidden = !hit;
        if (hit) { shown += 1; }
      });
      if (count) {
        count.textContent = count.getAttribute("data-template")
          .replace("__shown__", shown).replace("__total__", entries.length);
      }
      if (empty) { empty.hidden = shown > 0; }
    });
  }
  document.querySelectorAll("[data-glossary]").forEach(wireGlossary);

  var glossaryLink = document.querySelector("[data-glossary-open]");
  if (glossaryLink && window.fetch && typeof HTMLDialogElement === "function") {
    glossaryLink.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      fetch(glossaryLink.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var section = doc.querySelector("[data-glossary]");
        if (!section) { throw new Error("no glossary"); }
        var dialog = document.createElement("dialog");
        dialog.className = "glossary-dialog";
        dialog.setAttribute("aria-labelledby", "glossary-dialog-title");
        var heading = document.createElement("h2");
        heading.id = "glossary-dialog-title";
        heading.textContent = glossaryLink.textContent;
        var close = document.createElement("button");
        close.type = "button";
        close.className = "dialog-close";
        close.textContent = "×";
        close.setAttribute("aria-label", glossaryLink.getAttribute("data-close-label") || "Đóng");
        close.addEventListener("click", function () { dialog.close(); });
        dialog.addEventListener("close", function () { dialog.remove(); glossaryLink.focus(); });
        // A search field swallows Escape to clear itself; in a modal, Escape should still close.
        dialog.addEventListener("keydown", function (e) {
          if (e.key === "Escape") { e.preventDefault(); dialog.close(); }
        });
        dialog.appendChild(close);
        dialog.appendChild(heading);
        dialog.appendChild(document.importNode(section, true));
        document.body.appendChild(dialog);
        var imported = dialog.querySelector("[data-glossary]");
        imported.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
        wireGlossary(imported);
        dialog.showModal();
        var input = dialog.querySelector("[data-glossary-filter]");
        if (input) { input.focus(); }
      }).catch(function () { window.location.href = glossaryLink.href; });
    });
  }
})();
