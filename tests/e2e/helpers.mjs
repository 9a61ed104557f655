// The end-to-end tests' shared helpers: one assert, one wait for a
// condition in the page, one wait for an element's text.

/** Throws `message` unless `condition`. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits (15 s at most) until `fn(arg)` is true in the page; a timeout is
 * reported as `what`. */
export async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 15_000 });
  } catch (e) {
    throw new Error(`${what}: ${e.message.split('\n')[0]}`);
  }
}

/** Waits (15 s at most) until the text of `selector` matches `pattern` (a
 * RegExp, its flags kept); a timeout names `what`, the pattern and the text
 * seen. */
export async function waitText(page, selector, pattern, what) {
  try {
    await page.waitForFunction(
      ([s, src, flags]) => new RegExp(src, flags).test(document.querySelector(s)?.textContent ?? ''),
      [selector, pattern.source, pattern.flags],
      { timeout: 15_000 },
    );
  } catch (e) {
    const seen = await page.evaluate((s) => document.querySelector(s)?.textContent ?? '(missing)', selector);
    throw new Error(`${what}: ${pattern} not in ${selector}: ${seen.slice(0, 600)}`);
  }
}
