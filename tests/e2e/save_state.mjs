// E2e tests of issue 20's "saved, or told where you type": the save state
// on the screen being edited (not kept without a store, saved, storage
// full with the retry), and edits that used to be lost in the autosave
// delay (a reload at once, New record at once).

import { assert, withPage } from './helpers.mjs';
import { createStore, PASS, unlock } from './pages/records.mjs';

/** Waits (up to `ms`) until the save state line contains `text`. */
async function expectState(page, text, ms = 5_000) {
  let actual;
  for (const end = Date.now() + ms; Date.now() < end;) {
    actual = await page.textContent('#save-state').catch(() => null);
    if (actual?.includes(text)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`#save-state: expected it to contain ${JSON.stringify(text)}, got ${JSON.stringify(actual)}`);
}

/** Fills localStorage until a write fails, to the last character (a last
 * key grown one step at a time: a new key's own length would leave room
 * for a small growth); returns the keys written. */
const fillStorage = (page) => page.evaluate(() => {
  const keys = [];
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    for (;;) {
      const key = `junk.${keys.length}`;
      try { localStorage.setItem(key, 'x'.repeat(size)); keys.push(key); } catch { break; }
    }
  }
  const last = keys.at(-1);
  for (let step = 64; step >= 1; step >>= 1) {
    for (;;) {
      try { localStorage.setItem(last, localStorage.getItem(last) + 'x'.repeat(step)); } catch { break; }
    }
  }
  return keys;
});

export function saveStateTests({ openPage, fileUrl }) {
  return [
    ['save state: typing with no store says "not kept" where the user types; creating the store keeps it', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await page.goto(`${fileUrl}#/patient`);
        await page.click('button[data-lang=en]');
        await page.fill('#pt-weight', '52');
        await expectState(page, 'Not kept: there is no record store yet.');
        assert((await page.textContent('#save-go-records')) === 'Create a store', 'no button to create the store');
        await page.click('#save-go-records');
        await page.fill('#rec-new-pass', PASS);
        await page.fill('#rec-new-pass2', PASS);
        await page.click('#rec-create');
        await page.waitForFunction(() => document.querySelectorAll('.rec-name').length === 1, null, { timeout: 10_000 });
        await expectState(page, 'Saved (');
        await page.reload();
        await unlock(page, PASS);
        await page.click('.rec-open-btn');
        await page.click('a[data-screen=patient]');
        assert((await page.inputValue('#pt-weight')) === '52', 'the weight typed before the store was lost');
        await watch.assertClean('save state, no store');
      });
    }],
    ['save state: an edit followed at once by a reload, or by New record, is kept', async () => {
      await withPage(openPage, [], async ({ context, page, watch }) => {
        await createStore(page, fileUrl);
        await page.click('#rec-new');
        await page.fill('#rec-label', 'Bed 1');
        await page.click('#rec-new');
        await page.fill('#rec-label', 'Bed 2');
        await page.click('a[data-screen=patient]');
        await page.fill('#pt-weight', '61');
        await page.reload();
        await page.click('a[data-screen=records]');
        await unlock(page, PASS);
        const names = await page.$$eval('.rec-name', (e) => e.map((n) => n.textContent).sort());
        assert(JSON.stringify(names) === JSON.stringify(['Bed 1', 'Bed 2']), `records after New record at once: ${names}`);
        await page.locator('tr', { hasText: 'Bed 2' }).locator('.rec-open-btn').click();
        await page.click('a[data-screen=patient]');
        assert((await page.inputValue('#pt-weight')) === '61', 'the weight typed just before the reload was lost');
        await watch.assertClean('save state, reload at once');
      });
    }],
    ['save state: storage full is said on the screen being edited, the edit is kept and saved once there is room', async () => {
      await withPage(openPage, [], async ({ context, page }) => {
        await createStore(page, fileUrl);
        await page.click('#rec-new');
        await page.fill('#rec-label', 'Bed 3');
        await expectState(page, 'Saved (');
        await page.click('a[data-screen=patient]');
        const junk = await fillStorage(page);
        assert(junk.length > 0, 'storage could not be filled');
        // 156.0 is written longer than the empty height's null: the entry grows.
        await page.fill('#pt-height', '156');
        await expectState(page, "Not saved: the browser's storage is full.");
        assert(await page.isVisible('#save-export-now'), 'no "export now" where the user types');
        assert((await page.inputValue('#pt-height')) === '156', 'the edit left the screen');
        await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
        await expectState(page, 'Saved (', 10_000);
        await page.reload();
        await page.click('a[data-screen=records]');
        await unlock(page, PASS);
        await page.click('.rec-open-btn');
        await page.click('a[data-screen=patient]');
        assert((await page.inputValue('#pt-height')) === '156', 'the retried save did not keep the height');
      });
    }],
  ];
}
