// E2e test of issue 20's "clock times that stay put": one record made in
// Tokyo, opened and edited under three time zones (Chromium's time zone
// option): every time keeps the UTC offset it was typed with, and the
// screen says the zone where it is not the browser's.

import { assert, withPage } from './helpers.mjs';
import { createStore } from './pages/records.mjs';

const RECORD = {
  schema: 2, id: 'tz1', label: 'Tokyo record',
  patient: { age_years: 55, sex: 'female', weight_kg: 52, height_cm: 156 },
  cyclosporine: {
    doses: [{ start: '2026-12-01T08:00:00+09:00', amount_mg: 100, interval_h: 12, count: 4, at_steady_state: false, formulation: 'neoral' }],
    levels: [{ sampled: '2026-12-02T19:50:00+09:00', value_ng_ml: 150, blq: false, lloq_ng_ml: null, label: 'c0' }],
  },
};

/** The cells of the first row of table `id`. */
const firstRow = (page, id) => page.$$eval(`#${id} tbody tr:first-child td`, (tds) => tds.map((td) => td.textContent.trim()));

/** Waits until the first row of table `id` shows `text` in some cell. */
async function waitRow(page, id, text) {
  await page.waitForFunction(([i, t]) => [...document.querySelectorAll(`#${i} tbody tr:first-child td`)].some((td) => td.textContent.includes(t)), [id, text], { timeout: 5_000 });
}

export function timeZoneTests({ openPage, fileUrl }) {
  return [
    ['time zones: a Tokyo record edited in Tokyo, New York and London keeps every time, and says its zone where it differs', async () => {
      for (const [zone, suffix] of [['Asia/Tokyo', ''], ['America/New_York', ' (UTC+09:00)'], ['Europe/London', ' (UTC+09:00)']]) {
        await withPage(openPage, [undefined, 1, { timezoneId: zone }], async ({ context, page }) => {
          await createStore(page, fileUrl);
          const file = { format: 'dmip-monitor-export', version: 1, app: 'tz', records: [RECORD] };
          await page.setInputFiles('#rec-import', { name: 'tz.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
          await page.waitForSelector('.rec-open-btn');
          await page.click('.rec-open-btn');
          await page.click('nav a[data-screen=cyclosporine]');
          await page.waitForSelector('#csa-dose-table tbody tr');
          const dose = await firstRow(page, 'csa-dose-table');
          assert(dose[0] === `2026-12-01 08:00${suffix}`, `${zone}: dose time shown as ${dose[0]}`);
          // Only the amount is changed: the time stays 08:00 Tokyo time.
          await page.click('#csa-dose-table tbody tr:first-child .row-actions button');
          await page.fill('#csa-dose-amount', '125');
          await page.click('#csa-dose-add');
          await waitRow(page, 'csa-dose-table', '125');
          const edited = await firstRow(page, 'csa-dose-table');
          assert(edited[0] === `2026-12-01 08:00${suffix}`, `${zone}: the edited dose moved to ${edited[0]}`);
          // The level's value edited: its time stays too.
          await page.click('#csa-level-table tbody tr:first-child .row-actions button');
          await page.fill('#csa-level-value', '160');
          await page.click('#csa-level-add');
          await waitRow(page, 'csa-level-table', '160');
          const level = await firstRow(page, 'csa-level-table');
          assert(level[0] === `2026-12-02 19:50${suffix}`, `${zone}: the edited level moved to ${level[0]}`);
        });
      }
    }],
  ];
}
