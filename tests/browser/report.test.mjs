// Opens a sitrep HTML report in headless Chromium (the Debian package) and checks what a reader
// sees: the timeline entries, the daily chart, the network and the map, no request leaving the
// file, no console error (a Content-Security-Policy violation is one). Saves a screenshot.
//   node report.test.mjs REPORT.html EXPECTED_EVENTS [SCREENSHOT.png]
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [reportArg, expectedArg, shotArg] = process.argv.slice(2);
assert.ok(reportArg && expectedArg, 'usage: node report.test.mjs REPORT.html EXPECTED_EVENTS [SCREENSHOT.png]');
const report = path.resolve(reportArg);
const expectedEvents = Number(expectedArg);
const screenshot = path.resolve(shotArg ?? new URL('out/report.png', import.meta.url).pathname);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
const check = async (name, fn) => {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}\n  ${String(e.message).split('\n').join('\n  ')}`);
  }
};

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  const consoleErrors = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && url !== 'about:blank') outside.push(url);
  });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

  await check('title and summary', async () => {
    assert.match(await page.title(), /Situation report/);
    assert.equal(await page.locator('#summary dl.summary dt').count(), 6);
  });
  await check(`timeline has ${expectedEvents} events, each dated, sourced and with evidence`, async () => {
    const entries = page.locator('#timeline li.event');
    assert.equal(await entries.count(), expectedEvents);
    assert.ok(expectedEvents > 0, 'the report has no events to check');
    const missing = await entries.evaluateAll((els) => els.filter((el) =>
      !el.closest('.day-group').querySelector('h3').textContent.trim()
      || !/\d+ mentions? · \d+ sources? · \d+ articles?/.test(el.querySelector('.counts')?.textContent ?? '')
      || !el.querySelector('.outlets .outlet')
      || !el.querySelector('blockquote.evidence')?.textContent.trim()).map((el) => el.id));
    assert.deepEqual(missing, []);
  });
  await check('daily chart: bar groups, bars and the Goldstein line are drawn', async () => {
    const chart = page.locator('#activity svg.chart');
    await chart.waitFor({ state: 'visible' });
    const box = await chart.boundingBox();
    assert.ok(box.width > 600 && box.height > 150, `chart box ${JSON.stringify(box)}`);
    const days = await chart.locator('g.day').count();
    const withBars = await chart.locator('g.day:has(rect)').count();
    assert.ok(days >= withBars && withBars >= 1, `${days} day groups, ${withBars} with bars`);
    const bars = await chart.locator('g.day rect').evaluateAll((rs) => rs.map((r) => r.getBBox().height));
    assert.ok(bars.every((h) => h > 0), 'a bar has no height');
    const line = await chart.locator('path.goldstein').evaluate((p) => p.getAttribute('d'));
    assert.match(line, /^M[\d.]+ [\d.]+/);
  });
  await check('actor network and map are drawn', async () => {
    const actors = await page.locator('#network svg g.actor').count();
    const places = await page.locator('#map svg g.place').count();
    assert.ok(actors >= 2, `${actors} actors`);
    assert.ok(places >= 1, `${places} places`);
    assert.ok(await page.locator('#map svg .graticule line').count() >= 4);
  });
  await check('no request left the file', async () => {
    assert.deepEqual(outside, []);
  });
  await check('no console errors (CSP violations, scripts)', async () => {
    assert.deepEqual(consoleErrors, []);
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`# screenshot: ${screenshot}`);
} finally {
  await browser.close();
}
const total = 6;
console.log(`${total - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
