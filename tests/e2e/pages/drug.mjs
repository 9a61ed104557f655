// A drug screen (cyclosporine `csa`, tacrolimus `tac`) as the end-to-end
// tests fill it: the screen opened for a new patient, a regimen row, a
// level, the advice waited for, the model pinned.

import { waitFor } from '../helpers.mjs';
import { patient } from './patient.mjs';

/** The number of advice options each drug screen offers. */
const OPTIONS = { csa: 2, tac: 1 };

/** From a fresh page: `url` opened in `lang`, the Patient form filled
 * (CYP3A5 `cyp3a5`), then the drug screen `slug` shown. */
export async function openDrug(page, url, slug, { lang = 'en', cyp3a5 = 'unknown' } = {}) {
  await page.goto(url);
  await page.click(`button[data-lang=${lang}]`);
  await patient(page, cyp3a5);
  await page.click(`nav a[data-screen=${slug}]`);
}

/** Waits until drug screen `s` shows all its advice options. */
export async function advised(page, s, what = 'advice') {
  await waitFor(page, ([sel, n]) => document.querySelectorAll(sel).length === n, [`#${s}-advice tbody tr`, OPTIONS[s]], what);
}

/** A regimen row: `count` doses, or until changed when `count` is null. */
export async function dose(page, s, start, amount, count, interval = '12') {
  await page.fill(`#${s}-dose-start`, start);
  await page.fill(`#${s}-dose-amount`, amount);
  await page.selectOption(`#${s}-dose-interval`, interval);
  if (count === null) {
    await page.check(`#${s}-dose-ongoing`);
  } else {
    await page.uncheck(`#${s}-dose-ongoing`);
    await page.fill(`#${s}-dose-count`, String(count));
  }
  await page.check(`#${s}-dose-ss`);
  await page.click(`#${s}-dose-add`);
}

export async function level(page, s, at, label, value) {
  await page.fill(`#${s}-level-time`, at);
  await page.selectOption(`#${s}-level-label`, label);
  await page.fill(`#${s}-level-value`, value);
  await page.click(`#${s}-level-add`);
}

/** Pins `model` on drug screen `s` (`''`: back to the average of the
 * drug's models), opening the fold that holds the model section. */
export async function pin(page, s, model) {
  // The fold is built after the screen's first frame (a loaded machine
  // takes longer): wait for it rather than read it at once.
  await page.waitForSelector(`#${s}-details`, { state: 'attached' });
  if (!(await page.$eval(`#${s}-details`, (d) => d.open))) await page.click(`#${s}-details-toggle`);
  await page.selectOption(`#${s}-model`, { value: model });
}
