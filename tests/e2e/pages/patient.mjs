// The Patient screen as the end-to-end tests fill it.

import { assert, waitFor } from '../helpers.mjs';

/** Prednisolone `mg` mg/day since before the first dose: the one row of
 * the Patient form (rows entered before are deleted). */
export async function prednisolone(page, mg) {
  while ((await page.locator('#pt-psl-table tbody tr').count()) > 0) {
    await page.click('#pt-psl-table tbody tr:first-child .row-actions .danger');
  }
  await page.fill('#pt-psl-start', '');
  await page.fill('#pt-psl', mg);
  await page.click('#pt-psl-add');
  await waitFor(page, (v) => (document.querySelector('#pt-psl-table tbody tr td:nth-child(2)')?.textContent ?? '').startsWith(`${v} `), mg, 'prednisolone row');
}

export async function patient(page, cyp3a5, psl = '40') {
  await page.click('nav a[data-screen=patient]');
  await page.fill('#pt-age', '55');
  await page.selectOption('#pt-sex', 'female');
  await page.fill('#pt-weight', '52');
  await page.fill('#pt-height', '156');
  await page.fill('#pt-creatinine', '0.7');
  await prednisolone(page, psl);
  await page.fill('#pt-hct', '35');
  await page.selectOption('#pt-cyp3a5', cyp3a5);
  await waitFor(page, () => /m²/.test(document.querySelector('#pt-bsa')?.textContent ?? ''), null, 'BSA shown');
  await page.fill('#pt-weight', '-3');
  const err = await page.textContent('#pt-weight-error');
  assert(/greater than 0|0 より大きい/.test(err), `negative weight message: ${err}`);
  assert((await page.inputValue('#pt-weight')) === '-3', 'typed text lost');
  await page.fill('#pt-weight', '52');
}
