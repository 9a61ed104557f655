// End-to-end tests of the built app in Debian's headless Chromium, driven
// by playwright-core (which never downloads a browser). Run by
// `cargo xtask test` after the build; environment:
//   DMIP_NODE_MODULES  folder holding playwright-core (target/tools/node_modules)
//   DMIP_DIST          the build (dist/: dmip.html and web/)
//   DMIP_SCREENSHOTS   where screenshots go (target/screenshots)
//   DMIP_CHROMIUM      the browser (/usr/bin/chromium)
// Prints one line per test and a last line `e2e: N passed, M failed`.

import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer } from './server.mjs';
import { recordTests } from './records.mjs';
import { tdmTests } from './tdm.mjs';
import { adviceTests } from './advice.mjs';
import { prescribeTests } from './prescribe.mjs';
import { bedsideTests } from './bedside.mjs';
import { ivcyTests } from './ivcy.mjs';
import { labsTests } from './labs.mjs';
import { safetyTests } from './safety.mjs';
import { interactionTests } from './interactions.mjs';
import { perfTests } from './perf.mjs';
import { badInputTests } from './bad_input.mjs';
import { saveStateTests } from './save_state.mjs';
import { timeZoneTests } from './time_zones.mjs';
import { tabTests } from './tabs.mjs';
import { tortureTests } from './torture.mjs';
import { languageTests } from './language.mjs';
import { exerciseApp, expectText, SCREENS, STRICT_CSP, watchPage } from './app.mjs';
import { assert } from './helpers.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through \`cargo xtask test\`)`);
  return value;
};
const dist = env('DMIP_DIST');
const shots = env('DMIP_SCREENSHOTS');
const require = createRequire(path.join(env('DMIP_NODE_MODULES'), 'package.json'));
const { chromium } = require('playwright-core');

const singleFile = path.join(dist, 'dmip.html');
const fileUrl = pathToFileURL(singleFile).href;
fs.mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: env('DMIP_CHROMIUM'),
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ],
});
const server = await startServer(dist);

/** A fresh browser context (own storage) with a page being watched;
 * `extra`: more context options (e.g. `timezoneId`). */
async function openPage(viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, extra = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, ...extra });
  const page = await context.newPage();
  const watch = await watchPage(page);
  return { context, page, watch };
}

/** The single file, loaded from `url`, makes no request but for itself. */
async function singleFileRun(url, label) {
  const { context, page, watch } = await openPage();
  try {
    await page.goto(url);
    await exerciseApp(page);
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
    );
    assert(csp === STRICT_CSP, `${label}: CSP is ${csp}`);
    await watch.assertClean(label);
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').length);
    assert(resources === 0, `${label}: ${resources} resource entries`);
    const page_ = url.split('#')[0];
    const seen = watch.requests.map((r) => r.split('#')[0]);
    assert(seen.join() === page_, `${label}: requests ${seen.join(', ')}; expected only ${page_}`);
  } finally {
    await context.close();
  }
}

