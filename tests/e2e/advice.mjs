// End-to-end tests of the advice's own checks (issue 15): a covariate the
// record lacks is assumed and said, a toxic level is flagged, the fit is
// set against the patient's own levels, an in-range patient keeps the dose.

import path from 'node:path';
import { assert, waitFor, withPage, local, rows } from './helpers.mjs';
import { patient } from './pages/patient.mjs';
import { dose, level, pin, openDrug, advised } from './pages/drug.mjs';

/** Tacrolimus 3 mg twice daily with CYP3A5 unknown and haematocrit blank,
 * a trough of 25 ng/mL, Woillard 2011 pinned: the screen computes, flags
 * the toxic level, states what it assumed (and the advice the other way);
 * the advice is lower than the current dose; the model section gives the
 * frequencies' source. */
async function unknownCovariates(page, shots, tag, headline, source) {
  await patient(page, 'unknown');
  await page.fill('#pt-hct', '');
  await page.click('nav a[data-screen=tacrolimus]');
  await pin(page, 'tac', 'woillard2011_tac');
  await dose(page, 'tac', local(3, 8), '3', 6);
  await level(page, 'tac', local(1, 7, 55), 'C0', '25');
  await advised(page, 'tac');
  const text = await page.textContent('#tac-summary');
  for (const re of headline) assert(re.test(text), `headline lacks ${re}: ${text}`);
  const weight = Number(text.match(headline[2])[1]);
  assert(weight > 56 && weight <= 100, `non-expresser probability given 25 ng/mL: ${weight} %`);
  const mg = Number(text.match(/(?:The model suggests |1回 )([\d.]+) mg/)[1]);
  assert(mg > 0 && mg < 3, `advice below the current 3 mg: ${mg}`);
  const issues = await page.textContent('#tac-covariate-issues');
  assert(source.test(issues), `model section: ${issues}`);
  assert((await rows(page, '#tac-fit')) >= 5, 'MAP estimate: one row per parameter');
  // The time axis in clock time: HH:MM ticks, midnight as MM/DD.
  const ticks = (await page.getAttribute('#tac-plot', 'data-ticks')).split(' ');
  assert(ticks.length >= 3 && ticks.every((t) => /^(\d\d:\d\d|\d\d\/\d\d)$/.test(t)) && ticks.some((t) => t.includes('/')), `time axis: ${ticks}`);
  await page.screenshot({ path: path.join(shots, `tdm-tacrolimus-unknown-covariates-${tag}.png`), fullPage: true });
  await page.locator('#tac-plot').screenshot({ path: path.join(shots, `tdm-tacrolimus-plot-${tag}.png`) });
}


/** Neoral at `amount` mg every `interval` h with `levels`; prednisolone
 * 50 mg/day; Press 2010 pinned (the single model's checks). Returns the
 * headline. */
async function cyclosporine(page, amount, interval, levels) {
  await patient(page, 'unknown', '50');
  await page.click('nav a[data-screen=cyclosporine]');
  await pin(page, 'csa', 'press2010_csa');
  await dose(page, 'csa', local(3, 8), amount, interval === '12' ? 6 : 3, interval);
  for (const [at, label, value] of levels) await level(page, 'csa', at, label, value);
  await advised(page, 'csa');
  return page.textContent('#csa-summary');
}

