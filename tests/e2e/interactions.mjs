// End-to-end tests of the interaction scenario (a clinician's list typed in
// Japanese and English), in both languages: the Safety screen's rows, the
// drug screen's headline naming each 禁忌 and level change before any dose,
// and the report's co-medication section with the same rows.

import path from 'node:path';
import { assert, waitFor, waitText, withPage, local } from './helpers.mjs';
import { dose } from './pages/drug.mjs';

async function comeds(page, names) {
  await page.click('nav a[data-screen=safety]');
  for (const n of names) {
    await page.fill('#safety-comed-input', n);
    await page.press('#safety-comed-input', 'Enter');
  }
  await waitFor(page, (k) => document.querySelectorAll('#safety-comed-list li').length === k, names.length, 'co-medications listed');
}

const count = (page, sel) => page.evaluate((s) => document.querySelectorAll(s).length, sel);

export function interactionTests({ openPage, fileUrl, shots }) {
  return [
    ['interactions: cyclosporine with rosuvastatin, bosentan, pitavastatin typed in Japanese → 禁忌 on Safety, headline and report (ja, en)', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=ja]');
        await page.click('nav a[data-screen=cyclosporine]');
        await dose(page, 'csa', local(3, 8), '100', 6);
        await waitFor(page, () => document.querySelectorAll('#csa-dose-table tbody tr').length === 1, null, 'dose row');
        await comeds(page, ['ロスバスタチン', 'ボセンタン', 'ピタバスタチン', 'クラリスロマイシン', 'エリスロマイシン', 'アトルバスタチン', 'TMP-SMX']);
        const C = '#safety-int-cyclosporine';
        await waitFor(page, (s) => document.querySelectorAll(`${s} tbody tr.contra`).length === 3, C, 'three 禁忌 rows');
        for (const d of ['rosuvastatin', 'bosentan', 'pitavastatin']) {
          await waitText(page, `${C} tr.contra[data-drug=${d}]`, /併用禁忌/, `${d} 禁忌`);
        }
        await waitText(page, `${C} tr[data-drug=clarithromycin]`, /クラリスロマイシンとして確認.*併用注意.*再測定/, 'clarithromycin');
        await waitText(page, `${C} tr[data-drug=erythromycin]`, /エリスロマイシンとして確認.*区分不明/, 'erythromycin');
        await waitText(page, `${C} tr[data-drug=atorvastatin]`, /HMG-CoA還元酵素阻害剤.*併用注意/, 'atorvastatin (statin row)');
        await waitText(page, `${C} tr[data-drug=smx_tmp]`, /TMP-SMX.*スルファメトキサゾール・トリメトプリムとして確認.*併用注意.*腎障害/, 'TMP-SMX');
        assert((await count(page, `${C} .safety-unlisted`)) === 0, 'a name was not checked');
        // The headline names them before any dose.
        await page.click('nav a[data-screen=cyclosporine]');
        await waitText(page, '#csa-summary', /シクロスポリンと併用禁忌（添付文書）：ロスバスタチン、ボセンタン、ピタバスタチン — 併用しないこととされています。シクロスポリンの血中濃度を変える併用薬：ボセンタン（↓低下）、クラリスロマイシン（↑上昇）、エリスロマイシン（↑上昇）/, 'headline (ja)');
        await page.click('nav a[data-screen=report]');
        await waitFor(page, () => document.querySelectorAll('#report-int-cyclosporine tbody tr.contra').length === 3, null, 'report 禁忌 rows');
        await waitText(page, '#report-csa-interactions', /シクロスポリンと併用禁忌（添付文書）：ロスバスタチン、ボセンタン、ピタバスタチン/, 'report sentence (ja)');
        await waitText(page, '#report-int-cyclosporine tr[data-drug=rosuvastatin]', /ロスバスタチン（クレストール）.*Cmax 10\.6倍/, 'report row as printed');
        await page.screenshot({ path: path.join(shots, 'interactions-csa-report-ja.png'), fullPage: true });
        await page.click('button[data-lang=en]');
        await waitText(page, '#report-csa-interactions', /Contraindicated with cyclosporine \(Japanese label, 禁忌\): rosuvastatin, bosentan, pitavastatin — the label says not to combine them\./, 'report sentence (en)');
        await waitText(page, '#report-int-cyclosporine tr[data-drug=rosuvastatin]', /Contraindicated — 併用禁忌.*Rosuvastatin Cmax ×10\.6/, 'report row (en)');
        await page.click('nav a[data-screen=cyclosporine]');
        await waitText(page, '#csa-summary', /Contraindicated with cyclosporine \(Japanese label, 禁忌\): rosuvastatin, bosentan, pitavastatin.*Co-medications that change the cyclosporine level: bosentan \(↓ fall\), clarithromycin \(↑ rise\), erythromycin \(↑ rise\) — recheck levels before deciding the dose\./, 'headline (en)');
        await page.click('nav a[data-screen=safety]');
        await waitText(page, `${C} tr[data-drug=smx_tmp]`, /read as sulfamethoxazole-trimethoprim.*Use with caution — 併用注意/, 'TMP-SMX (en)');
        await page.screenshot({ path: path.join(shots, 'interactions-csa-safety-en.png'), fullPage: true });
        await watch.assertClean('cyclosporine interactions');
      });
    }],
    ['interactions: tacrolimus with spironolactone, ST合剤, amphotericin B, a live vaccine, NSAID, aminoglycoside, voriconazole (ja, en)', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(fileUrl);
        await page.click('button[data-lang=en]');
        await page.click('nav a[data-screen=tacrolimus]');
        await dose(page, 'tac', local(3, 8), '3', 6);
        await waitFor(page, () => document.querySelectorAll('#tac-dose-table tbody tr').length === 1, null, 'dose row');
        await comeds(page, ['スピロノラクトン', 'ＳＴ合剤', 'アムホテリシンＢ', '生ワクチン', 'ロキソニン錠60mg', 'gentamicin', 'VRCZ 200mg']);
        const T = '#safety-int-tacrolimus';
        await waitFor(page, (s) => document.querySelectorAll(`${s} tbody tr.contra`).length === 2, T, 'two 禁忌 rows');
        await waitText(page, `${T} tr.contra[data-drug=spironolactone]`, /read as spironolactone.*Contraindicated — 併用禁忌/, 'spironolactone 禁忌');
        await waitText(page, `${T} tr.contra[data-drug=live_vaccines]`, /Contraindicated — 併用禁忌.*Prograf granules/, 'live vaccine 禁忌');
        for (const d of ['smx_tmp', 'amphotericin_b', 'loxoprofen', 'gentamicin']) {
          await waitText(page, `${T} tr[data-drug=${d}]`, /Category unavailable:.*nephrotoxic.*Advagraf SmPC/, `${d} matched`);
        }
        await waitText(page, `${T} tr[data-drug=voriconazole]`, /Use with caution — 併用注意.*\+115\.6 %.*Mori T, et al\. Bone Marrow Transplant 2009/, 'voriconazole with its number');
        await page.click('nav a[data-screen=tacrolimus]');
        await waitText(page, '#tac-summary', /Contraindicated with tacrolimus \(Japanese label, 禁忌\): spironolactone, live vaccines — the label says not to combine them\. Co-medications that change the tacrolimus level: voriconazole \(↑ rise: tacrolimus concentration\/dose ratio \+115\.6 %/, 'headline (en)');
        await waitText(page, '#tac-summary', /4 more co-medication\(s\) listed as 併用注意 or of unknown category: see the Safety screen\./, 'the other rows counted');
        await page.click('nav a[data-screen=report]');
        await waitFor(page, () => document.querySelectorAll('#report-int-tacrolimus tbody tr.contra').length === 2, null, 'report 禁忌 rows');
        await waitText(page, '#report-tac-interactions', /Contraindicated with tacrolimus \(Japanese label, 禁忌\): spironolactone, live vaccines/, 'report sentence (en)');
        await page.click('button[data-lang=ja]');
        await waitText(page, '#report-tac-interactions', /タクロリムスと併用禁忌（添付文書）：スピロノラクトン、生ワクチン/, 'report sentence (ja)');
        await waitText(page, '#report-int-tacrolimus tr[data-drug=live_vaccines]', /生ワクチン（乾燥弱毒生麻しんワクチン.*併用禁忌.*類薬による免疫抑制下で/, 'report row as printed (ja)');
        await page.click('nav a[data-screen=tacrolimus]');
        await waitText(page, '#tac-summary', /タクロリムスと併用禁忌（添付文書）：スピロノラクトン、生ワクチン — 併用しないこととされています。タクロリムスの血中濃度を変える併用薬：ボリコナゾール（↑上昇：タクロリムスの濃度\/投与量比 \+115\.6 %/, 'headline (ja)');
        await page.click('nav a[data-screen=safety]');
        await waitText(page, `${T} tr[data-drug=smx_tmp]`, /ＳＴ合剤.*スルファメトキサゾール・トリメトプリムとして確認.*区分不明/, 'ST合剤 (ja)');
        await page.screenshot({ path: path.join(shots, 'interactions-tac-safety-ja.png'), fullPage: true });
        await watch.assertClean('tacrolimus interactions');
      });
    }],
  ];
}
