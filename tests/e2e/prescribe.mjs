// End-to-end tests of prescribing (issue 15 items 3–5): "Apply" writes the
// regimen at its clock times from the dose due next, until changed, with
// meal timing; "Continue the current dose"; amounts that can be
// prescribed with the Japanese strengths; the daily dose per kg flagged;
// the next three days under each option; the plan drawn on the plot.

import path from 'node:path';
import { assert, waitFor, withPage, local } from './helpers.mjs';
import { patient } from './pages/patient.mjs';
import { dose, level, openDrug, advised } from './pages/drug.mjs';

/** The next 08:00 from now, as the dose table shows it. */
function nextBreakfast() {
  const d = new Date();
  if (d.getHours() >= 8) d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} 08:00`;
}

/** Pixels of one exact colour on a canvas. */
const pixels = (page, id, [r, g, b]) => page.evaluate(([id, r, g, b]) => {
  const c = document.getElementById(id);
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] === r && px[i + 1] === g && px[i + 2] === b) n += 1;
  return n;
}, [id, r, g, b]);

/** Every dose text of the advice: "(50 mg × 2 + 25 mg × 1)" parts. */
const adviceDoses = (page, s) => page.$$eval(`#${s}-advice tbody tr td.dose`, (tds) => tds.map((td) => td.textContent));

