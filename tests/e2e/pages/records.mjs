// The Records screen as the end-to-end tests use it: a store created,
// unlocked, a record added.

export const PASS = 'correct horse battery';

/** Creates an encrypted store on a fresh page and returns the unlock time. */
export async function createStore(page, url) {
  await page.goto(`${url}#/records`);
  await page.click('button[data-lang=en]');
  await page.fill('#rec-new-pass', PASS);
  await page.fill('#rec-new-pass2', PASS);
  await page.click('#rec-create');
  await page.waitForSelector('#rec-label', { timeout: 10_000 });
}

/** Unlocks; returns the time from the click to the result (key derivation). */
export async function unlock(page, pass) {
  await page.fill('#rec-pass', pass);
  await page.evaluate(() => document.querySelectorAll('.rec-notice').forEach((n) => n.remove()));
  const t0 = Date.now();
  await page.click('#rec-unlock');
  await page.waitForFunction(
    () => document.querySelector('#rec-label') || document.querySelector('.rec-notice.error'),
    null,
    { timeout: 10_000 },
  );
  return Date.now() - t0;
}

export async function addRecord(page, label) {
  await page.click('#rec-new');
  await page.fill('#rec-label', label);
  await page.waitForFunction(
    (l) => [...document.querySelectorAll('.rec-name')].some((e) => e.textContent === l),
    label,
    { timeout: 5_000 },
  );
}
