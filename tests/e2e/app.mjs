// What the e2e tests know about the app: its screens, its policy, and one
// walk through it (language, navigation, an input, the value, the canvas).
import { assert } from './helpers.mjs';

export const STRICT_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; " +
  "img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'";

export const SCREENS = [
  { slug: 'patient', ja: '患者', en: 'Patient' },
  { slug: 'cyclosporine', ja: 'シクロスポリン', en: 'Cyclosporine' },
  { slug: 'tacrolimus', ja: 'タクロリムス', en: 'Tacrolimus' },
  { slug: 'cyclophosphamide', ja: 'シクロホスファミド', en: 'Cyclophosphamide' },
  { slug: 'biomarkers', ja: 'バイオマーカー', en: 'Biomarkers' },
  { slug: 'safety', ja: '安全性', en: 'Safety' },
  { slug: 'report', ja: 'レポート', en: 'Report' },
  { slug: 'records', ja: '記録', en: 'Records' },
];

/**
 * Records the page's requests, console errors, uncaught errors and CSP
 * violations (listener installed before any script of the page runs).
 */
export async function watchPage(page) {
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return {
    requests,
    errors,
    async assertClean(label) {
      const violations = await page.evaluate(() => window.__cspViolations ?? ['listener missing']);
      assert(violations.length === 0, `${label}: CSP violations: ${violations.join('; ')}`);
      assert(errors.length === 0, `${label}: ${errors.join('; ')}`);
    },
  };
}

/** Pixels of the curve colour (0, 78, 152) on the demo canvas. */
function curvePixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.plot canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 0) <= 24 && Math.abs(data[i + 1] - 78) <= 24 && Math.abs(data[i + 2] - 152) <= 24) n += 1;
    }
    return n;
  });
}

const canvasImage = (page) => page.evaluate(() => document.querySelector('.plot canvas').toDataURL());
const peak = async (page) => (await page.textContent('#demo-peak')).trim();

/** Waits (up to 5 s) until `selector`'s text is `expected`. */
export async function expectText(page, selector, expected) {
  let actual;
  for (let i = 0; i < 250; i += 1) {
    actual = await page.textContent(selector);
    if (actual === expected) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${selector}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Polls `read` (up to 5 s) until it returns something other than `previous`. */
async function changed(read, previous, what) {
  for (let i = 0; i < 250; i += 1) {
    const now = await read();
    if (now !== previous) return now;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what} did not change`);
}

/** Walks through the app on a page that is loading it. */
export async function exerciseApp(page) {
  await page.waitForSelector('nav a[data-screen=cyclosporine]', { timeout: 20_000 });
  assert((await page.textContent('h1')) === 'DMIP Monitor', 'no product name');
  assert(/^v\d+\.\d+\.\d+$/.test((await page.textContent('.version')).trim()), 'no version');
  await expectText(page, 'h2', '患者');

  await page.click('button[data-lang=en]');
  await expectText(page, 'h2', 'Patient');
  assert((await page.getAttribute('html', 'lang')) === 'en', '<html lang> not updated');

  await page.click('nav a[data-screen=cyclosporine]');
  await page.waitForSelector('section[data-screen=cyclosporine]');
  await expectText(page, 'h2', 'Cyclosporine');
  assert(page.url().endsWith('#/cyclosporine'), `URL ${page.url()}`);
  // The reference-model demo (a live engine curve) is on the self-check screen.
  await page.click('a[data-screen=selfcheck]');
  await page.waitForSelector('section[data-screen=selfcheck]');
  assert((await page.textContent('label[for=demo-dose]')) === 'Dose', 'dose label');
  assert((await page.textContent('label[for=demo-interval]')) === 'Dosing interval', 'interval label');

  const peak100 = await peak(page);
  const image100 = await canvasImage(page);
  const pixels100 = await curvePixels(page);
  assert(Number(peak100) > 0, `peak ${peak100}`);
  assert(pixels100 > 500, `curve not drawn (${pixels100} pixels)`);

  await page.fill('#demo-dose', '200');
  const peak200 = await changed(() => peak(page), peak100, 'peak');
  const ratio = Number(peak200) / Number(peak100);
  assert(Math.abs(ratio - 2) < 0.01, `dose ×2 gave peak ${peak100} → ${peak200}`);
  await changed(() => canvasImage(page), image100, 'canvas');

  await page.fill('#demo-dose', '-5');
  await changed(() => peak(page), peak200, 'peak');
  assert((await peak(page)) === 'Not computable', 'bad dose still computed');
  await expectText(page, '#demo-dose-error', 'Dose must be a positive finite number (got “-5”)');
  assert((await page.inputValue('#demo-dose')) === '-5', 'typed text lost');
  assert((await page.getAttribute('#demo-dose', 'aria-invalid')) === 'true', 'aria-invalid not set');
  assert((await curvePixels(page)) === 0, 'curve still drawn for a bad dose');

  await page.fill('#demo-dose', '100');
  await page.fill('#demo-interval', 'twelve');
  await expectText(
    page,
    '#demo-interval-error',
    'Dosing interval must be a positive finite number (got “twelve”)',
  );
  assert((await page.textContent('#demo-dose-error')) === '', 'dose error left behind');

  await page.fill('#demo-interval', '12');
  await changed(() => peak(page), 'Not computable', 'peak');
  assert((await peak(page)) === peak100, `back to 100 mg / 12 h gave ${await peak(page)}`);
  assert((await canvasImage(page)) === image100, 'same inputs, different plot');
}

/**
 * Times edits in the browser: for each value, sets `#<inputId>` and
 * resolves when the canvas `#<canvasId>` has been redrawn (its
 * `data-drawn` changes). Returns the sorted times in ms.
 */
export async function timeEdits(page, inputId, canvasId, values) {
  const times = [];
  for (const value of values) {
    times.push(await page.evaluate(([input, canvas, v]) => new Promise((resolve) => {
      const c = document.getElementById(canvas);
      const before = c.dataset.drawn;
      const field = document.getElementById(input);
      const t0 = performance.now();
      new MutationObserver((_, o) => {
        if (c.dataset.drawn !== before) { o.disconnect(); resolve(performance.now() - t0); }
      }).observe(c, { attributes: true });
      field.value = v;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }), [inputId, canvasId, value]));
  }
  return times.sort((a, b) => a - b);
}

/** The median of sorted numbers. */
export const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
