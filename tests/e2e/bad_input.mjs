// The bad-input corpus (issue 8): tests/bad_input/forms.json (values typed
// into fields) and tests/bad_input/files.json (files given to the Records
// screen's inputs). Each case asserts the exact message the user sees and
// that nothing was lost: the typed text stays in the field, values entered
// before are unchanged, and a bad file changes no record.
// DMIP_DISCOVER=1 prints the messages of file cases whose `expect` is "".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from './helpers.mjs';
import { createStore } from './pages/records.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.join(here, '..', 'bad_input');
const load = (name) => JSON.parse(fs.readFileSync(path.join(corpus, name), 'utf8')).cases;

const HOUR = 3_600_000;
const iso = (ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(/:00\.000Z$/, ':00+00:00');

/** A record with data in every part the files could touch. */
function goodRecord() {
  const start = Date.now() - 72 * HOUR;
  return {
    schema: 2, id: 'good', label: 'Good record',
    patient: { age_years: 55, sex: 'female', weight_kg: 52, height_cm: 156, creatinine: 0.7, prednisolone_mg_day: 40 },
    cyclosporine: {
      doses: [{ start: iso(start), amount_mg: 100, interval_h: 12, count: 6, at_steady_state: true, formulation: 'neoral' }],
      levels: [{ sampled: iso(start + 60 * HOUR - 5 * 60_000), value_ng_ml: 110, blq: false, lloq_ng_ml: null, label: 'c0' }],
    },
  };
}

/** What is on the current screen that a bad input must not change. */
const screenState = (page) => page.evaluate(() => [
  '#pt-bsa', '#pt-renal', '.model-info', '#csa-dose-table', '#csa-level-table', '#tac-dose-table', '#tac-level-table',
].map((s) => [...document.querySelectorAll(s)].map((e) => e.textContent).join('|')).join('\n'));

/**
 * What a bad input must not change, seen on the patient and both drug
 * screens: derived BSA and renal function, the models' covariate values
 * (weight, prednisolone, haematocrit…), the dose and level tables.
 */
async function snapshot(page) {
  const here = await page.evaluate(() => document.querySelector('section.screen')?.dataset.screen);
  const parts = [];
  for (const screen of ['patient', 'cyclosporine', 'tacrolimus']) {
    await page.click(`nav a[data-screen=${screen}]`);
    await page.waitForSelector(`section[data-screen=${screen}]`);
    parts.push(await screenState(page));
  }
  await page.click(`nav a[data-screen=${here}]`);
  await page.waitForSelector(`section[data-screen=${here}]`);
  return parts.join('\n');
}

async function fillPatient(page) {
  await page.click('nav a[data-screen=patient]');
  for (const [id, v] of [['#pt-age', '55'], ['#pt-weight', '52'], ['#pt-height', '156'], ['#pt-creatinine', '0.7'], ['#pt-hct', '35'], ['#pt-albumin', '3.5'], ['#pt-psl', '40']]) {
    await page.fill(id, v);
  }
  await page.click('#pt-psl-add');
}

async function formCase(page, c) {
  await page.click(`nav a[data-screen=${c.screen}]`);
  await page.waitForSelector(c.field);
  const before = await snapshot(page);
  const kept = await page.inputValue(c.field);
  await page.fill(c.field, c.value);
  if (c.click) await page.click(c.click);
  const error = `${c.field}-error`;
  const read = () => page.evaluate((s) => document.querySelector(s)?.textContent ?? '(no message element)', error);
  await page.waitForFunction((s) => (document.querySelector(s)?.textContent ?? '') !== '', error, { timeout: 5_000 }).catch(() => {});
  const en = await read();
  assert(en === c.expect_en, `English message: got “${en}”, want “${c.expect_en}”`);
  await page.click('button[data-lang=ja]');
  const ja = await read();
  await page.click('button[data-lang=en]');
  assert(ja === c.expect_ja, `Japanese message: got “${ja}”, want “${c.expect_ja}”`);
  assert((await page.inputValue(c.field)) === c.value, 'the typed text was not kept');
  assert((await snapshot(page)) === before, 'a bad input changed what was entered before');
  await page.fill(c.field, kept);
}

async function fileCase(page, c, discover) {
  const names = () => page.locator('.rec-name').allTextContents();
  const before = await names();
  const message = () => page.evaluate(() => [
    ...document.querySelectorAll('.rec-notices .rec-notice'), ...document.querySelectorAll('#rec-capsule-verdict'),
  ].map((e) => e.textContent).join(' | '));
  const prev = await message();
  await page.setInputFiles(c.input, path.join(corpus, 'files', c.file));
  const t0 = Date.now();
  await page.waitForFunction(([p, t]) => {
    const now = [...document.querySelectorAll('.rec-notices .rec-notice'), ...document.querySelectorAll('#rec-capsule-verdict')]
      .map((e) => e.textContent).join(' | ');
    return now !== '' && (now !== p || Date.now() - t > 1500);
  }, [prev, t0], { timeout: 10_000 });
  const got = await message();
  if (discover && c.expect === '') {
    console.log(`  DISCOVER ${c.file}: ${JSON.stringify(got)}`);
  } else {
    assert(got === c.expect, `message: got “${got}”, want “${c.expect}”`);
  }
  assert(JSON.stringify(await names()) === JSON.stringify(before), `a bad file changed the records: ${await names()}`);
}

export function badInputTests({ openPage, fileUrl }) {
  const discover = process.env.DMIP_DISCOVER === '1';
  return [
    ['bad-input corpus: form fields (tests/bad_input/forms.json)', async () => {
      const cases = load('forms.json');
      const { context, page, watch } = await openPage();
      const failures = [];
      try {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        await fillPatient(page);
        for (const c of cases) {
          try { await formCase(page, c); } catch (e) { failures.push(`${c.name}: ${e.message.split('\n')[0]}`); console.log(`  form case failed: ${failures.at(-1)}`); }
        }
        await watch.assertClean('bad form inputs');
      } finally {
        await context.close();
      }
      console.log(`  ${cases.length - failures.length} of ${cases.length} form cases pass`);
      assert(failures.length === 0, failures.join('\n    '));
    }],
    ['bad-input corpus: files (tests/bad_input/files.json)', async () => {
      const cases = load('files.json');
      const { context, page, watch } = await openPage({ width: 1000, height: 1200 });
      const failures = [];
      try {
        await createStore(page, fileUrl);
        const file = { format: 'dmip-monitor-export', version: 1, app: 'test', records: [goodRecord()] };
        await page.setInputFiles('#rec-import', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
        await page.waitForSelector('.rec-open-btn');
        await page.click('.rec-open-btn');
        await page.click('nav a[data-screen=cyclosporine]');
        await page.waitForSelector('#csa-dose-table tbody tr');
        const doses = await snapshot(page);
        await page.click('nav a[data-screen=records]');
        // The clock time of the CSVs' TIME 0 (else every CSV stops there).
        await page.fill('#rec-csv-origin', '2026-11-01 08:00');
        for (const c of cases) {
          try { await fileCase(page, c, discover); } catch (e) { failures.push(`${c.name}: ${e.message.split('\n')[0]}`); }
        }
        assert((await page.inputValue('#rec-csv-origin')) === '2026-11-01 08:00', 'the typed TIME 0 was lost');
        await page.click('nav a[data-screen=cyclosporine]');
        await page.waitForSelector('#csa-dose-table tbody tr');
        assert((await snapshot(page)) === doses, 'the open record changed');
        await watch.assertClean('bad files');
      } finally {
        await context.close();
      }
      console.log(`  ${cases.length - failures.length} of ${cases.length} file cases pass`);
      assert(failures.length === 0, failures.join('\n    '));
    }],
  ];
}