const tests = [
  ['file:// single file works and makes no request', async () => {
    await singleFileRun(fileUrl, 'file://');
  }],

  ['http single file works and makes no request (page and server agree)', async () => {
    server.requests.length = 0;
    await singleFileRun(`${server.url}/dmip.html`, 'http');
    assert(
      server.requests.join() === '/dmip.html',
      `server saw: ${server.requests.join(', ')}`,
    );
  }],

  ['http Trunk multi-file build works, fetching only its own files', async () => {
    server.requests.length = 0;
    const { context, page, watch } = await openPage();
    try {
      await page.goto(`${server.url}/web/index.html`);
      await exerciseApp(page);
      await watch.assertClean('trunk build');
      const foreign = watch.requests.filter((r) => !r.startsWith(`${server.url}/web/`));
      assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
      const seen = [...new Set(server.requests)].sort().join();
      const expected = ['/web/dmip-monitor.js', '/web/dmip-monitor_bg.wasm', '/web/index.html'];
      assert(seen === expected.join(), `server saw: ${seen}`);
    } finally {
      await context.close();
    }
  }],

  ['every screen, both languages: title shown, screenshot saved', async () => {
    const { context, page, watch } = await openPage();
    try {
      await page.goto(fileUrl);
      for (const lang of ['ja', 'en']) {
        await page.click(`button[data-lang=${lang}]`);
        for (const screen of SCREENS) {
          await page.click(`nav a[data-screen=${screen.slug}]`);
          await page.waitForSelector(`section[data-screen=${screen.slug}]`);
          await expectText(page, 'h2', screen[lang]);
          await page.screenshot({ path: path.join(shots, `${screen.slug}-${lang}.png`), fullPage: true });
        }
      }
      await watch.assertClean('screens');
    } finally {
      await context.close();
    }
  }],

  ['phone 360×740 at 2× pixels: no horizontal scroll, sharp canvas', async () => {
    const { context, page, watch } = await openPage({ width: 360, height: 740 }, 2);
    try {
      await page.goto(fileUrl);
      for (const lang of ['ja', 'en']) {
        await page.click(`button[data-lang=${lang}]`);
        for (const screen of SCREENS) {
          await page.click(`nav a[data-screen=${screen.slug}]`);
          await page.waitForSelector(`section[data-screen=${screen.slug}]`);
          const { scroll, inner } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            inner: window.innerWidth,
          }));
          assert(scroll <= inner, `${screen.slug}/${lang}: ${scroll} px wide in ${inner} px`);
        }
        await page.click('nav a[data-screen=cyclosporine]');
        await page.waitForSelector('.forecast-plot canvas, .plot canvas');
        const canvas = await page.evaluate(() => {
          const c = document.querySelector('.forecast-plot canvas') ?? document.querySelector('.plot canvas');
          return { width: c.width, height: c.height, css: c.clientWidth, cssHeight: c.clientHeight };
        });
        assert(
          canvas.width === canvas.css * 2 && canvas.height === canvas.cssHeight * 2,
          `canvas bitmap ${canvas.width}×${canvas.height} for ${canvas.css}×${canvas.cssHeight} CSS px at 2×`,
        );
        await page.screenshot({ path: path.join(shots, `phone-cyclosporine-${lang}.png`), fullPage: true });
      }
      await watch.assertClean('phone');
    } finally {
      await context.close();
    }
  }],

  ['keyboard: Tab reaches the navigation, Enter opens a screen', async () => {
    const { context, page, watch } = await openPage();
    try {
      await page.goto(fileUrl);
      await page.waitForSelector('nav a[data-screen=tacrolimus]');
      let focused = '';
      for (let i = 0; i < 12 && focused !== 'tacrolimus'; i += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.dataset?.screen ?? '');
      }
      assert(focused === 'tacrolimus', 'Tab never reached the Tacrolimus link');
      await page.keyboard.press('Enter');
      await page.waitForSelector('section[data-screen=tacrolimus]');
      await watch.assertClean('keyboard');
    } finally {
      await context.close();
    }
  }],

  ['the language choice survives a reload', async () => {
    const { context, page, watch } = await openPage();
    try {
      await page.goto(`${fileUrl}#/safety`);
      await page.click('button[data-lang=en]');
      await page.reload();
      await page.waitForSelector('section[data-screen=safety]');
      await expectText(page, 'h2', 'Safety');
      assert((await page.getAttribute('html', 'lang')) === 'en', '<html lang> not kept');
      await watch.assertClean('reload');
    } finally {
      await context.close();
    }
  }],
  ['a fault in the app stops it with a message, not silently', async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(fileUrl);
      await page.waitForSelector('nav a[data-screen=tacrolimus]');
      assert((await page.$('#crash')) === null, 'fault banner shown before any fault');
      // Uncaught, as a fault in an event handler would be.
      await page.evaluate(() => setTimeout(() => wasm_bindgen.dmip_probe_fault()));
      await page.waitForSelector('#crash[role=alert]', { timeout: 5_000 });
      const text = await page.textContent('#crash');
      assert(text.includes('ページを再読み込み') && text.includes('Reload the page'), `banner: ${text}`);
      await page.screenshot({ path: path.join(shots, 'fault-banner.png') });
    } finally {
      await context.close();
    }
  }],
  ...recordTests({ openPage, fileUrl, shots }),
  ...tdmTests({ openPage, fileUrl, shots }),
  ...adviceTests({ openPage, fileUrl, shots }),
  ...prescribeTests({ openPage, fileUrl, shots }),
  ...bedsideTests({ openPage, fileUrl, shots }),
  ...ivcyTests({ openPage, fileUrl, shots }),
  ...labsTests({ openPage, fileUrl, shots }),
  ...safetyTests({ openPage, fileUrl, shots }),
  ...interactionTests({ openPage, fileUrl, shots }),
  ...badInputTests({ openPage, fileUrl, shots }),
  ...saveStateTests({ openPage, fileUrl }),
  ...timeZoneTests({ openPage, fileUrl }),
  ...tabTests({ openPage, fileUrl, httpUrl: `${server.url}/dmip.html` }),
  ...tortureTests({ openPage, fileUrl, httpUrl: `${server.url}/dmip.html` }),
  ...languageTests({ openPage, fileUrl }),
  ...perfTests({ openPage, fileUrl, shots }),
];

let passed = 0;
let failed = 0;
// DMIP_E2E_ONLY=<regex> runs only the matching tests (while developing).
const only = process.env.DMIP_E2E_ONLY ? new RegExp(process.env.DMIP_E2E_ONLY) : null;
for (const [name, run] of tests.filter(([n]) => !only || only.test(n))) {
  const started = Date.now();
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 90 s')), 90_000)),
    ]);
    passed += 1;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).replaceAll('\n', '\n  ')}`);
  }
}
await browser.close();
await server.close();
console.log(`screenshots: ${shots}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
