// End-to-end tests of the labs screens (issue 9): results with limits and
// trends, a unit mix-up, blood gas → A-aDO2, risk models from missing to
// computed, the time axis, reload, phone layout.

import path from 'node:path';
import { assert, waitFor, withPage } from './helpers.mjs';

const text = (page, sel) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', sel);
const hasText = (page, sel, re, what) =>
  waitFor(page, ([s, src, flags]) => new RegExp(src, flags).test(document.querySelector(s)?.textContent ?? ''), [sel, re.source, re.flags], what);

async function lab(page, analyte, date, value, { unit, assay } = {}) {
  await page.selectOption('#lab-analyte', analyte);
  if (unit) await page.selectOption('#lab-unit', unit);
  if (assay) await page.selectOption('#lab-assay', assay);
  await page.fill('#lab-date', date);
  await page.fill('#lab-value', value);
  await page.click('#lab-add');
}

async function gas(page, date, fio2, pao2, paco2) {
  await page.fill('#bg-date', date);
  await page.fill('#bg-fio2', fio2);
  await page.fill('#bg-pao2', pao2);
  await page.fill('#bg-paco2', paco2);
  await page.click('#bg-add');
}

/** Pixels of the first series colour (0, 78, 152) on the time axis. */
const plotPixels = (page) => page.evaluate(() => {
  const c = document.getElementById('labs-plot');
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]) <= 24 && Math.abs(data[i + 1] - 78) <= 24 && Math.abs(data[i + 2] - 152) <= 24) n += 1;
  }
  return n;
});

/** KL-6 twice, CRP with the mix-up, ferritin, blood gas: the common data. */
async function enterLabs(page) {
  await page.click('nav a[data-screen=biomarkers]');
  await page.waitForSelector('#lab-analyte');
  await lab(page, 'kl6', '2025-01-06', '1200', { assay: 'bml' });
  await lab(page, 'kl6', '2025-01-20', '1500', { assay: 'bml' });
  await waitFor(page, () => document.querySelectorAll('#lab-table-kl6 tbody tr').length === 2, null, 'two KL-6 rows');
}

