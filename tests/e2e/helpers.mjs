// The end-to-end tests' shared helpers: one assert, one wait for a
// condition in the page, one wait for an element's text, one fresh page
// closed whatever happens, local clock times, a table's row count.

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

/** Runs `body` with a fresh page, `openPage(...args)` (its `context`,
 * `page` and `watch`), and closes the page's context afterwards, whether
 * `body` passed or threw. */
export async function withPage(openPage, args, body) {
  const opened = await openPage(...args);
  try {
    return await body(opened);
  } finally {
    await opened.context.close();
  }
}

/** `YYYY-MM-DDTHH:MM` local, `days` before today at `hh:mm`. */
export function local(days, hh, mm = 0) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hh, mm, 0, 0);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The number of body rows of the table `sel`. */
export const rows = (page, sel) => page.evaluate((s) => document.querySelectorAll(`${s} tbody tr`).length, sel);

/** Waits (up to `ms`) until `read()` returns what `ok` accepts. */
export async function until(read, ok, what, ms = 5_000) {
  let last;
  for (const end = Date.now() + ms; Date.now() < end;) {
    last = await read().catch(() => undefined);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what}: last seen ${JSON.stringify(last)}`);
}
