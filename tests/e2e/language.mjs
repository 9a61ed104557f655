// A language switch re-renders every text: each screen of a full record,
// switched from English to Japanese, reads exactly as the same screen
// opened in Japanese after a reload. A text computed once (in a
// component's body instead of a reactive closure) stays English and
// fails this. Registered in run.mjs.

import { SCREENS } from './app.mjs';
import { assert, withPage } from './helpers.mjs';
import { createStore, PASS, unlock } from './pages/records.mjs';

const lab = (analyte, date, value, unit, assay = null) => ({ analyte, date, value, unit, assay });

/** One record touching every screen: both drugs, IVCY, labs, disease, co-medication. */
const RECORD = {
  schema: 2, id: 'lang1', label: 'Language switch',
  patient: {
    age_years: 55, sex: 'female', weight_kg: 52, height_cm: 156, creatinine: 0.7,
    prednisolone_mg_day: 40, hematocrit_pct: 35, comedications: ['clarithromycin'],
  },
  cyclosporine: {
    doses: [{ start: '2025-01-06T08:00:00+09:00', amount_mg: 100, interval_h: 12, count: 6, at_steady_state: true, formulation: 'neoral' }],
    levels: [{ sampled: '2025-01-09T07:50:00+09:00', value_ng_ml: 150, blq: false, lloq_ng_ml: null, label: 'c0' }],
    dose_changes: [{ scheduled: '2025-01-07T08:00:00+09:00', taken: null }],
  },
  tacrolimus: {
    doses: [{ start: '2025-01-06T08:00:00+09:00', amount_mg: 2, interval_h: 12, count: 6, at_steady_state: true, formulation: 'prograf' }],
    levels: [{ sampled: '2025-01-09T07:50:00+09:00', value_ng_ml: 6, blq: false, lloq_ng_ml: null, label: 'c0' }],
  },
  disease: { anti_mda5: 'plus2', hrct: { score: 140 }, rapidly_progressive: true },
  ivcy: { given: [{ date: '2025-01-07', dose_mg: 750, bsa_m2: 1.5, wbc_nadir: null }] },
  labs: [
    lab('ferritin', '2025-01-06', 700, 'ng_per_ml'), lab('kl6', '2025-01-06', 1200, 'u_per_ml', { assay: 'kl6_bml_cleia' }),
    lab('crp', '2025-01-06', 0.9, 'mg_per_dl'), lab('wbc', '2025-01-06', 8000, 'per_ul'),
  ],
};

/** The screen's text, with runs of white space folded. */
async function screenText(page, slug) {
  await page.click(`nav a[data-screen=${slug}]`);
  await page.waitForSelector(`section[data-screen=${slug}]`);
  await page.waitForTimeout(300); // memos and effects settle
  // Without the records screen's notices ("Imported 1 record"): they
  // belong to the session, not to the screen.
  return page.evaluate((s) => {
    const notices = [...document.querySelectorAll('.rec-notice')];
    notices.forEach((n) => { n.style.display = 'none'; });
    const text = document.querySelector(`section[data-screen=${s}]`).innerText.replace(/\s+/g, ' ').trim();
    notices.forEach((n) => { n.style.display = ''; });
    // The records list shows when a record was last saved: today, at a
    // minute that may tick between the two passes. The clock is masked.
    const now = new Date();
    const today = `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
    return text.replaceAll(new RegExp(`${today} \\d{1,2}:\\d{2}`, 'g'), `${today} hh:mm`);
  }, slug);
}

/** The first place two texts differ, with some context. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `switched: …${a.slice(Math.max(0, i - 60), i + 60)}…\n    fresh:    …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

export function languageTests({ openPage, fileUrl }) {
  return [
    ['every screen switched from English to Japanese reads as when opened in Japanese', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await createStore(page, fileUrl);
        const file = { format: 'dmip-monitor-export', version: 1, app: 'e2e', records: [RECORD] };
        await page.setInputFiles('#rec-import', { name: 'lang.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
        await page.waitForSelector('.rec-open-btn, .rec-notice.error');
        const refused = await page.$('.rec-notice.error');
        assert(!refused, `import refused: ${refused && await refused.textContent()}`);
        const open = () => page.locator('tr', { hasText: RECORD.label }).locator('.rec-open-btn').click();
        await open();
        const switched = {};
        for (const { slug } of SCREENS) {
          await page.click('button[data-lang=en]');
          await screenText(page, slug);
          await page.click('button[data-lang=ja]');
          switched[slug] = await screenText(page, slug);
        }
        await page.reload();
        await unlock(page, PASS);
        await open();
        for (const { slug } of SCREENS) {
          const fresh = await screenText(page, slug);
          assert(switched[slug] === fresh, `${slug}: the switch left text behind\n    ${firstDifference(switched[slug], fresh)}`);
        }
        await watch.assertClean('language switch');
      });
    }],
  ];
}
