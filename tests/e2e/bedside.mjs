// End-to-end tests of the bedside phone (issue 21 item 1): at 360 × 740 a
// drug screen with a history opens on the headline, a new-level entry, the
// advice and the next sampling time; the history and the model fold below,
// and the fold's state is remembered; a level typed at the top (time now,
// label guessed, Enter) changes the advice, all within two screen heights.

import path from 'node:path';
import { assert, waitFor, withPage, local } from './helpers.mjs';
import { dose, level, openDrug, advised } from './pages/drug.mjs';

/** The bottom of each element, in CSS px from the top of the page. */
const bottoms = (page, selectors) => page.evaluate((sels) => Object.fromEntries(sels.map((s) => {
  const e = document.querySelector(s);
  return [s, e ? Math.round(e.getBoundingClientRect().bottom + window.scrollY) : null];
})), selectors);

/** Two hours after the latest 08:00 or 20:00 dose that is at least two hours past: a C2 of the running regimen. */
function lastC2() {
  const now = new Date();
  const d = new Date(now);
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() >= 20 ? 20 : 8);
  while (d.getTime() + 2 * 3600_000 > now.getTime()) d.setHours(d.getHours() - 12);
  d.setHours(d.getHours() + 2);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function bedsideTests({ openPage, fileUrl, shots }) {
  return [
    ['bedside phone (360 × 740): a level typed at the top, the advice read within two screen heights; the fold remembered', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page, watch }) => {
        await openDrug(page, fileUrl, 'cyclosporine');
        // A first visit without levels opens the fold: the history is typed there.
        await page.waitForSelector('#csa-details', { state: 'attached' });
        assert(await page.$eval('#csa-details', (d) => d.open), 'fold open for a record without levels');
        await dose(page, 'csa', local(3, 8), '100', null);
        await level(page, 'csa', local(1, 7, 55), 'C0', '150');
        await advised(page, 'csa');
        // Coming back to a record with levels, the phone opens on the bedside part.
        await page.click('nav a[data-screen=patient]');
        await page.click('nav a[data-screen=cyclosporine]');
        await page.waitForSelector('#csa-quick-value');
        assert(!(await page.$eval('#csa-details', (d) => d.open)), 'fold closed at the bedside');
        // The navigation is one row.
        const navRows = await page.$$eval('nav.app-nav a', (as) => new Set(as.map((a) => Math.round(a.getBoundingClientRect().top))).size);
        assert(navRows === 1, `navigation on ${navRows} rows`);
        // The label is guessed from the time: 2 h after the 08:00 dose is C2.
        const at = lastC2();
        await page.fill('#csa-quick-time', at);
        await waitFor(page, () => /^C2 \(from the time after the dose\)$/.test(document.querySelector('#csa-quick-label option[value=""]')?.textContent ?? ''), null, 'label guessed');
        await page.fill('#csa-quick-value', '900');
        await page.press('#csa-quick-value', 'Enter');
        await waitFor(page, () => /^The latest C2 \(900 ng\/mL\) is below the target 1000–1200 ng\/mL\./.test(document.getElementById('csa-summary').textContent), null, 'headline on the new C2');
        const status = await page.textContent('#csa-quick-status');
        assert(status === `Added: C2 900 ng/mL at ${at.replace('T', ' ')}.`, `status: ${status}`);
        assert((await page.inputValue('#csa-quick-value')) === '', 'value cleared for the next level');
        await advised(page, 'csa');
        const headline = await page.textContent('#csa-summary');
        assert(/(The model suggests|The models' average \([^)]*\) suggests) \d+ mg/.test(headline), `advice in the headline: ${headline}`);
        // Everything the clinician came for within two screen heights (1480
        // px): the headline with the advice and its checks, the next sample,
        // the new-level entry, and the first option's regimen and dose.
        const y = await bottoms(page, ['#csa-summary', '#csa-next-sample', '#csa-quick-add', '#csa-advice tbody tr td.dose']);
        await page.screenshot({ path: path.join(shots, 'bedside-phone-en.png'), fullPage: true });
        assert(Object.values(y).every((b) => b !== null && b <= 2 * 740), `below two screens: ${JSON.stringify(y)}`);
        // An implausible value asks the unit question at the top too.
        await page.fill('#csa-quick-value', '1.15');
        await page.press('#csa-quick-value', 'Enter');
        await page.waitForSelector('#csa-quick-question');
        await page.click('#csa-quick-use-converted');
        await waitFor(page, () => /1150 ng\/mL/.test(document.getElementById('csa-quick-status').textContent), null, 'added as 1150');
        // The fold opens with one tap; closed again, it stays closed after a
        // reload although an empty record would open it.
        await page.click('#csa-details-toggle');
        assert(await page.$eval('#csa-details', (d) => d.open), 'fold opened');
        await page.click('#csa-details-toggle');
        assert(!(await page.$eval('#csa-details', (d) => d.open)), 'fold closed');
        await page.reload();
        await page.click('nav a[data-screen=cyclosporine]');
        await page.waitForSelector('#csa-details');
        assert(!(await page.$eval('#csa-details', (d) => d.open)), 'the choice is remembered');
        await page.click('button[data-lang=ja]');
        await page.screenshot({ path: path.join(shots, 'bedside-phone-ja.png'), fullPage: true });
        await watch.assertClean('bedside phone');
      });
    }],
  ];
}