export function adviceTests({ openPage, fileUrl, shots }) {
  return [
    ['tacrolimus, CYP3A5 unknown and haematocrit blank, trough 25 ng/mL (Japanese, desktop): computed, flagged, assumptions stated', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=ja]');
        await unknownCovariates(page, shots, 'ja', [
          /^最新の C0（25\.0 ng\/mL）は目標範囲 5–10 ng\/mL に対して高値です。モデルの推奨：/,
          /警告：有害事象が増える濃度に達しています。/,
          /CYP3A5 が不明のため、測定値からより確からしい非発現型（\*3\/\*3）として計算しています（確率 (\d+) %、測定値を考慮する前は 56 %）。/,
          /発現型（\*1 保有）ならモデルの推奨はプログラフ 1日2回朝食後・夕食後（12 時間ごと）、1回 [\d.]+ mg です。/,
          /ヘマトクリット（HCT）が未入力のため、モデルの標準値 35\.0 % で計算しています。/,
          /(休薬計画：次の \d+ 回を休薬してください。C0 は \d{4}-\d\d-\d\d \d\d:\d\d に 10 ng\/mL まで下がる予測です。\d{4}-\d\d-\d\d \d\d:\d\d からプログラフ 1日2回朝食後・夕食後（12 時間ごと）、1回 [\d.]+ mg で再開。|休薬は不要です：C0 は次の投与時刻までに 10 ng\/mL まで下がる予測です)/,
        ], /頻度の出典（日本人患者のコホートを合算）：Muraki Y et al\. Exp Ther Med 2017/);
        await watch.assertClean('tacrolimus unknown covariates ja');
      });
    }],
    ['tacrolimus, CYP3A5 unknown and haematocrit blank, trough 25 ng/mL (English, 360 px phone): the same, no horizontal scroll', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        await unknownCovariates(page, shots, 'en-phone', [
          /^The latest C0 \(25\.0 ng\/mL\) is above the target 5–10 ng\/mL\. The model suggests [\d.]+ mg/,
          /Warning: the level is where adverse effects rise\./,
          /CYP3A5 unknown: computed as non-expresser \(\*3\/\*3\), the more probable given the levels \((\d+) %; 56 % before them\)\./,
          /If expresser \(\*1 carrier\), the model would suggest [\d.]+ mg, /,
          /haematocrit \(HCT\) was not given: computed with the model's typical value, 35\.0 %\./,
          /(Plan: hold the next \d+ dose\(s\); C0 is predicted back at 10 ng\/mL at \d{4}-\d\d-\d\d \d\d:\d\d\. Resume at \d{4}-\d\d-\d\d \d\d:\d\d with [\d.]+ mg, Prograf twice daily after breakfast and dinner \(every 12 h\)\.|No dose needs holding: C0 is predicted back at 10 ng\/mL by the next due dose)/,
        ], /Frequencies \(Japanese patient cohorts pooled\): Muraki Y et al\. Exp Ther Med 2017/);
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        assert(scroll <= inner, `${scroll} px wide in ${inner} px`);
        await watch.assertClean('tacrolimus unknown covariates en phone');
      });
    }],
    ['tacrolimus, haematocrit typed as a fraction (0.35, issue 20): the unit question under the field, the value not used, no absurd advice', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        await patient(page, 'unknown');
        await page.fill('#pt-hct', '0.35');
        const question = await page.textContent('#pt-hct-error');
        assert(question === 'Must be at least 5: check the value and its unit (got “0.35”) Did you mean 35 %? “0.35” looks like a fraction.', `question: ${question}`);
        assert((await page.inputValue('#pt-hct')) === '0.35', 'the typed text was not kept');
        await page.click('nav a[data-screen=tacrolimus]');
        await pin(page, 'tac', 'woillard2011_tac');
        await dose(page, 'tac', local(3, 8), '3', 6);
        await level(page, 'tac', local(1, 7, 55), 'C0', '8');
        await advised(page, 'tac');
        const advice = await page.textContent('#tac-advice');
        const mg = [...advice.matchAll(/([\d.]+) mg/g)].map((m) => Number(m[1]));
        // 100 000 mg was advised when 0.35 reached the model as 0.35 %.
        assert(mg.length > 0 && Math.max(...mg) <= 20, `advice: ${advice}`);
        assert(!/0\.35 %/.test(await page.textContent('section[data-screen=tacrolimus]')), 'HCT 0.35 % reached the model');
        await watch.assertClean('tacrolimus haematocrit fraction');
      });
    }],
    ['tacrolimus before any level: the starting dose beside the advice; the population check folded in the model section and on the self-check screen (en, ja)', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await openDrug(page, fileUrl, 'tacrolimus', { cyp3a5: 'non_expresser' });
        await dose(page, 'tac', local(3, 8), '2', 6);
        await advised(page, 'tac', 'a priori advice');
        await waitFor(page, () => /Label:/.test(document.querySelector('#tac-start')?.textContent ?? ''), null, 'starting dose');
        const start = await page.textContent('#tac-start');
        // 52 kg: 0.0375 × 52 = 1.95 → 2 mg; formula 7.5 × 52 / 151.1 = 2.58 mg/day → 1.29 → 1.5 mg.
        assert(start.includes('Label: 2 mg twice daily after breakfast and dinner (0.0375 mg/kg = 1.95 mg, in 0.5-mg steps, at most 0.3 mg/kg/day).'), `label: ${start}`);
        assert(/Models' average a priori \(no level, equal weights\): [\d.]+ mg every 12 h \(predicted C0 [\d.]+ ng\/mL for the aim 7\.5 ng\/mL; Woillard 2011 [\d.]+ mg; Monchaud 2012 [\d.]+ mg; Kirubakaran 2022 [\d.]+ mg\)\./.test(start), `average: ${start}`);
        assert(start.includes('Japanese DM-ILD dose formula (a check from a small sample): non-expresser (*3/*3): 1.5 mg every 12 h (2.58 mg/day = aim 7.5 × weight ÷ 151.1).'), `formula: ${start}`);
        // Beside, not instead: the fold with the details is still there.
        assert((await page.locator('#tac-details').count()) === 1, 'the details fold');
        // The population check: folded, one tap opens it.
        assert(!(await page.evaluate(() => document.getElementById('tac-popcheck').open)), 'folded');
        const summary = await page.textContent('#tac-popcheck-toggle');
        assert(summary === 'Population check (3 of 6 comparisons off the cohort)', `summary: ${summary}`);
        await page.click('#tac-popcheck-toggle');
        assert(await page.evaluate(() => document.getElementById('tac-popcheck').open), 'opened');
        const body = await page.textContent('#tac-popcheck');
        assert(/Japanese DM-ILD C\/D.*C0: model 5\.36, cohort 11\.9 ± 1\.97 ng\/mL \(ratio 0\.45\).*more than 1 SD away \(-3\.3 SD\)/s.test(body), `check: ${body}`);
        await page.screenshot({ path: path.join(shots, 'tdm-tacrolimus-start-popcheck-en.png'), fullPage: true });
        await page.click('button[data-lang=ja]');
        await waitFor(page, () => /添付文書：/.test(document.querySelector('#tac-start')?.textContent ?? ''), null, 'ja starting dose');
        const ja = await page.textContent('#tac-start');
        assert(ja.includes('添付文書：1回 2 mg、1日2回朝食後・夕食後（0.0375 mg/kg = 1.95 mg、0.5 mg 刻み、1日上限 0.3 mg/kg）。'), `ja label: ${ja}`);
        assert(ja.includes('日本人 DM-ILD の用量式（少数例での確認用）：非発現型（*3/*3）：1回 1.5 mg、12 時間ごと'), `ja formula: ${ja}`);
        assert((await page.textContent('#tac-popcheck-toggle')) === '母集団チェック（3/6 件が報告値から外れています）', 'ja summary');
        // The self-check screen: both drugs for this record's size.
        await page.click('nav a[data-screen=selfcheck]');
        await waitFor(page, () => /Nagai 2010/.test(document.querySelector('#self-popcheck')?.textContent ?? ''), null, 'self-check population check');
        const self = await page.textContent('#self-popcheck');
        assert(self.includes('母集団チェック：各モデルの典型患者と DM/PM-IP の報告値') && self.includes('Press 2010 (改変モデル：プレドニゾロン効果なし（PSL 0）)'), `ja self-check: ${self}`);
        await page.click('button[data-lang=en]');
        await waitFor(page, () => /Population check: each model's typical patient/.test(document.querySelector('#self-popcheck')?.textContent ?? ''), null, 'en self-check');
        const en = await page.textContent('#self-popcheck');
        assert(en.includes('Kotani 2011') && en.includes('Press 2010 (variant: prednisolone effect off (PSL 0))') && en.includes('Japanese label'), `en self-check: ${en}`);
        await page.screenshot({ path: path.join(shots, 'selfcheck-popcheck-en.png'), fullPage: true });
        await watch.assertClean('tacrolimus starting dose and population check');
      });
    }],
    ['cyclosporine 100 mg twice daily, C0 150 and C2 900: the misfit is flagged beside the patient\'s own-level dose (100 × 1100 / 900 → 120 mg)', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        const text = await cyclosporine(page, '100', '12', [[local(1, 7, 55), 'C0', '150'], [local(1, 10), 'C2', '900']]);
        assert(/The model suggests \d+ mg/.test(text), `suggestion: ${text}`);
        assert(/The model does not fit this patient's levels \([^)]*its dose differs from the levels' proportional dose by \d+ %\): check the sampling times and the record, or choose another model\./.test(text), `misfit: ${text}`);
        assert(text.includes("By the patient's own levels (C2 900 ng/mL on 100 mg, scaled linearly to the target): 120 mg, twice daily after breakfast and dinner (every 12 h)."), `proportional: ${text}`);
        // The other model's answer beside the misfit, computed on the same record.
        assert(/Other models: Umpierrez 2021: \d+ mg, (twice daily after breakfast and dinner \(every 12 h\)|once daily before breakfast \(every 24 h\)) \((fits the levels|also misses the levels)\)\./.test(text), `other models: ${text}`);
        // C2 below the target: no one-off extra dose, the new dose from the dose due next.
        assert(/No one-off extra dose for a low level \(no verified source gives one\): the new dose starts with the dose due next, \d{4}-\d\d-\d\d \d\d:\d\d\./.test(text), `low level: ${text}`);
        const nextSample = await page.textContent('#csa-next-sample');
        assert(/^Draw the next sample at \d{4}-\d\d-\d\d \d\d:\d\d \(C\d\): it narrows the C2 forecast by \d+ %\.$/.test(nextSample), `next sample: ${nextSample}`);
        // The C0 limit (≤ 200 ng/mL) is drawn: dashed, in its own colour.
        const limit = await page.evaluate(() => {
          const c = document.getElementById('csa-plot');
          const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < px.length; i += 4) if (px[i] === 230 && px[i + 1] === 120 && px[i + 2] === 0) n += 1;
          return n;
        });
        assert(limit > 100, `C0 limit line: ${limit} px`);
        // The report prints the screen's chances in range (same draws), not 0 % beside 1 %.
        const screen = await page.$$eval('#csa-advice tbody tr', (trs) => trs.map((tr) => tr.cells[3].textContent));
        await page.click('nav a[data-screen=report]');
        await waitFor(page, () => /Chance in range/.test(document.querySelector('#report .report-advice')?.textContent ?? ''), null, 'report advice');
        const report = await page.$$eval('#report .report-advice li', (lis) => lis.map((li) => li.textContent.match(/Chance in range (\S+ %|-)/)?.[1]).filter(Boolean));
        assert(screen.length === 2 && JSON.stringify(screen) === JSON.stringify(report), `screen ${JSON.stringify(screen)} vs report ${JSON.stringify(report)}`);
        // The report prints the fit check and the next sample as the screen.
        const check = await page.textContent('#report-csa-check');
        assert(check.includes("By the patient's own levels (C2 900 ng/mL on 100 mg") && check.includes('Other models: Umpierrez 2021: '), `report check: ${check}`);
        assert((await page.textContent('#report-csa-next-sample')) === nextSample, 'report next sample');
        await page.click('nav a[data-screen=cyclosporine]');
        await page.click('button[data-lang=ja]');
        const ja = await page.textContent('#csa-summary');
        assert(ja.includes('患者自身の測定値からの比例換算（100 mg で C2 900 ng/mL）：1日2回朝食後・夕食後（12 時間ごと）、1回 120 mg。'), `ja proportional: ${ja}`);
        assert(/モデルがこの患者の測定値に合っていません（[^）]*モデルの用量が測定値の比例換算と \d+ % 異なる）。/.test(ja), `ja misfit: ${ja}`);
        assert(/ほかのモデルの推奨：Umpierrez 2021：[^、]+、1回 \d+ mg（(測定値に合う|これも測定値に合わない)）。/.test(ja), `ja other models: ${ja}`);
        assert(/低値でも臨時の追加投与は勧めません（追加投与を示す検証済みの根拠がありません）。新しい投与量は次の予定投与（\d{4}-\d\d-\d\d \d\d:\d\d）から始めます。/.test(ja), `ja low level: ${ja}`);
        await page.screenshot({ path: path.join(shots, 'tdm-csa-misfit-ja.png'), fullPage: true });
        await watch.assertClean('cyclosporine misfit');
      });
    }],
    ['cyclosporine 200 mg once daily with C2 1150 (in range): keep the current dose, no change suggested', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        const text = await cyclosporine(page, '200', '24', [[local(1, 10), 'C2', '1150']]);
        assert(/^The latest C2 \(1150 ng\/mL\) is within the target 1000–1200 ng\/mL\. In range: keep the current dose, 200 mg, once daily before breakfast \(every 24 h\) \(the model's probabilities at steady state on it: below the range (\d+) %, in range \d+ %, above (\d+) %; a change is suggested only when one side reaches 50 %\)\./.test(text), `keep: ${text}`);
        // Kept because neither side reaches 50 % (or the model misses the level).
        const [, below, above] = text.match(/below the range (\d+) %, in range \d+ %, above (\d+) %/);
        assert(Number(below) < 50 && Number(above) < 50 || /does not fit/.test(text), `sides: ${text}`);
        assert(!/The model suggests/.test(text), `no change suggested: ${text}`);
        await watch.assertClean('cyclosporine keep');
      });
    }],
    ['a C2 typed as 1.15 (µg/mL) asks the unit question and keeps the text; 11500 is asked about, kept as typed only on request, and flagged', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await openDrug(page, fileUrl, 'cyclosporine');
        await dose(page, 'csa', local(3, 8), '100', 6);
        await level(page, 'csa', local(1, 10), 'C2', '1.15');
        await waitFor(page, () => document.getElementById('csa-level-question') !== null, null, 'unit question');
        const question = await page.textContent('#csa-level-question p');
        assert(question === '1.15 ng/mL is implausibly low for a whole-blood level (below 20 ng/mL): did you mean µg/mL (= 1150 ng/mL)?', `question: ${question}`);
        assert((await page.inputValue('#csa-level-value')) === '1.15', 'typed text kept');
        assert((await rows(page, '#csa-level-table')) === 0, 'not added before the answer');
        await page.click('#csa-level-use-converted');
        await waitFor(page, () => /1150 ng\/mL/.test(document.querySelector('#csa-level-table tbody')?.textContent ?? ''), null, 'added as 1150 ng/mL');
        await level(page, 'csa', local(1, 11), 'C3', '11500');
        await waitFor(page, () => document.getElementById('csa-level-question') !== null, null, 'question for 11500');
        const high = await page.textContent('#csa-level-question p');
        assert(high === '11500 ng/mL is implausible for a whole-blood level of this drug (outside 20–5000 ng/mL): check the value and its unit.', `question: ${high}`);
        assert(await page.$('#csa-level-use-converted') === null, 'no µg/mL reading for 11500');
        await page.click('#csa-level-keep-typed');
        await waitFor(page, () => document.querySelectorAll('#csa-level-table tbody tr').length === 2, null, 'kept as typed');
        await waitFor(page, () => /Level 2 \(11500 ng\/mL\) is implausible/.test(document.getElementById('csa-notes')?.textContent ?? ''), null, 'note on the kept level');
        await page.click('button[data-lang=ja]');
        const note = await page.textContent('#csa-notes');
        assert(note.includes('2 番目の測定値（11500 ng/mL）はこの薬剤の全血中濃度として考えにくい値ですが、入力どおり計算に使っています。'), `ja note: ${note}`);
        await watch.assertClean('implausible levels');
      });
    }],
  ];
}
