/* The read-aloud player (Đọc bài viết). */
(function () {
  "use strict";

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
})();