export function labsTests({ openPage, fileUrl, shots }) {
  return [
    ['labs: KL-6 limit and % change, CRP mix-up, blood gas → A-aDO2, risk models, time axis', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        await page.click('nav a[data-screen=biomarkers]');
        await page.waitForSelector('#lab-analyte');
        await hasText(page, '#risk-gono2012', /Missing inputs: A-aDO2, ferritin/, 'Gono 2012 lists its missing inputs');
        await enterLabs(page);
        const kl6 = await text(page, '#lab-table-kl6');
        assert(/Reference: <500 U\/mL \(source: BML test catalogue/.test(kl6), `KL-6 reference: ${kl6}`);
        const rows = await page.$$eval('#lab-table-kl6 tbody tr', (trs) => trs.map((t) => [t.className, t.textContent]));
        assert(/flagged/.test(rows[0][0]) && /Above \(2\.4×\)/.test(rows[0][1]) && /Baseline/.test(rows[0][1]), `first KL-6 row: ${rows[0]}`);
        assert(/Above \(3\.0×\)|Above \(3×\)/.test(rows[1][1]) && /\+25\.0 %/.test(rows[1][1]), `second KL-6 row: ${rows[1]}`);
        assert(/normal value does not exclude active interstitial pneumonia/.test(kl6), 'acute-phase note missing');

        // Impossible value: rejected with a message, the typed text kept.
        await page.selectOption('#lab-analyte', 'ldh');
        await page.fill('#lab-value', '-3');
        await hasText(page, '#lab-value-error', /^Please enter a number of 0 or more \(got “-3”\)$/, 'negative LDH message');
        assert((await page.inputValue('#lab-value')) === '-3', 'typed text lost');
        // CRP 35 mg/dL: the engine's mix-up suggestion, then switch to mg/L.
        await page.selectOption('#lab-analyte', 'crp');
        await page.fill('#lab-date', '2025-01-20');
        await page.fill('#lab-value', '35');
        await hasText(page, '#lab-suggestion', /CRP 35 mg\/dL — did you mean mg\/L\? That is 3\.5 mg\/dL\./, 'CRP suggestion');
        await page.click('#lab-use-unit');
        assert((await page.inputValue('#lab-unit')) === 'mg_per_l', 'unit not switched');
        await page.click('#lab-add');
        await hasText(page, '#lab-table-crp', /35 mg\/L/, 'CRP row in mg/L');
        // No verified CRP interval (the JCCLS copies read are secondary).
        const crp = await text(page, '#lab-table-crp');
        assert(/Use the lab's own range \(no verified reference interval for this test\)/.test(crp), `CRP reference: ${crp}`);

        // Ferritin in pmol/L: the factor is unverified, so the pack's reason is shown.
        await page.selectOption('#lab-analyte', 'ferritin');
        await page.selectOption('#lab-unit', 'pmol_per_l');
        await page.fill('#lab-value', '2800');
        await hasText(page, '#lab-unit-gap', /is not verified; enter ferritin in ng\/mL/, 'ferritin pmol/L reason');
        await lab(page, 'ferritin', '2025-01-20', '1600', { unit: 'ng_per_ml' });
        await hasText(page, '#lab-table-ferritin', /Use the lab's own range \(no verified reference interval for this test\)/, 'ferritin: the lab\'s own range');
        await gas(page, '2025-01-20', '21', '60', '40');
        await hasText(page, '#bg-aado2', /2025-01-20 A-aDO2 39\.7 mmHg \(PAO2 99\.73 mmHg\)/, 'A-aDO2 from the blood gas');
        await page.fill('#bg-fio2', '0.21');
        await hasText(page, '#bg-fio2-error', /^0\.21 is a fraction: enter FiO2 in % \(0\.21 → 21\)$/, 'FiO2 fraction refused, with the % to type');
        await page.fill('#bg-fio2', '5');
        await hasText(page, '#bg-fio2-error', /^5 is outside the possible range 21–100$/, 'FiO2 below air refused');

        // Risk models: computed from ferritin and A-aDO2; FLAIR lists what it lacks.
        await hasText(page, '#risk-gono2012', /2 of 2 cut-offs met/, 'Gono 2012 computed');
        await hasText(page, '#risk-isoda2014', /1 of 2 cut-offs met/, 'Isoda 2014 computed');
        await hasText(page, '#risk-gono2010ferritin', /ferritin 1600 ng\/mL \(cut-off ≥ 1500 ng\/mL\): met/, 'Gono 2010 computed');
        const flair = await text(page, '#risk-flair');
        assert(/Missing inputs: LDH, HRCT score, anti-MDA5 antibody, rapidly progressive ILD/.test(flair), `FLAIR: ${flair}`);
        assert(/Published model output, not advice/.test(flair) && /Chest 2020/.test(flair), 'FLAIR label or citation');

        // The time axis: drawn, zoomable, tap readout.
        await waitFor(page, () => Number(document.getElementById('labs-plot').dataset.drawn) > 0, null, 'plot drawn');
        const pixels = await plotPixels(page);
        assert(pixels > 300, `time axis not drawn (${pixels} pixels)`);
        const drawn = await page.getAttribute('#labs-plot', 'data-drawn');
        await page.click('#labs-zoom-2');
        await waitFor(page, (d) => document.getElementById('labs-plot').dataset.drawn !== d, drawn, 'redrawn on zoom');
        const box = await page.locator('#labs-plot').boundingBox();
        await page.mouse.click(box.x + box.width - 12, box.y + 40);
        await hasText(page, '#labs-readout', /KL-6 1500 U\/mL \(2025-01-20\)/, 'tap readout');
        await page.screenshot({ path: path.join(shots, 'labs-en.png'), fullPage: true });
        await page.click('button[data-lang=ja]');
        await hasText(page, '#risk-flair', /不足している入力/, 'Japanese risk panel');
        await page.screenshot({ path: path.join(shots, 'labs-ja.png'), fullPage: true });
        await watch.assertClean('labs flow');
      });
    }],
    ['labs: reload keeps the results (encrypted store)', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        const PASS = 'labs passphrase 1';
        await page.goto(`${fileUrl}#/records`);
        await page.click('button[data-lang=en]');
        await page.fill('#rec-new-pass', PASS);
        await page.fill('#rec-new-pass2', PASS);
        await page.click('#rec-create');
        await page.waitForSelector('#rec-label', { timeout: 10_000 });
        await page.click('#rec-new');
        await page.fill('#rec-label', 'Labs');
        await enterLabs(page);
        await page.waitForTimeout(700);
        await page.goto(`${fileUrl}#/records`);
        await page.reload();
        await page.fill('#rec-pass', PASS);
        await page.click('#rec-unlock');
        await page.waitForSelector('.rec-open-btn', { timeout: 10_000 });
        await page.locator('tr', { hasText: 'Labs' }).locator('.rec-open-btn').click();
        await page.click('nav a[data-screen=biomarkers]');
        await waitFor(page, () => document.querySelectorAll('#lab-table-kl6 tbody tr').length === 2, null, 'KL-6 rows after reload');
        await hasText(page, '#lab-table-kl6', /\+25\.0 %/, 'change from baseline after reload');
        await watch.assertClean('labs reload');
      });
    }],
    ['labs: imported record → FLAIR group, MCK count, Pneumocystis check, seven-panel time axis', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(`${fileUrl}#/records`);
        await page.click('button[data-lang=en]');
        await page.fill('#rec-new-pass', 'labs passphrase 2');
        await page.fill('#rec-new-pass2', 'labs passphrase 2');
        await page.click('#rec-create');
        await page.waitForSelector('#rec-label', { timeout: 10_000 });
        const lab = (analyte, date, value, unit, assay = null) => ({ analyte, date, value, unit, assay });
        const record = {
          schema: 2, id: 'labs1', label: 'Labs import',
          patient: { prednisolone_mg_day: 50 },
          cyclosporine: {
            doses: [{ start: '2025-01-06T08:00:00+09:00', amount_mg: 100, interval_h: 12, count: 28, at_steady_state: false }],
            levels: [{ sampled: '2025-01-09T07:50:00+09:00', value_ng_ml: 150, blq: false, lloq_ng_ml: null, label: 'c0' }],
          },
          disease: { anti_mda5: 'plus2', hrct: { score: 140 }, rapidly_progressive: true },
          ivcy: { given: [{ date: '2025-01-07', dose_mg: 750, bsa_m2: null, wbc_nadir: null }] },
          labs: [
            lab('ferritin', '2025-01-06', 700, 'ng_per_ml'), lab('ldh', '2025-01-06', 400, 'u_per_l'),
            lab('crp', '2025-01-06', 0.9, 'mg_per_dl'), lab('kl6', '2025-01-06', 1200, 'u_per_ml', { assay: 'kl6_bml_cleia' }),
            lab('percent_dlco', '2025-01-08', 48, 'percent'), lab('wbc', '2025-01-06', 8000, 'per_ul'),
            lab('wbc', '2025-01-14', 3000, 'per_ul'),
          ],
        };
        const file = { format: 'dmip-monitor-export', version: 1, app: '0.1.0', records: [record] };
        await page.setInputFiles('#rec-import', { name: 'labs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
        await page.waitForSelector('.rec-open-btn');
        await page.locator('tr', { hasText: 'Labs import' }).locator('.rec-open-btn').click();
        await page.click('nav a[data-screen=biomarkers]');
        // FLAIR: ferritin ≥636 (2) + LDH ≥355 (2) + HRCT ≥133 (3) + anti-MDA5 ++ (3) + RP-ILD (2) = 12: high (Lian 2020).
        await hasText(page, '#risk-flair', /Total 12 of 13 points: high risk/, 'FLAIR total and group');
        assert(!/Missing inputs/.test(await text(page, '#risk-flair')), 'FLAIR still lists missing inputs');
        // MCK, anti-MDA5 positive: CRP 0.9 ≥ 0.8 and KL-6 1200 ≥ 1000 (Miyake 2025).
        await hasText(page, '#risk-mck', /2 of 2 cut-offs met/, 'MCK count');
        await hasText(page, '#pcp-reminder', /Combined immunosuppression: glucocorticoid, cyclosporine, IV cyclophosphamide \(IVCY\)/, 'PCP reminder');
        assert(/SMX-TMP is listed as 併用注意/.test(await text(page, '#pcp-reminder')), 'CsA + SMX-TMP caution');
        await hasText(page, '#lab-table-wbc', /-62\.5 %/, 'WBC change from baseline');
        // Levels, doses, prednisolone (the version-2 record's 50 mg/day), IVCY, markers, lung, infection.
        await waitFor(page, () => document.getElementById('labs-plot').height === 7 * 150, null, 'seven panels');
        assert((await plotPixels(page)) > 300, 'time axis not drawn');
        const legend = await text(page, '.labs-legend');
        assert(/cyclosporine level/.test(legend) && /IVCY pulse/.test(legend) && /white blood cell count/.test(legend)
          && /Prednisolone daily dose/.test(legend), `legend: ${legend}`);
        await page.screenshot({ path: path.join(shots, 'labs-imported-en.png'), fullPage: true });
        // The report carries the key results, the IVCY total and the risk models.
        await page.click('nav a[data-screen=report]');
        await hasText(page, '#report-labs', /white blood cell count: 3000 \/µL \(2025-01-14\), -62\.5 % from the first/, 'report labs');
        const ivcy = await text(page, '#report-ivcy');
        assert(/^1 pulse\(s\), cumulative 0\.75 g \(— g\/m²\)$/.test(ivcy), `report IVCY total: ${ivcy}`);
        await hasText(page, '#report', /High risk|high risk/, 'report FLAIR group');
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(shots, 'report-clinical-print-en.png'), fullPage: true });
        await page.emulateMedia({ media: 'screen' });
        await watch.assertClean('labs import');
      });
    }],
    ['labs on a 360 px phone: no horizontal scroll, sharp time axis', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=ja]');
        await enterLabs(page);
        await gas(page, '2025-01-20', '21', '60', '40');
        await waitFor(page, () => Number(document.getElementById('labs-plot').dataset.drawn) > 1, null, 'plot drawn');
        const { scroll, inner, bitmap, css } = await page.evaluate(() => {
          const c = document.getElementById('labs-plot');
          return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, bitmap: c.width, css: c.clientWidth };
        });
        assert(scroll <= inner, `${scroll} px wide in ${inner} px`);
        assert(bitmap === css * 2, `canvas bitmap ${bitmap} for ${css} CSS px at 2×`);
        await page.screenshot({ path: path.join(shots, 'labs-phone-ja.png'), fullPage: true });
        await page.click('button[data-lang=en]');
        await page.screenshot({ path: path.join(shots, 'labs-phone-en.png'), fullPage: true });
        await watch.assertClean('labs phone');
      });
    }],
  ];
}
