// E2e tests of issue 20, item 1: one record open in two pages of one
// browser (one context: the same storage), from file:// and from http.
// Edits of different fields in each page are all kept; a record made in
// one page is listed in the other within a second; one field typed in
// both is named on the save state line, never overwritten silently; saves
// at the same moment take turns (Web Locks) and lose nothing.

import { createStore, unlock, addRecord, PASS } from './pages/records.mjs';
import { assert, until } from './helpers.mjs';

const saved = (page) =>
  until(() => page.textContent('#save-state'), (t) => t?.includes('Saved ('), 'save state "Saved"');

const value = (page, id) => page.inputValue(id);

/** Page A makes a store and record "Shared"; page B (same context)
 * unlocks and opens it; both show the Patient screen. */
async function twoPages(context, url, a) {
  await createStore(a, url);
  await addRecord(a, 'Shared');
  await saved(a);
  const b = await context.newPage();
  await b.goto(`${url}#/records`);
  await b.click('button[data-lang=en]');
  await unlock(b, PASS);
  await b.locator('tr', { hasText: 'Shared' }).locator('.rec-open-btn').click();
  for (const p of [a, b]) await p.click('a[data-screen=patient]');
  return { a, b };
}

/** Reloads `page`, unlocks, opens `label` and shows the Patient screen. */
async function reopen(page, label) {
  await page.reload();
  await page.click('a[data-screen=records]');
  await unlock(page, PASS);
  await page.locator('tr', { hasText: label }).locator('.rec-open-btn').click();
  await page.click('a[data-screen=patient]');
}

