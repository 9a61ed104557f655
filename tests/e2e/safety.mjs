// End-to-end tests of the Safety screen: co-medications against the label
// rows (禁忌 / 併用注意, recheck levels, names not found with the nearest
// known name, known drugs without a row), adverse-event checks (creatinine rise,
// potassium on tacrolimus), bad input, reload, Japanese and phone layouts.

import path from 'node:path';
import { assert, waitText, withPage } from './helpers.mjs';
import { addRecord, createStore, PASS, unlock } from './pages/records.mjs';

async function addComed(page, name, key = true) {
  await page.fill('#safety-comed-input', name);
  if (key) await page.press('#safety-comed-input', 'Enter');
  else await page.click('#safety-comed-add');
}

async function addResult(page, analyte, date, value, unit) {
  await page.selectOption('#safety-lab-analyte', analyte);
  await page.fill('#safety-lab-date', date);
  await page.fill('#safety-lab-value', value);
  if (unit) await page.selectOption('#safety-lab-unit', unit);
  await page.click('#safety-lab-add');
}

/** `YYYY-MM-DDTHH:MM` local, `days` before today at 08:00. */
function local(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T08:00`;
}

async function tacrolimusDose(page) {
  await page.click('nav a[data-screen=tacrolimus]');
  await page.fill('#tac-dose-start', local(3));
  await page.fill('#tac-dose-amount', '3');
  await page.selectOption('#tac-dose-interval', '12');
  await page.uncheck('#tac-dose-ongoing');
  await page.fill('#tac-dose-count', '6');
  await page.click('#tac-dose-add');
  await page.waitForFunction(() => document.querySelectorAll('#tac-dose-table tbody tr').length === 1);
  await page.click('nav a[data-screen=safety]');
}

const CSA = '#safety-int-cyclosporine';
const TAC = '#safety-int-tacrolimus';
const card = (a) => `.safety-check[data-analyte=${a}]`;

export function safetyTests({ openPage, fileUrl, shots }) {
  return [
    ['safety: 禁忌 with source, CYP3A4 recheck, unknown drug named; creatinine rise, potassium on tacrolimus; reload keeps it', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await createStore(page, fileUrl);
        await addRecord(page, 'Safety bed 3');
        await page.click('nav a[data-screen=safety]');
        await waitText(page, '#safety-scope', /checked against both labels/, 'scope without doses');
        // Contraindicated with cyclosporine (rosuvastatin 禁忌: cyclosporine label, DSU No.327).
        await addComed(page, 'rosuvastatin');
        await waitText(page, `${CSA} tbody tr.contra`, /rosuvastatin.*read as rosuvastatin.*Contraindicated — 併用禁忌.*Rosuvastatin Cmax ×10\.6\..*Drug Safety Update \(DSU\) No\.327/, '禁忌 row');
        // A CYP3A4 inhibitor, added with the button.
        await addComed(page, 'fluconazole', false);
        await waitText(page, CSA, /fluconazole.*Use with caution — 併用注意.*Levels will change \(↑ rise\) — recheck.*Fluconazole SmPC/, 'CYP3A4 row');
        await waitText(page, `${CSA} .safety-banner`, /changes the cyclosporine blood level: recheck levels/, 'recheck banner');
        // Unknown drug: named, not checked, kept as typed.
        await addComed(page, 'Zyxoprofen 50 mg');
        await waitText(page, `${CSA} .safety-unlisted`, /Not found in the cyclosporine table: “Zyxoprofen 50 mg” \(did you mean “loxoprofen”\?\) — not checked/, 'unknown drug');
        await waitText(page, '#safety-comed-list', /Zyxoprofen 50 mg/, 'unknown drug kept in the list');
        await addComed(page, 'fluconazole');
        await waitText(page, '#safety-comed-error', /“fluconazole” is already in the list/, 'duplicate refused');
        assert((await page.inputValue('#safety-comed-input')) === 'fluconazole', 'typed name lost');
        await page.fill('#safety-comed-input', '');

        // Creatinine: baseline, then a rise typed in the wrong unit → suggestion → µmol/L.
        await addResult(page, 'serum creatinine', '2025-01-10', '0.70', 'mg/dL');
        await page.selectOption('#safety-lab-analyte', 'serum creatinine');
        await page.fill('#safety-lab-date', '2025-02-10');
        await page.fill('#safety-lab-value', '88.4');
        await waitText(page, '#safety-lab-suggestion', /88\.4 mg\/dL — did you mean µmol\/L\? That is 1 mg\/dL/, 'unit mix-up');
        await page.click('#safety-lab-use-suggested');
        assert((await page.inputValue('#safety-lab-unit')) === 'µmol/L', 'suggested unit not chosen');
        await page.click('#safety-lab-add');
        await waitText(page, `${card('creatinine')} .change`, /^\+0\.300 mg\/dL \(\+42\.9 %\)$/, 'creatinine rise');
        await waitText(page, `${card('creatinine')} .threshold`, /unavailable: .*no verified threshold/, 'creatinine threshold');
        // Impossible values: refused at the field, text kept.
        await page.selectOption('#safety-lab-analyte', 'potassium');
        await page.fill('#safety-lab-value', '');
        await page.click('#safety-lab-add');
        await waitText(page, '#safety-lab-value-error', /^potassium: required$/, 'empty value');
        await page.fill('#safety-lab-value', '4,5');
        await waitText(page, '#safety-lab-value-error', /potassium: please enter a number \(typed “4,5”\)/, 'not a number');
        await page.fill('#safety-lab-value', '-4');
        await page.click('#safety-lab-add');
        await waitText(page, '#safety-lab-value-error', /potassium: cannot be negative \(typed “-4”\)/, 'negative value');
        assert((await page.inputValue('#safety-lab-value')) === '-4', 'typed value lost');
        await page.fill('#safety-lab-date', '');
        await page.fill('#safety-lab-value', '5.6');
        await page.click('#safety-lab-add');
        await waitText(page, '#safety-lab-date-error', /date: required/, 'missing date');

        // Tacrolimus on: its label only; potassium tied to it by the Prograf label.
        await tacrolimusDose(page);
        await waitText(page, '#safety-scope', /doses recorded: tacrolimus/, 'scope on tacrolimus');
        assert((await page.locator(CSA).count()) === 0, 'cyclosporine label still checked');
        await waitText(page, TAC, /fluconazole.*Levels will change \(↑ rise\) — recheck/, 'tacrolimus CYP3A4 row');
        await waitText(page, `${TAC} .safety-no-row`, /No row for these in the tacrolimus label rows read: “rosuvastatin” \(rosuvastatin\)/, 'rosuvastatin: no tacrolimus row');
        await addResult(page, 'potassium', '2025-02-10', '5.6', 'mmol/L');
        await waitText(page, `${card('potassium')} .baseline`, /5\.60 mmol\/L \(2025-02-10\)/, 'potassium value');
        await waitText(page, card('potassium'), /tacrolimus: hyperkalaemia — stated in Prograf capsules 5 mg Japanese package insert/, 'potassium link');
        await waitText(page, `${card('potassium')} .threshold`, /unavailable: .*potassium/, 'potassium threshold');
        assert((await page.locator('#safety-lab-table tbody tr').count()) === 3, 'three results listed');
        // Tacrolimus 禁忌 (Graceptor/Prograf 2.3): potassium-sparing diuretic.
        await addComed(page, 'spironolactone');
        await waitText(page, `${TAC} tbody tr.contra`, /spironolactone.*Contraindicated — 併用禁忌.*Hyperkalaemia may occur.*Graceptor capsules 5 mg/, 'tacrolimus 禁忌 row');
        // A CYP3A4 inducer.
        await addComed(page, 'rifampicin');
        await waitText(page, TAC, /rifampicin.*Levels will change \(↓ fall\) — recheck.*bioavailability 14 ± 6 % → 7 ± 3 %/, 'CYP3A4 inducer row with its number');
        await page.screenshot({ path: path.join(shots, 'safety-flow-en.png'), fullPage: true });

        // Reload: the record keeps the list and the results.
        await page.waitForTimeout(700);
        await page.goto(`${fileUrl}#/records`);
        await page.reload();
        await unlock(page, PASS);
        await page.locator('tr', { hasText: 'Safety bed 3' }).locator('.rec-open-btn').click();
        await page.click('nav a[data-screen=safety]');
        await waitText(page, '#safety-comed-list', /rosuvastatin.*fluconazole.*Zyxoprofen 50 mg.*spironolactone.*rifampicin/, 'list after reload');
        await waitText(page, `${card('creatinine')} .change`, /\+42\.9 %/, 'creatinine after reload');
        await waitText(page, `${card('potassium')} .baseline`, /5\.60 mmol\/L/, 'potassium after reload');
        await page.click('button[data-lang=ja]');
        await waitText(page, `${TAC} tbody tr.contra`, /spironolactone.*併用禁忌/, 'Japanese 禁忌 row');
        await waitText(page, `${TAC} tbody`, /併用注意.*血中濃度が変化します（↑上昇）— 再測定してください/, 'Japanese recheck');
        await waitText(page, `${card('creatinine')} .threshold`, /表示できません：/, 'Japanese threshold');
        await page.screenshot({ path: path.join(shots, 'safety-flow-ja.png'), fullPage: true });
        await watch.assertClean('safety flow');
      });
    }],
    ['safety on a 360×740 phone (ja): 禁忌 row, checks and form fit without horizontal scroll; keyboard adds and removes', async () => {
      await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page, watch }) => {
        await page.goto(`${fileUrl}#/safety`);
        await page.click('button[data-lang=ja]');
        await page.focus('#safety-comed-input');
        await page.keyboard.type('ロスバスタチン');
        await page.keyboard.press('Enter');
        await page.keyboard.type('pitavastatin');
        await page.keyboard.press('Enter');
        await waitText(page, `${CSA} tbody tr.contra[data-drug=pitavastatin]`, /pitavastatin.*併用禁忌/, '禁忌 row (ja)');
        await waitText(page, `${CSA} tbody tr.contra[data-drug=rosuvastatin]`, /ロスバスタチン.*ロスバスタチンとして確認.*併用禁忌/, 'Japanese name found: 禁忌');
        // Keyboard: Tab from the input reaches Add, then the first Delete.
        await page.focus('#safety-comed-input');
        await page.keyboard.press('Tab');
        assert((await page.evaluate(() => document.activeElement.id)) === 'safety-comed-add', 'Tab did not reach Add');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('#safety-comed-list li').length === 1);
        await addResult(page, 'serum creatinine', '2025-01-10', '0.8', 'mg/dL');
        await addResult(page, 'serum creatinine', '2025-01-17', '0.9', 'mg/dL');
        await addResult(page, 'serum creatinine', '2025-01-24', '1.1', 'mg/dL');
        await waitText(page, `${card('creatinine')} .change`, /\+37\.5 %/, 'creatinine rise (ja)');
        await waitText(page, `${card('creatinine')} .trend`, /^0\.800 \(01-10\) → 0\.900 \(01-17\) → 1\.10 \(01-24\)$/, 'creatinine trend');
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        assert(scroll <= inner, `${scroll} px wide in ${inner} px`);
        await page.screenshot({ path: path.join(shots, 'safety-phone-ja.png'), fullPage: true });
        await watch.assertClean('safety phone');
      });
    }],
  ];
}
