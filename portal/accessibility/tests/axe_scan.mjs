// Runs axe-core (WCAG 2.0/2.1 A and AA rules) on pages of a running portal in Debian's chromium
// through playwright-core. Input on stdin: {"pages": [{"name", "url", "open": css?}], "modes":
// ["normal", "high"]}. Output on stdout: [{"name", "mode", "violations": [...]}]. In the
// high-contrast mode the WCAG AAA contrast rule (7:1) runs as well.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const input = JSON.parse(readFileSync(0, "utf8"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

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
        const response = await page.goto(target.url, { waitUntil: "load" });
        if (target.open) {
          await page.click(target.open);
          await page.waitForSelector("dialog[open] [data-glossary-filter]");
        }
        await page.addScriptTag({ content: axeSource });
        const outcome = await page.evaluate(async (highContrast) => {
          const tags = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
          const found = (await window.axe.run(document, tags)).violations;
          if (highContrast) {
            const strict = await window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast-enhanced"] } });
            found.push(...strict.violations);
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
        }, mode === "high");
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