export function tabTests({ openPage, fileUrl, httpUrl }) {
  const where = [['file://', fileUrl], ['http', httpUrl]];
    return where.flatMap(([name, at]) => [
    [`tabs (${name}): weight and height typed in one page, age and creatinine in the other, all four kept`, async () => {
      const { context, page: first, watch } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        // B types within A's autosave delay: A saves while B's edit waits
        // (B is stale and merges). Saves in the same few milliseconds: the
        // test "saving at the same moment" below.
        await a.fill('#pt-weight', '52');
        await a.fill('#pt-height', '158');
        await b.waitForTimeout(150);
        await b.fill('#pt-age', '64');
        await b.fill('#pt-creatinine', '0.72');
        const all = { '#pt-weight': '52', '#pt-height': '158', '#pt-age': '64', '#pt-creatinine': '0.72' };
        // Each page shows the other's fields without a reload.
        for (const p of [a, b]) {
          for (const [id, v] of Object.entries(all)) {
            await until(() => value(p, id), (x) => x === v, `${name}: ${id} live in ${p === a ? 'A' : 'B'}`);
          }
          await saved(p);
        }
        for (const p of [a, b]) {
          await reopen(p, 'Shared');
          for (const [id, v] of Object.entries(all)) {
            const got = await value(p, id);
            assert(got === v, `${name}: after reload ${id} is ${JSON.stringify(got)}, typed ${v}`);
          }
        }
        await watch.assertClean(`tabs ${name}`);
      } finally {
        await context.close();
      }
    }],
    [`tabs (${name}): a record made in one page is listed in the other within 1 s and keeps its name`, async () => {
      const { context, page: first } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        await a.click('a[data-screen=records]');
        await b.click('a[data-screen=records]');
        await b.click('#rec-new');
        await b.fill('#rec-label', 'Made in B');
        await saved(b);
        const t0 = Date.now();
        await until(
          () => a.$$eval('.rec-name', (e) => e.map((n) => n.textContent)),
          (names) => names?.includes('Made in B'),
          `${name}: B's record in A's list`,
          1_000,
        );
        const ms = Date.now() - t0;
        // A's next save (of its own record) renames nothing of B's.
        await a.fill('#rec-label', 'Shared, edited in A');
        await saved(a);
        for (const p of [a, b]) {
          const names = await until(
            () => p.$$eval('.rec-name', (e) => e.map((n) => n.textContent).sort()),
            (n) => n?.length === 2 && n.includes('Shared, edited in A'),
            `${name}: both lists`,
          );
          assert(
            JSON.stringify(names) === JSON.stringify(['Made in B', 'Shared, edited in A']),
            `${name}: list ${names}`,
          );
        }
        console.log(`  ${name}: listed in the other page ${ms} ms after its save`);
      } finally {
        await context.close();
      }
    }],
    [`tabs (${name}): one field typed in both pages is named on the save state, the stored value kept`, async () => {
      const { context, page: first } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        // B types within A's autosave delay: A's save reaches B while B's
        // own edit of the same field waits.
        await a.fill('#pt-weight', '60');
        await b.waitForTimeout(150);
        await b.fill('#pt-weight', '70');
        const [line, page, other] = await until(
          async () => {
            for (const [p, o] of [[a, b], [b, a]]) {
              const t = await p.evaluate(() => document.querySelector('#save-conflict')?.textContent);
              if (t) return [t, p, o];
            }
            return null;
          },
          (x) => x,
          `${name}: a conflict line`,
        );
        const [mine, kept] = page === b ? ['70', '60'] : ['60', '70'];
        assert(
          line.includes(`weight (typed here: ${mine}.0, stored: ${kept}.0)`),
          `${name}: conflict line ${JSON.stringify(line)}`,
        );
        // Both pages end on the stored value; nothing was overwritten silently.
        for (const p of [page, other]) {
          await until(() => value(p, '#pt-weight'), (x) => x === kept, `${name}: the kept weight`);
        }
        await page.click('button[data-lang=ja]');
        const ja = await page.textContent('#save-conflict');
        assert(ja.includes(`体重（この画面：${mine}.0、保存済み：${kept}.0）`), `${name}: Japanese line ${ja}`);
        await page.click('#save-conflict-dismiss');
        assert(!(await page.isVisible('#save-conflict')), 'the conflict line stays after Dismiss');
        await reopen(other, 'Shared');
        assert((await value(other, '#pt-weight')) === kept, `${name}: stored weight after reload`);
      } finally {
        await context.close();
      }
    }],
    [`tabs (${name}): a record deleted in one page is not brought back by the other's edit, which can keep it as new`, async () => {
      const { context, page: first, watch } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        await b.click('a[data-screen=records]');
        await b.locator('tr', { hasText: 'Shared' }).locator('.rec-del-btn').click();
        const deleted = 'This record was deleted in another tab. What is on this screen was not saved';
        // A is told where it types, before and after its next edit.
        await until(() => a.textContent('#save-state'), (t) => t?.includes(deleted), `${name}: A told of the deletion`);
        await a.fill('#pt-weight', '52');
        await a.waitForTimeout(800);
        await until(() => a.textContent('#save-state'), (t) => t?.includes(deleted), `${name}: A's edit not saved`);
        const recordKeys = () => b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dmip.rec.')));
        assert((await recordKeys()).length === 0, `${name}: resurrected: ${await recordKeys()}`);
        assert((await b.$$('.rec-name')).length === 0, `${name}: B lists a record again`);
        assert((await value(a, '#pt-weight')) === '52', `${name}: A's edit left the screen`);
        await a.click('button[data-lang=ja]');
        const ja = await a.textContent('#save-state');
        assert(ja.includes('この記録は別のタブで削除されました') && ja.includes('新しい記録として保存'), `${name}: Japanese ${ja}`);
        await a.click('button[data-lang=en]');
        assert((await a.textContent('#save-keep-new')) === 'Keep it as a new record', `${name}: no keep button`);
        await a.click('#save-keep-new');
        await saved(a);
        const keys = await recordKeys();
        assert(keys.length === 1 && keys[0].endsWith('#1'), `${name}: kept as ${keys}`);
        await until(
          () => b.$$eval('.rec-name', (e) => e.map((n) => n.textContent)),
          (n) => JSON.stringify(n) === '["Shared"]',
          `${name}: the kept record in B's list`,
        );
        await reopen(a, 'Shared');
        assert((await value(a, '#pt-weight')) === '52', `${name}: weight after reload`);
        await watch.assertClean(`tabs deleted ${name}`);
      } finally {
        await context.close();
      }
    }],
    [`tabs (${name}): a dose row, a choice and a text added in one page appear in the other within 1 s`, async () => {
      const { context, page: first, watch } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        for (const p of [a, b]) await p.click('nav a[data-screen=tacrolimus]');
        const doseRows = (p) => p.$$eval('#tac-dose-table tbody tr', (trs) => trs.map((tr) => tr.cells[1]?.textContent));
        await b.fill('#tac-dose-start', '2026-11-02T08:00');
        await b.fill('#tac-dose-amount', '3.5');
        await b.selectOption('#tac-dose-interval', '12');
        await b.uncheck('#tac-dose-ongoing');
        await b.fill('#tac-dose-count', '6');
        await b.click('#tac-dose-add');
        await saved(b);
        let t0 = Date.now();
        await until(() => doseRows(a), (r) => JSON.stringify(r) === '["3.5 mg"]', `${name}: B's dose row in A`, 1_000);
        const doseMs = Date.now() - t0;
        // Fields that keep their own text follow too (a choice, a list).
        for (const p of [a, b]) await p.click('a[data-screen=patient]');
        await b.selectOption('#pt-sex', 'female');
        await b.fill('#pt-meds', 'fluconazole\nrosuvastatin');
        await saved(b);
        t0 = Date.now();
        await until(() => value(a, '#pt-sex'), (v) => v === 'female', `${name}: B's sex in A`, 1_000);
        await until(() => value(a, '#pt-meds'), (v) => v === 'fluconazole\nrosuvastatin', `${name}: B's list in A`, 1_000);
        const fieldMs = Date.now() - t0;
        // A's next edit keeps all of B's (nothing stale written back).
        await a.fill('#pt-weight', '49');
        await saved(a);
        await reopen(b, 'Shared');
        assert((await value(b, '#pt-sex')) === 'female' && (await value(b, '#pt-weight')) === '49', `${name}: after reload`);
        await b.click('nav a[data-screen=tacrolimus]');
        await until(() => doseRows(b), (r) => JSON.stringify(r) === '["3.5 mg"]', `${name}: dose rows after reload`);
        console.log(`  ${name}: dose row shown in the other page ${doseMs} ms after its save, fields ${fieldMs} ms`);
        await watch.assertClean(`tabs follow ${name}`);
      } finally {
        await context.close();
      }
    }],
    [`tabs (${name}): the HRCT date, a co-medication's start and the IV-CY plan's first pulse typed in one page appear in the other`, async () => {
      const { context, page: first, watch } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        const follows = async (screen, id, text, what) => {
          for (const p of [a, b]) await p.click(`nav a[data-screen=${screen}]`);
          await a.waitForSelector(id);
          await b.fill(id, text);
          await saved(b);
          await until(() => value(a, id), (v) => v === text, `${name}: B's ${what} in A`, 1_000);
        };
        // A date written from the typing event (the disease profile).
        await follows('patient', '#dz-hrct-date', '2026-10-20', 'HRCT date');
        // A co-medication's start (its row made in B, listed in A).
        await b.fill('#pt-meds', 'fluconazole');
        await saved(b);
        await follows('safety', '#safety-comed-start-0', '2026-11-02T08:00', 'co-medication start');
        // One of the IV-CY plan's fields.
        await follows('cyclophosphamide', '#ivcy-start', '2026-11-09', 'first pulse');
        // A's next edit keeps all of B's (nothing stale written back).
        await a.fill('#ivcy-count', '6');
        await saved(a);
        await reopen(b, 'Shared');
        await until(() => value(b, '#dz-hrct-date'), (v) => v === '2026-10-20', `${name}: HRCT date after reload`);
        await b.click('nav a[data-screen=safety]');
        assert((await value(b, '#safety-comed-start-0')) === '2026-11-02T08:00', `${name}: start after reload`);
        await b.click('nav a[data-screen=cyclophosphamide]');
        const plan = [await value(b, '#ivcy-start'), await value(b, '#ivcy-count')];
        assert(plan[0] === '2026-11-09' && plan[1] === '6', `${name}: plan after reload ${plan}`);
        await watch.assertClean(`tabs follow dates ${name}`);
      } finally {
        await context.close();
      }
    }],
    [`tabs (${name}): two pages saving at the same moment, 12 times, lose no field`, async () => {
      const { context, page: first, watch } = await openPage();
      try {
        const { a, b } = await twoPages(context, at, first);
        // Web Locks from this origin (file:// is an opaque origin).
        const locks = await a.evaluate(async () => {
          if (!navigator.locks) return 'missing';
          try {
            return await navigator.locks.request('dmip-probe', () => 'granted');
          } catch (e) {
            return `refused (${e.name})`;
          }
        });
        console.log(`  ${name}: navigator.locks ${locks}`);
        const rounds = 12;
        let w;
        let h;
        for (let i = 0; i < rounds; i++) {
          [w, h] = [String(40 + i), String(150 + i)];
          // Both autosaves fire 400 ms after these, within a few ms.
          await Promise.all([a.fill('#pt-weight', w), b.fill('#pt-height', h)]);
          for (const p of [a, b]) {
            await until(
              async () => [await value(p, '#pt-weight'), await value(p, '#pt-height')],
              (v) => v?.[0] === w && v?.[1] === h,
              `${name}: round ${i + 1} in ${p === a ? 'A' : 'B'}`,
            );
            await saved(p);
          }
          for (const p of [a, b]) {
            assert(!(await p.isVisible('#save-conflict')), `${name}: round ${i + 1}: a conflict named`);
          }
        }
        for (const p of [a, b]) {
          await reopen(p, 'Shared');
          const got = [await value(p, '#pt-weight'), await value(p, '#pt-height')];
          assert(got[0] === w && got[1] === h, `${name}: after reload ${got}, typed ${w}, ${h}`);
        }
        console.log(`  ${name}: ${rounds} rounds of simultaneous saves, ${2 * rounds} edits, none lost`);
        await watch.assertClean(`tabs simultaneous ${name}`);
      } finally {
        await context.close();
      }
    }],
  ]);
}
