/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");  // also set by a11y-init.js in <head>

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

  // "Đọc bài viết": plays the recording of the article (or, until it is ready, the browser's
  // own voice) and highlights the sentence being read.
  var player = document.querySelector("[data-read-aloud]");
  if (player) { wireReadAloud(player); }

  function wireReadAloud(box) {
    var playButton = box.querySelector("[data-ra-play]");
    var label = box.querySelector("[data-ra-label]");
    var stopButton = box.querySelector("[data-ra-stop]");
    var speedSelect = box.querySelector("[data-ra-speed]");
    var status = box.querySelector("[data-ra-status]");
    var article = box.closest("article") || document.querySelector("main");
    var script = null, audio = null, mode = null, state = "idle", current = -1, ranges = [];
    var synth = window.speechSynthesis || null;
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var shortcut = document.querySelector("[data-ra-shortcut]");
    if (shortcut) {
      shortcut.hidden = false;
      shortcut.querySelector("a").addEventListener("click", function (event) {
        event.preventDefault();
        playButton.focus();
        if (state !== "playing") { playButton.click(); }
      });
    }

    function say(key) { status.textContent = box.getAttribute("data-msg-" + key) || ""; }
    function setState(next) {
      state = next;
      var text = next === "playing" ? "pause" : next === "paused" ? "resume" : "play";
      label.textContent = box.getAttribute("data-label-" + text);
      playButton.setAttribute("aria-pressed", next === "playing" ? "true" : "false");
      stopButton.disabled = next === "idle";
      box.classList.toggle("is-playing", next === "playing");
    }

    // Where each sentence is in the page: compared without whitespace, so spacing differences
    // between the page and the script (inline tags, line breaks) do not matter.
    function locate() {
      var chars = [], nodes = [];
      var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.parentElement.closest("[data-read-aloud], .article-meta, .article-footer, script, style, noscript")
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      var flat = "";
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var text = node.nodeValue;
        for (var i = 0; i < text.length; i++) {
          if (!/\s/.test(text[i])) { flat += text[i]; chars.push(i); nodes.push(node); }
        }
      }
      var from = 0;
      ranges = script.sentences.map(function (sentence) {
        var wanted = sentence.text.replace(/\s+/g, "");
        var at = wanted ? flat.indexOf(wanted, from) : -1;
        if (at < 0) { return null; }
        from = at + wanted.length;
        var range = document.createRange();
        range.setStart(nodes[at], chars[at]);
        range.setEnd(nodes[from - 1], chars[from - 1] + 1);
        return range;
      });
    }

    function highlight(index) {
      if (index === current) { return; }
      current = index;
      document.querySelectorAll(".is-reading").forEach(function (el) { el.classList.remove("is-reading"); });
      var range = index >= 0 ? ranges[index] : null;
      if (window.CSS && CSS.highlights && typeof Highlight === "function") {
        if (range) { CSS.highlights.set("read-aloud", new Highlight(range)); } else { CSS.highlights.delete("read-aloud"); }
      }
      if (!range) { return; }
      var block = range.startContainer.parentElement.closest("p, li, h1, h2, h3, h4, figcaption, blockquote, td, th");
      if (block) { block.classList.add("is-reading"); }
      var rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) {
        range.startContainer.parentElement.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      }
    }

    function finish(key) {
      if (audio) { audio.pause(); audio.currentTime = 0; }
      state = "idle";
      if (synth && mode === "speech") { synth.cancel(); }
      highlight(-1);
      setState("idle");
      say(key);
    }

    function startAudio() {
      mode = "audio";
      if (audio) { audio.remove(); }  // a new start after a stop: one element at a time
      audio = document.createElement("audio");
      audio.src = script.audio.url;
      audio.preload = "auto";
      audio.hidden = true;
      box.appendChild(audio);
      audio.playbackRate = parseFloat(speedSelect.value);
      var own = audio;
      audio.addEventListener("timeupdate", function () {
        // Events queued before a stop (rewinding fires one too) must not highlight again.
        if (state !== "playing" || audio !== own) { return; }
        var t = audio.currentTime, found = -1;
        script.sentences.forEach(function (s, i) { if (s.start !== null && t >= s.start && t < s.end + 0.3) { found = i; } });
        if (found >= 0) { highlight(found); }
      });
      audio.addEventListener("ended", function () { finish("done"); });
      audio.addEventListener("error", function () { audio = null; startSpeech(); });
      say("playing");
      setState("playing");
      audio.play().catch(function () { finish("error"); });
    }

    function vietnameseVoice() {
      var voices = synth.getVoices();
      for (var i = 0; i < voices.length; i++) {
        if (/^vi([-_]|$)/i.test(voices[i].lang)) { return voices[i]; }
      }
      return null;
    }

    function speakFrom(index) {
      if (index >= script.sentences.length) { finish("done"); return; }
      var utterance = new SpeechSynthesisUtterance(script.sentences[index].spoken);
      utterance.lang = "vi-VN";
      var voice = vietnameseVoice();
      if (voice) { utterance.voice = voice; }
      utterance.rate = parseFloat(speedSelect.value);
      utterance.onstart = function () { highlight(index); };
      utterance.onend = function () { if (state === "playing" && mode === "speech") { speakFrom(index + 1); } };
      synth.speak(utterance);
    }

    function startSpeech() {
      mode = "speech";
      if (!synth || typeof SpeechSynthesisUtterance !== "function") { setState("idle"); say("none"); return; }
      say(vietnameseVoice() ? "browser" : "no-vi");
      setState("playing");
      synth.cancel();
      speakFrom(0);
    }

    playButton.addEventListener("click", function () {
      if (state === "playing") {
        if (mode === "audio") { audio.pause(); } else if (synth) { synth.pause(); }
        setState("paused");
        say("paused");
        return;
      }
      if (state === "paused") {
        if (mode === "audio") { audio.play(); } else if (synth) { synth.resume(); }
        setState("playing");
        say("playing");
        return;
      }
      if (script) { script.audio ? startAudio() : startSpeech(); return; }
      say("loading");
      fetch(box.getAttribute("data-read-aloud"), { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (data) {
        script = data;
        locate();
        if (data.status === "ready" && data.audio) { startAudio(); } else { startSpeech(); }
      }).catch(function () { script = null; say("error"); });
    });
    stopButton.addEventListener("click", function () { finish(""); playButton.focus(); });
    speedSelect.addEventListener("change", function () {
      if (audio) { audio.playbackRate = parseFloat(speedSelect.value); }
    });
    window.addEventListener("pagehide", function () { if (synth) { synth.cancel(); } });
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