function capsuleParts(text) {
  return [...text.matchAll(/([\d.]+) mg × (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

export function prescribeTests({ openPage, fileUrl, shots }) {
  return [
    ['cyclosporine: Apply writes once daily before breakfast at 08:00 from the dose due next, until changed; the plan is drawn; Japanese strengths only', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await openDrug(page, fileUrl, 'cyclosporine');
        await dose(page, 'csa', local(3, 8), '100', 6);
        await level(page, 'csa', local(1, 7, 55), 'C0', '150');
        await level(page, 'csa', local(1, 10), 'C2', '900');
        await advised(page, 'csa');
        // Amounts made of 10/25/50 mg (no 100 mg capsule in Japan), at most
        // two strengths and four capsules, or the 10 % solution.
        for (const text of await adviceDoses(page, 'csa')) {
          const parts = capsuleParts(text);
          if (parts.length === 0) {
            assert(/oral solution [\d.]+ mL/.test(text), `neither capsules nor solution: ${text}`);
            continue;
          }
          assert(parts.every(([mg]) => [10, 25, 50].includes(mg)), `strengths sold in Japan: ${text}`);
          assert(parts.length <= 2 && parts.reduce((n, p) => n + p[1], 0) <= 4, `two strengths, four capsules: ${text}`);
          const amount = Number(text.match(/^([\d.]+) mg/)[1]);
          assert(parts.reduce((s, [mg, n]) => s + mg * n, 0) === amount, `capsules add up: ${text}`);
        }
        // The next three days: continue, the two regimens, by day.
        const options = await page.$$eval('#csa-next tbody tr td.lead', (tds) => tds.map((td) => td.textContent));
        assert(options.length === 3 && options[0] === 'Continue the current dose', `options: ${options}`);
        const day1 = await page.$$eval('#csa-next tbody tr', (trs) => trs.map((tr) => tr.cells[2].textContent));
        assert(day1.slice(1).every((t) => /\d\d\/\d\d \d\d:\d\d C0 [\d.]+ ng\/mL/.test(t) || t === ''), `day 1: ${day1}`);
        // The suggested option is drawn on the plot, dashed, in its colour.
        assert((await pixels(page, 'csa-plot', [0, 150, 136])) > 50, 'plan curve drawn');
        // Apply the once-daily option.
        const rowsBefore = await page.$$eval('#csa-dose-table tbody tr', (trs) => trs.length);
        const once = await page.$$eval('#csa-advice tbody tr', (trs) => trs.findIndex((tr) => /once daily before breakfast/.test(tr.textContent)));
        assert(once >= 0, 'a once-daily option');
        const amount = (await adviceDoses(page, 'csa'))[once].match(/^([\d.]+) mg/)[1];
        await page.locator('#csa-advice tbody tr').nth(once).locator('button.apply').click();
        await waitFor(page, (n) => document.querySelectorAll('#csa-dose-table tbody tr').length === n + 1, rowsBefore, 'a row written');
        const status = await page.textContent('#csa-apply-status');
        const start = nextBreakfast();
        assert(status.startsWith(`Written: once daily before breakfast (every 24 h), ${amount} mg from ${start}, until changed.`), `status: ${status}`);
        // The history (6 doses) ended yesterday at 20:00: it is taken as given until the new start, as the advice assumed, and said.
        const ended = local(1, 20).replace('T', ' ');
        assert(status.includes(`The record's last regimen (100 mg every 12 h) ended with the dose at ${ended}: it is recorded as given until the new regimen starts, as the advice assumed.`), `extended: ${status}`);
        // Every 12 h from the first dose up to the new start: 6 doses when the
        // next 08:00 is the old regimen's next due dose (before 08:00), 8 after.
        const count = await page.$$eval('#csa-dose-table tbody tr', (trs) => Number(trs[0].cells[3].textContent));
        const due = Math.round((new Date(start.replace(' ', 'T')) - new Date(local(3, 8))) / (12 * 3600_000));
        assert(due >= 6 && count === due, `the old row runs to the new start: ${count} doses, ${due} due`);
        const row = await page.$$eval('#csa-dose-table tbody tr', (trs) => [...trs.at(-1).cells].map((td) => td.textContent));
        assert(row[0] === start && row[1] === `${amount} mg` && row[2] === 'every 24 h' && row[3] === 'until changed' && /before meals/.test(row[5]), `row: ${row}`);
        // Written ongoing: the forecast keeps dosing (doses after now on the plot).
        const ticks = await page.getAttribute('#csa-plot', 'data-ticks');
        assert(ticks, 'plot redrawn');
        await page.click('button[data-lang=ja]');
        const ja = await page.$$eval('#csa-dose-table tbody tr', (trs) => [...trs.at(-1).cells].map((td) => td.textContent));
        assert(ja[3] === '変更まで' && /食前/.test(ja[5]), `ja row: ${ja}`);
        await page.screenshot({ path: path.join(shots, 'tdm-csa-applied-ja.png'), fullPage: true });
        await watch.assertClean('apply once daily');
      });
    }],
    ['tacrolimus on a phone: continue the current dose; a low trough at 20 kg gets an advice above the label maximum of 0.3 mg/kg/day, flagged', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        await patient(page, 'non_expresser');
        await page.fill('#pt-weight', '20');
        await page.click('nav a[data-screen=tacrolimus]');
        await dose(page, 'tac', local(3, 8), '2', 6);
        await level(page, 'tac', local(1, 7, 55), 'C0', '1.5');
        await advised(page, 'tac');
        const text = (await adviceDoses(page, 'tac'))[0];
        const amount = Number(text.match(/^([\d.]+) mg/)[1]);
        assert(amount * 2 / 20 > 0.3, `advice above 0.3 mg/kg/day at 20 kg: ${text}`);
        assert(amount % 0.5 === 0, `0.5 mg steps: ${text}`);
        const flag = text.match(/([\d.]+) mg\/kg\/day: above the label's maximum of 0.3 mg\/kg\/day \(Japanese tacrolimus label, PM\/DM-IP: at most 0.3 mg\/kg\/day, 0.5 mg steps \(DSU No.323, 2024-01\)\)\./);
        assert(flag && Math.abs(Number(flag[1]) - amount * 2 / 20) <= 0.05 * amount * 2 / 20, `flag: ${text}`);
        await page.click('#tac-continue');
        const status = await page.textContent('#tac-apply-status');
        assert(status === 'The current regimen (2 mg every 12 h) now goes on until changed.', `status: ${status}`);
        const count = await page.$$eval('#tac-dose-table tbody tr', (trs) => trs[0].cells[3].textContent);
        assert(count === 'until changed', `count cell: ${count}`);
        await page.click('#tac-continue');
        assert((await page.textContent('#tac-apply-status')) === 'The current regimen (2 mg every 12 h) already goes on until changed.', 'said twice');
        await page.click('button[data-lang=ja]');
        const ja = (await adviceDoses(page, 'tac'))[0];
        assert(ja.includes('添付文書の上限 0.3 mg/kg/日を超えます'), `ja flag: ${ja}`);
        await page.screenshot({ path: path.join(shots, 'tdm-tac-continue-phone-ja.png'), fullPage: true });
        await watch.assertClean('continue the current dose');
      });
    }],
  ];
}
