// E2e tests of issue 7: encrypted records, quarantine, export/import,
// report print preview, language, self-check. Registered in run.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { expectText } from './app.mjs';
import { assert, withPage } from './helpers.mjs';
import { addRecord, createStore, PASS, unlock } from './pages/records.mjs';

const storeDump = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

export function recordTests({ openPage, fileUrl, shots }) {
  return [
    ['records: encrypted at rest, reload restores, wrong passphrase loses nothing', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await createStore(page, fileUrl);
        await addRecord(page, 'Bed 7 KT');
        const raw = await storeDump(page);
        const rec = Object.keys(raw).find((k) => k.startsWith('dmip.rec.'));
        assert(rec, `no record stored: ${Object.keys(raw)}`);
        assert(!JSON.stringify(raw).includes('Bed 7'), 'label stored in clear text');
        await page.reload();
        await page.waitForSelector('#rec-pass');
        const ms = await unlock(page, 'wrong passphrase');
        await expectText(page, '.rec-notice.error', 'Wrong passphrase. Nothing stored was changed.');
        assert(JSON.stringify(await storeDump(page)) === JSON.stringify(raw), 'wrong passphrase changed storage');
        const ok = await unlock(page, PASS);
        console.log(`  unlock (Argon2id key derivation): wrong ${ms} ms, right ${ok} ms`);
        await expectText(page, '.rec-name', 'Bed 7 KT');
        await page.click('.rec-open-btn');
        assert((await page.inputValue('#rec-label')) === 'Bed 7 KT', 'record not opened');
        // Data entered on the Patient screen right after unlocking is kept too.
        await page.click('#rec-lock');
        await unlock(page, PASS);
        await page.click('a[data-screen=patient]');
        await page.fill('#pt-weight', '52');
        await page.waitForTimeout(700);
        await page.goto(`${fileUrl}#/records`);
        await page.reload();
        await unlock(page, PASS);
        assert((await page.locator('.rec-name').count()) === 2, 'the Patient-screen entry was not saved');
        await page.locator('.rec-open-btn').first().click();
        await page.click('a[data-screen=patient]');
        assert((await page.inputValue('#pt-weight')) === '52', 'weight not restored');
        await page.click('a[data-screen=records]');
        await page.locator('tr', { hasText: 'Bed 7 KT' }).locator('.rec-open-btn').click();
        assert((await page.inputValue('#rec-label')) === 'Bed 7 KT', 'record not reopened');
        await page.locator('tr', { hasText: 'Bed 7 KT' }).locator('.rec-del-btn').click();
        await expectText(page, '.rec-undo', 'Deleted “Bed 7 KT”. Undo');
        assert((await page.locator('.rec-name', { hasText: 'Bed 7 KT' }).count()) === 0, 'deleted record still listed');
        await page.click('#rec-undo');
        await page.waitForFunction(() => [...document.querySelectorAll('.rec-name')].some((e) => e.textContent === 'Bed 7 KT'));
        await page.click('button[data-lang=ja]');
        const updated = await page.textContent('.rec-list tbody td:nth-child(2)');
        assert(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/.test(updated), `Japanese date: ${updated}`);
        await watch.assertClean('records');
      });
    }],

    ['records: corrupt entry is quarantined and reported, the rest opens', async () => {
      await withPage(openPage, [], async ({ context, page }) => {
        await createStore(page, fileUrl);
        await addRecord(page, 'Keep me');
        await addRecord(page, 'Break me');
        const raw = await storeDump(page);
        const broken = Object.keys(raw).find((k) => k.startsWith('dmip.rec.') && raw[k] !== undefined
          && k !== Object.keys(raw).find((x) => x.startsWith('dmip.rec.')));
        const target = broken ?? Object.keys(raw).find((k) => k.startsWith('dmip.rec.'));
        const text = raw[target];
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [target, text.slice(0, text.length - 20)]);
        await page.reload();
        await unlock(page, PASS);
        const notice = await page.textContent('.rec-notice.error');
        assert(notice.includes(`Unreadable data (${target}) was kept aside as dmip.quarantine.1.${target}`), notice);
        const after = await storeDump(page);
        assert(after[`dmip.quarantine.1.${target}`] === text.slice(0, text.length - 20), 'quarantined text differs');
        assert(!(target in after), 'broken entry still in place');
        assert((await page.locator('.rec-name').count()) === 1, 'the readable record is not listed');
        await page.screenshot({ path: path.join(shots, 'records-quarantine-en.png') });
      });
    }],

    ['records: export → clear → import round trip; bad files change nothing', async () => {
      await withPage(openPage, [], async ({ context, page }) => {
        await createStore(page, fileUrl);
        await addRecord(page, 'Export A');
        await addRecord(page, 'Export B');
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rec-export-all')]);
        const file = path.join(shots, 'export-all.json');
        await download.saveAs(file);
        const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
        assert(exported.format === 'dmip-monitor-export' && exported.records.length === 2, 'export content');
        page.on('dialog', (d) => d.accept());
        for (let i = 0; i < 2; i += 1) {
          await page.locator('.rec-del-btn').first().click();
        }
        await page.waitForSelector('.rec-empty');
        await page.setInputFiles('#rec-import', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other-app"}') });
        await page.waitForSelector('.rec-notice.error');
        assert((await page.textContent('.rec-notice.error')).includes('not a DMIP Monitor export (format “other-app”)'), 'other-app message');
        const truncated = fs.readFileSync(file, 'utf8').slice(0, 100);
        await page.setInputFiles('#rec-import', { name: 't.json', mimeType: 'application/json', buffer: Buffer.from(truncated) });
        await page.waitForFunction(() => document.querySelector('.rec-notice.error')?.textContent.includes('not a JSON file'));
        assert((await page.locator('.rec-name').count()) === 0, 'a bad file changed the list');
        await page.setInputFiles('#rec-import', file);
        await expectText(page, '.rec-notice', 'Imported 2 record(s).');
        const names = (await page.locator('.rec-name').allTextContents()).sort();
        assert(JSON.stringify(names) === '["Export A","Export B"]', names.join());
      });
    }],

    ['records: NONMEM CSV out and in, calculation capsule recomputes, report shows the estimate', async () => {
      await withPage(openPage, [{ width: 1000, height: 1200 }], async ({ context, page, watch }) => {
        await createStore(page, fileUrl);
        const record = {
          schema: 1, id: 'e2e1', label: 'E2E CsA',
          patient: { age_years: 60, weight_kg: 60, prednisolone_mg_day: 50 },
          // Press 2010 pinned: the report prints its estimate.
          cyclosporine: {
            model_id: 'press2010_csa',
            doses: [{ start: '2026-11-01T08:00:00+09:00', amount_mg: 100, interval_h: 12, count: 6, at_steady_state: true }],
            levels: [{ sampled: '2026-11-03T07:50:00+09:00', value_ng_ml: 150, blq: false, lloq_ng_ml: null, label: 'c0' }],
          },
        };
        const file = { format: 'dmip-monitor-export', version: 1, app: '0.1.0', records: [record] };
        await page.setInputFiles('#rec-import', { name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
        await expectText(page, '.rec-notice', 'Imported 1 record(s).');
        await page.click('.rec-open-btn');
        await expectText(page, '.rec-name', 'E2E CsA');

        const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#rec-csv-export')]);
        assert(csvDl.suggestedFilename() === 'dmip-csa-20261101T0800+0900.csv', csvDl.suggestedFilename());
        const csvPath = path.join(shots, csvDl.suggestedFilename());
        await csvDl.saveAs(csvPath);
        const csv = fs.readFileSync(csvPath, 'utf8').trim().split('\n');
        assert(csv[0] === 'ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,BLQ,LLOQ,PSL,WT', csv[0]);
        assert(csv[1] === '1,0,1,100,1,12,5,1,.,1,0,.,50,60', csv[1]);
        // press2010_csa observes the central compartment as CMT 3 (depot, transit, central).
        assert(csv[2] === '1,47.833333333333336,0,.,3,0,0,0,150,0,0,.,50,60', csv[2]);

        await page.check('input[data-drug=tac]');
        await page.setInputFiles('#rec-csv-import', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('ID,TIME,DOSE\n1,0,5\n') });
        await expectText(page, '.rec-notice.error', 'Cannot use the CSV (nothing was changed): line 1: missing column AMT or DV (header has: ID,TIME,DOSE)');
        // Cyclosporine's table (levels in CMT 3) is refused for tacrolimus's model (CMT 4).
        await page.setInputFiles('#rec-csv-import', csvPath);
        await expectText(page, '.rec-notice.error', "Cannot use the CSV (nothing was changed): TIME 47.833333333333336: a level in compartment 3; this drug's model expects compartment 4");
        await page.check('input[data-drug=csa]');
        await page.setInputFiles('#rec-csv-import', csvPath);
        await expectText(page, '.rec-notice', 'Read 2 rows from the CSV.');
        // The level comes back labelled C0 (10 min before the 48 h dose).
        await page.click('nav a[data-screen=cyclosporine]');
        await expectText(page, '#csa-level-table tbody tr td:nth-child(2)', 'C0');
        await page.click('nav a[data-screen=records]');

        const [capDl] = await Promise.all([page.waitForEvent('download'), page.click('#rec-capsule-export')]);
        const capPath = path.join(shots, 'capsule-csa.json');
        await capDl.saveAs(capPath);
        await page.setInputFiles('#rec-capsule-open', capPath);
        await expectText(page, '#rec-capsule-verdict', 'Recomputed the same numbers as version 0.1.0 (model press2010_csa).');
        const capsule = JSON.parse(fs.readFileSync(capPath, 'utf8'));
        capsule.results.fit.eta[0] += 0.01;
        await page.setInputFiles('#rec-capsule-open', { name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(capsule)) });
        await page.waitForFunction(() => document.querySelector('#rec-capsule-verdict')?.textContent.startsWith('This version computes differently from version 0.1.0 (1 values): /fit/eta/0:'));
        await page.screenshot({ path: path.join(shots, 'records-calc-files-en.png'), fullPage: true });

        await page.click('a[data-screen=report]');
        await expectText(page, '#report-label', 'E2E CsA');
        const report = await page.textContent('#report');
        assert(/Individual estimate \(Bayesian η\): η KA = -0\.010 \(η-shrinkage \d+ %\), η CL = -0\.026 \(η-shrinkage \d+ %\), η V1 = 0\.015 \(η-shrinkage \d+ %\)/.test(report), report.slice(report.indexOf('Press RR'), report.indexOf('Press RR') + 600));
        assert(report.includes('Weight60 kg'), 'weight as entered');
        // Each dose option as on the screen: regimen, dose with capsules,
        // verdict, predictions with units, probability.
        const option = await page.textContent('#report .report-advice li');
        assert(/^(twice daily after breakfast and dinner \(every 12 h\)|once daily before breakfast \(every 24 h\)): \d+ mg \(.*\), \d+ mg\/day — (meets|misses) the target/.test(option), `report, dose option: ${option}`);
        assert(/C0 \d+ ng\/mL · C2 \d+ ng\/mL · AUCτ \d+ ng·h\/mL/.test(option) && / · Chance in range \d+ %($|\d)/.test(option), `report, dose option: ${option}`);
        const levels = await page.$$eval('#report .report-levels li', (items) => items.map((li) => li.textContent));
        assert(levels.length > 0 && levels.every((l) => / — C[0-6] [\d.]+ ng\/mL$/.test(l)), `report, levels: ${levels.join(' | ')}`);
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(shots, 'report-print-data-en.png'), fullPage: true });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        fs.writeFileSync(path.join(shots, 'report-data-en.pdf'), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        // Two pages before the population check (issue 17) was printed;
        // its table (one row per cohort, 7.5 pt, sources abridged) adds
        // 217 px at A4 width and the third page.
        assert(pages >= 1 && pages <= 3, `report prints on ${pages} A4 pages`);
        await watch.assertClean('calc files');
      });
    }],

    ['records: Lock, and 15 minutes without activity, lock the store and close the record', async () => {
      await withPage(openPage, [], async ({ context, page }) => {
        await page.clock.install();
        await createStore(page, fileUrl);
        await addRecord(page, 'Idle test');
        await page.click('#rec-lock');
        await page.waitForSelector('#rec-pass');
        assert(!(await page.isVisible('#rec-label')), 'record still shown after Lock');
        await unlock(page, PASS);
        await page.click('.rec-open-btn');
        assert((await page.inputValue('#rec-label')) === 'Idle test', 'record not reopened');
        await page.clock.fastForward('14:00');
        assert(await page.isVisible('#rec-label'), 'locked before 15 minutes');
        await page.clock.fastForward('02:00');
        await page.waitForSelector('#rec-pass');
        await expectText(page, '.rec-notice', 'Locked after 15 minutes without activity.');
        await page.click('a[data-screen=report]');
        await expectText(page, '#report-label', 'not recorded');
      });
    }],

    ['records: encrypted export needs its passphrase; no-passphrase mode is warned and stores clear text', async () => {
      await withPage(openPage, [], async ({ context, page }) => {
        await createStore(page, fileUrl);
        await addRecord(page, 'Secret file');
        await page.fill('#rec-export-pass', 'file passphrase 1');
        const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#rec-export-all')]);
        const file = path.join(shots, 'export-encrypted.json');
        await dl.saveAs(file);
        const text = fs.readFileSync(file, 'utf8');
        assert(!text.includes('Secret file') && JSON.parse(text).kdf.alg === 'argon2id', 'export not encrypted');
        await page.setInputFiles('#rec-import', file);
        await expectText(page, '.rec-notice.error', 'The file is encrypted: enter its passphrase, then choose it again.');
        await page.fill('#rec-import-pass', 'not it');
        await page.setInputFiles('#rec-import', file);
        await expectText(page, '.rec-notice.error', 'Wrong passphrase. Nothing stored was changed.');
        await page.fill('#rec-import-pass', 'file passphrase 1');
        await page.setInputFiles('#rec-import', file);
        await expectText(page, '.rec-notice', 'Imported 1 record(s).');
        assert((await page.locator('.rec-name').count()) === 2, 'imported copy not listed beside the original');
      });
      const plain = await openPage();
      try {
        const p = plain.page;
        await p.goto(`${fileUrl}#/records`);
        await p.click('button[data-lang=en]');
        await p.click('.rec-plain summary');
        await expectText(p, '.rec-plain .warning', 'Nothing is encrypted: any other HTML file opened on this computer can read the records.');
        assert(await p.isDisabled('#rec-create-plain'), 'plain mode without the warning accepted');
        await p.check('#rec-plain-accept');
        await p.click('#rec-create-plain');
        await p.waitForSelector('#rec-label');
        await expectText(p, '.rec-mode', 'Stored without encryption');
        await addRecord(p, 'Clear text');
        const raw = await storeDump(p);
        assert(Object.values(raw).some((v) => v.includes('Clear text')), 'plain mode did not store clear text');
        await p.reload();
        await p.waitForSelector('#rec-label');
        await expectText(p, '.rec-name', 'Clear text');
      } finally {
        await plain.context.close();
      }
    }],

    ['records, report, self-check on a 360 px phone: no horizontal scroll', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page }) => {
        await createStore(page, fileUrl);
        await addRecord(page, 'Phone');
        for (const lang of ['ja', 'en']) {
          await page.click(`button[data-lang=${lang}]`);
          for (const slug of ['records', 'report', 'selfcheck']) {
            await page.click(`a[data-screen=${slug}]`);
            await page.waitForSelector(`section[data-screen=${slug}]`);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            await page.screenshot({ path: path.join(shots, `phone-${slug}-${lang}.png`), fullPage: true });
            assert(width <= 360, `${slug} (${lang}) is ${width} px wide at 360 px`);
          }
        }
      });
    }],

    ['report: print preview (A4), both languages', async () => {
      await withPage(openPage, [{ width: 900, height: 1200 }], async ({ context, page }) => {
        await page.goto(`${fileUrl}#/report`);
        await page.waitForSelector('#report');
        await page.emulateMedia({ media: 'print' });
        assert(!(await page.isVisible('.app-nav')), 'navigation printed');
        await page.screenshot({ path: path.join(shots, 'report-print-ja.png'), fullPage: true });
        await page.emulateMedia({ media: 'screen' });
        await page.click('button[data-lang=en]');
        await expectText(page, '#report-label', 'not recorded');
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(shots, 'report-print-en.png'), fullPage: true });
      });
    }],

    ['report: the model average prints each model\'s own notes and the population check (tacrolimus, en and ja), A4', async () => {
      await withPage(openPage, [{ width: 1000, height: 1200 }], async ({ context, page, watch }) => {
        await createStore(page, fileUrl);
        // 55-kg, 158-cm woman (the reference patient of the population
        // check's sources) on itraconazole: Kirubakaran 2022 reads it as its
        // AZOLE covariate, Woillard 2011 and Monchaud 2012 have none.
        const record = {
          schema: 2, id: 'e2e-tac-report', label: 'E2E Tac report',
          patient: { age_years: 55, sex: 'female', weight_kg: 55, height_cm: 158, comedications: ['itraconazole'] },
          tacrolimus: {
            doses: [{ start: '2025-01-06T08:00:00+09:00', amount_mg: 2, interval_h: 12, count: 6, at_steady_state: true, formulation: 'prograf' }],
            levels: [{ sampled: '2025-01-09T07:50:00+09:00', value_ng_ml: 9, blq: false, lloq_ng_ml: null, label: 'c0' }],
          },
        };
        const file = { format: 'dmip-monitor-export', version: 1, app: 'e2e', records: [record] };
        await page.setInputFiles('#rec-import', { name: 'tac.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
        await expectText(page, '.rec-notice', 'Imported 1 record(s).');
        await page.click('.rec-open-btn');
        await page.click('a[data-screen=report]');
        await expectText(page, '#report-label', 'E2E Tac report');
        await page.waitForSelector('#report-tac-weights > li');
        const weights = await page.$$eval('#report-tac-weights > li', (lis) => lis.map((li) => li.textContent));
        assert(weights.length === 4 && weights[0].startsWith('Average: weight 100 %')
          && ['Woillard 2011', 'Monchaud 2012', 'Kirubakaran 2022'].every((m) => weights.some((w) => w.startsWith(`${m}: weight `))), `weights: ${weights.join(' | ')}`);
        // Each model's own notes under its line: the azole is Kirubakaran's
        // covariate and an effect Woillard's predictions leave out.
        const notes = await page.$$eval('#report-tac-weights > li', (lis) => lis.map((li) => [...li.querySelectorAll('.report-model-notes li')].map((n) => n.textContent)));
        const of = (m) => notes[weights.findIndex((w) => w.startsWith(m))] ?? [];
        assert(of('Woillard 2011').some((n) => /itraconazole.*the model has no covariate for it/.test(n)), `Woillard's notes: ${of('Woillard 2011').join(' | ')}`);
        assert(of('Kirubakaran 2022').some((n) => /itraconazole/.test(n)) && !of('Kirubakaran 2022').some((n) => /no covariate for it/.test(n)), `Kirubakaran's notes: ${of('Kirubakaran 2022').join(' | ')}`);
        // The population check: Woillard's typical C0 beside the Japanese
        // DM-ILD C/D (EULAR 2020 FRI0246), flagged; its source printed.
        const cell = '#report-tac-popcheck tr[data-cohort=japanese_dm_ild] td[data-model=woillard2011_tac]';
        await expectText(page, cell, '2.00 mg: C0 5.36 (-3.2 SD, beyond 1 SD)');
        assert(await page.$eval(cell, (td) => td.classList.contains('flagged')), 'Woillard not flagged');
        await expectText(page, '#report-tac-popcheck tr[data-cohort=japanese_dm_ild] th', 'Japanese DM-ILD C/D: C0 11.2 ± 1.86 ng/mL');
        assert((await page.locator('#report-tac-popcheck thead th[data-model]').count()) === 3, 'three models, twice daily');
        assert((await page.locator('#report-tac-popcheck tbody tr').count()) === 2, 'two cohorts');
        assert((await page.textContent('#report-tac-popcheck')).includes('EULAR 2020 abstract FRI0246'), 'cohort source');
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(shots, 'report-print-tac-en.png'), fullPage: true });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        fs.writeFileSync(path.join(shots, 'report-tac-en.pdf'), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        // The co-medication table of itraconazole and three models' notes:
        // four pages (2026-12-05).
        assert(pages >= 1 && pages <= 4, `report prints on ${pages} A4 pages`);
        await page.emulateMedia({ media: 'screen' });
        await page.click('button[data-lang=ja]');
        await expectText(page, cell, '1回 2.00 mg：C0 5.36（-3.2 SD、1 SD 超）');
        await expectText(page, '#report-tac-popcheck h4', '母集団チェック（各モデルの典型患者と DM/PM-IP の報告値）');
        const ja = await page.$$eval('#report-tac-weights > li', (lis) => lis.map((li) => li.textContent));
        assert(ja[0].startsWith('平均：重み 100 %'), `weights (ja): ${ja[0]}`);
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(shots, 'report-print-tac-ja.png'), fullPage: true });
        await watch.assertClean('report tac');
      });
    }],

    ['self-check: every reference case passes in the browser', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(`${fileUrl}#/selfcheck`);
        await page.waitForSelector('#self-summary');
        await expectText(page, '#self-summary', '44 件中 44 件合格');
        await page.click('button[data-lang=en]');
        await expectText(page, '#self-summary', '44 of 44 passed');
        assert((await page.locator('.self-table tr.fail').count()) === 0, 'a failing row');
        await page.screenshot({ path: path.join(shots, 'selfcheck-en.png'), fullPage: true });
        await watch.assertClean('selfcheck');
      });
    }],
  ];
}
