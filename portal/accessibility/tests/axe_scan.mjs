// Runs axe-core (WCAG 2.0/2.1 A and AA rules) on pages of a running portal in Debian's chromium
// through playwright-core. Input on stdin: {"pages": [{"name", "url", "open": css?}], "modes":
// ["normal", "high"]}. Output on stdout: [{"name", "mode", "violations": [...]}]. In the
// high-contrast mode the WCAG AAA contrast rule (7:1) runs as well. A page with "open" is scanned
// after a click on that element, once "wait" is visible; "widths" limits it to those widths.
//
// axe-core leaves text "incomplete" (needs review) instead of failing it where it cannot be
// sure of the background: text exactly the colour of its background (1:1, which it takes for
// deliberately hidden text), text over a gradient or an image. Black-on-black text in the
// header went through that gap. So each page is also checked by the computed colours of every
// visible piece of text against the first opaque background behind it (TEXT_COLOURS below).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const input = JSON.parse(readFileSync(0, "utf8"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

// Runs in the page: every element holding visible text of its own, its colour against the first
// background colour behind it that is not transparent (walking up the ancestors). Where that
// ancestor paints a gradient or an image instead, the text is judged against each colour stop
// of the gradient and skipped over an image (axe-core judges those). Returns those under `ratio`.
const TEXT_COLOURS = `(ratio) => {
  const parse = (value) => {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = "1"] = m[1].split(/[ ,\\/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const backgrounds = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const image = style.backgroundImage;
      if (image && image !== "none") {
        if (!image.startsWith("linear-gradient")) return null;
        return (image.match(/rgba?\\([^)]+\\)/g) || []).map(parse);
      }
      const colour = parse(style.backgroundColor);
      if (colour && colour[3] > 0.99) return [colour];
    }
    return [[255, 255, 255, 1]];
  };
  const visible = (e) => {
    if (e.closest(".visually-hidden, [hidden], [aria-hidden=true]")) return false;
    const style = getComputedStyle(e);
    if (style.visibility !== "visible" || Number(style.opacity) === 0) return false;
    const rect = e.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  };
  const describe = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    [...e.classList].map((c) => "." + c).join("");
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || seen.has(element) || !element || element.closest("script, style, noscript, template")) continue;
    seen.add(element);
    if (!visible(element)) continue;
    const colour = parse(getComputedStyle(element).color);
    const behind = backgrounds(element);
    if (!colour || !behind) continue;
    const worst = Math.min(...behind.map((b) => contrast(colour, b)));
    if (worst < ratio) {
      found.push({ target: describe(element), summary: node.textContent.trim().slice(0, 40) +
        ": " + worst.toFixed(2) + ":1, " + getComputedStyle(element).color + " on " + JSON.stringify(behind) });
    }
  }
  return found.slice(0, 10);
}`;

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const results = [];
try {
  for (const mode of input.modes) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
      // bypassCSP: axe-core is injected as an inline script, which the site's policy refuses.
      const context = await browser.newContext({ viewport, locale: "vi-VN", bypassCSP: true });
      await context.addInitScript((contrast) => {
        window.localStorage.setItem("portal:contrast", contrast);
      }, mode);
      const page = await context.newPage();
      for (const target of input.pages) {
        if (target.widths && !target.widths.includes(viewport.width)) continue;
        const response = await page.goto(target.url, { waitUntil: "load" });
        if (target.open) {
          // On a phone the header's tools are folded behind "Danh mục": unfold them first.
          if (!(await page.isVisible(target.open)) && (await page.isVisible("[data-menu-button]"))) {
            await page.click("[data-menu-button]");
          }
          await page.click(target.open);
          await page.waitForSelector(target.wait, { state: "visible" });
        }
        await page.addScriptTag({ content: axeSource });
        const outcome = await page.evaluate(async ([highContrast, textColours]) => {
          const tags = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
          const found = (await window.axe.run(document, tags)).violations;
          if (highContrast) {
            const strict = await window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast-enhanced"] } });
            found.push(...strict.violations);
          }
          const unreadable = new Function(`return (${textColours})`)()(highContrast ? 7 : 4.5);
          if (unreadable.length) {
            found.push({ id: "text-colours", impact: "serious", help: "Text contrast by computed colours",
              nodes: unreadable.map((u) => ({ target: [u.target], failureSummary: u.summary })) });
          }
          return {
            contrast: document.documentElement.getAttribute("data-contrast"),
            // The stylesheet really applied (a scan of an unstyled page proves nothing).
            styled: getComputedStyle(document.documentElement).getPropertyValue("--brand").trim(),
            violations: found.map((v) => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
            })),
          };
        }, [mode === "high", TEXT_COLOURS]);
        results.push({
          name: target.name, mode, width: viewport.width, status: response ? response.status() : null,
          contrast: outcome.contrast, styled: outcome.styled, violations: outcome.violations,
        });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
