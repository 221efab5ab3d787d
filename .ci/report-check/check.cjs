"use strict";
// Opens an HTML evaluation report in headless Chromium (Debian's, driven by playwright-core over
// the DevTools protocol) and fails, listing every problem, when:
//   - the page logs a console error or throws an uncaught exception (CSP violations are console errors);
//   - the page requests anything but itself (file:) or inline data (data:);
//   - a chart is not rendered, or the error table's search box or matrix filter misbehave.
// Saves report.png (the first screen) and report-full.png (the whole page) to OUT_DIR.
// Usage: node check.cjs REPORT.html OUT_DIR
const path = require("path");
const { pathToFileURL } = require("url");
const { chromium } = require("playwright-core");

const [reportFile, outDir] = process.argv.slice(2);
if (!reportFile || !outDir) {
  console.error("usage: node check.cjs REPORT.html OUT_DIR");
  process.exit(2);
}

const problems = [];
let checks = 0;
function check(ok, message) {
  checks++;
  if (!ok) {
    problems.push(message);
  }
}

async function visibleRows(page) {
  return page.$$eval("#error-table tbody tr", (rows) => rows
    .filter((r) => !r.hidden)
    .map((r) => ({ text: r.textContent.toLowerCase(), gold: r.dataset.gold, predicted: r.dataset.predicted })));
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // Playwright gives every launch a fresh, empty profile (--user-data-dir) of its own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    page.on("console", (msg) => {
      if (msg.type() === "error") {
        problems.push(`console error: ${msg.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith("file:") && !url.startsWith("data:")) {
        problems.push(`network request: ${url}`);
      }
    });

    const target = pathToFileURL(path.resolve(reportFile)).href;
    await page.goto(target, { waitUntil: "load" });

    check((await page.title()).length > 0, "page has no title");
    const charts = await page.$$eval("#confusion svg, #reliability svg, #per-label svg", (svgs) => svgs.map((s) => {
      const box = s.getBoundingClientRect();
      return { label: s.getAttribute("aria-label"), shapes: s.querySelectorAll("rect").length, w: box.width, h: box.height };
    }));
    check(charts.length === 3, `expected 3 charts, found ${charts.length}`);
    for (const c of charts) {
      check(c.w > 100 && c.h > 100 && c.shapes > 0, `chart "${c.label}" is not rendered (${c.w}x${c.h}, ${c.shapes} shapes)`);
    }

    const total = (await page.$$("#error-table tbody tr")).length;
    const shown = async () => Number(await page.textContent("#shown"));
    check(await shown() === total, `counter says ${await shown()} rows, table has ${total}`);

    if (total > 0) {
      // Search for a word of the first sentence: only rows containing it stay, and the counter follows.
      const first = (await page.textContent("#error-table tbody tr td.text")).toLowerCase();
      const word = first.split(/[^a-z]+/).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0] || first.trim();
      await page.fill("#search", word);
      let rows = await visibleRows(page);
      check(rows.length >= 1, `search for "${word}" hid the row it came from`);
      check(rows.every((r) => r.text.includes(word)), `search for "${word}" left rows without it`);
      check(await shown() === rows.length, `after search the counter says ${await shown()}, ${rows.length} rows visible`);

      await page.click("#clear");
      check((await visibleRows(page)).length === total, "show all did not bring every row back");

      // Clicking an error cell of the matrix lists exactly the errors of that cell.
      const cell = page.locator("#confusion g.cell.error").first();
      const gold = await cell.getAttribute("data-gold");
      const predicted = await cell.getAttribute("data-predicted");
      const count = Number(await cell.locator("text.count").textContent());
      await cell.click();
      rows = await visibleRows(page);
      check(rows.length === count, `cell ${gold} -> ${predicted} shows ${count} but lists ${rows.length} rows`);
      check(rows.every((r) => r.gold === gold && r.predicted === predicted), `cell ${gold} -> ${predicted} lists other errors`);
      check(await page.inputValue("#filter-gold") === gold, "the gold filter does not show the clicked cell");

      await page.click("#clear");
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(outDir, "report.png") });
    await page.screenshot({ path: path.join(outDir, "report-full.png"), fullPage: true });
  } finally {
    await browser.close();
  }

  if (problems.length > 0) {
    console.error(`report check FAILED (${problems.length} problems in ${reportFile}):`);
    for (const p of problems) {
      console.error(`  - ${p}`);
    }
    process.exit(1);
  }
  console.log(`report check OK: ${checks} checks on ${reportFile}; no console error, no network request;`
    + ` screenshots in ${outDir}`);
}

main().catch((error) => {
  console.error(`report check FAILED: ${error.stack || error}`);
  process.exit(1);
});
