// In-browser performance harness (issues 8, 21): cold start of
// dist/dmip.html from file:// to the first painted frame of the mounted
// app (the user sees the screen and can tap it) on a 360 × 740 phone
// viewport, unthrottled and with 4× CPU throttling (Chrome DevTools'
// mid-range phone, `Emulation.setCPUThrottlingRate`), split into its
// phases by the page's marks; one MAP fit; a full recompute on an edit
// (fit + band + dose search + redraw) for 10, 30, 100 and 1000 doses, and
// at 30 doses with 4× throttling; the memory after 100 edits. Prints the
// figures and writes them to
// $DMIP_SCREENSHOTS/perf.json; BENCHMARKS.md records them. Speed is
// reported, not asserted (timed assertions would fail on a busy machine);
// what is asserted is that every measurement ran and is finite.

import fs from 'node:fs';
import path from 'node:path';
import { median, timeEdits } from './app.mjs';
import { assert, withPage } from './helpers.mjs';
import { createStore } from './pages/records.mjs';

const HOUR = 3_600_000;

/** RFC 3339 in UTC, to the minute. */
const iso = (ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(/:00\.000Z$/, ':00+00:00');

/** A record with `n` single twice-daily doses of Neoral ending 4 h ago, and a C0 and a C2 on the last one. */
function recordWithDoses(n) {
  const last = Date.now() - 4 * HOUR;
  const doses = Array.from({ length: n }, (_, i) => ({
    start: iso(last - (n - 1 - i) * 12 * HOUR), amount_mg: 100, interval_h: null, count: 1,
    at_steady_state: false, formulation: 'neoral',
  }));
  return {
    schema: 2, id: `perf${n}`, label: `perf ${n}`,
    patient: { age_years: 55, sex: 'female', weight_kg: 52, height_cm: 156, creatinine: 0.7, prednisolone_mg_day: 40, hematocrit_pct: 35 },
    cyclosporine: {
      doses,
      levels: [
        { sampled: iso(last - 5 * 60_000), value_ng_ml: 110, blq: false, lloq_ng_ml: null, label: 'c0' },
        { sampled: iso(last + 2 * HOUR), value_ng_ml: 650, blq: false, lloq_ng_ml: null, label: 'c2' },
      ],
    },
  };
}

/** Imports `record` into a new store and opens it on the cyclosporine screen. */
async function openRecord(page, fileUrl, record) {
  await createStore(page, fileUrl);
  const file = { format: 'dmip-monitor-export', version: 1, app: 'perf', records: [record] };
  await page.setInputFiles('#rec-import', { name: 'perf.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.rec-open-btn');
  await page.click('.rec-open-btn');
  await page.click('nav a[data-screen=cyclosporine]');
  await page.waitForFunction(() => document.querySelectorAll('#csa-advice tbody tr').length > 0, null, { timeout: 60_000 });
}

const EDITS = ['1250', '1300', '1200', '1250', '1300', '1210', '1260'];

/** The page's marks, in order: the inline loader starts decoding, the
 * wasm is decoded, the wasm is compiled and instantiated (the app
 * starts), the app is mounted, the first frame after mounting is painted. */
const MARKS = ['dmip-unpack', 'dmip-unpacked', 'dmip-start', 'dmip-interactive', 'dmip-painted'];

/** The median time of each phase between consecutive marks (from
 * navigation start) over `runs`. */
function phases(runs) {
  const names = ['html and glue', 'base64 decode', 'gunzip, compile, instantiate', 'first render', 'layout and paint'];
  const bounds = [() => 0, ...MARKS.map((m) => (r) => r[m])];
  return Object.fromEntries(names.map((name, k) => {
    const d = runs.map((r) => bounds[k + 1](r) - bounds[k](r)).sort((a, b) => a - b);
    return [name, Number(median(d).toFixed(1))];
  }));
}

/** Chrome DevTools' CPU throttling (`rate` × slower) on `page`. */
async function throttle(context, page, rate) {
  if (rate === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
const fmt = (ms) => ms.toFixed(1);

export function perfTests({ openPage, fileUrl, shots }) {
  const figures = {};
  const save = () => fs.writeFileSync(path.join(shots, 'perf.json'), JSON.stringify(figures, null, 2));
  return [
    ['perf: cold start from file:// to interactive at 1× and 4× CPU (360 × 740), by phase; one MAP fit', async () => {
      figures.cold_start_ms = {};
      figures.cold_start_phases_ms = {};
      for (const rate of [1, 4]) {
        const runs = [];
        for (let i = 0; i < 5; i++) {
          await withPage(openPage, [{ width: 360, height: 740 }, 2], async ({ context, page }) => {
            await throttle(context, page, rate);
            await page.goto(fileUrl);
            await page.waitForFunction(() => performance.getEntriesByName('dmip-painted')[0], null, { timeout: 30_000 });
            runs.push(await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])), MARKS));
            if (i === 0 && rate === 1) {
              figures.map_fit_ms = await page.evaluate(() => wasm_bindgen.dmip_probe_map_fit_ms(200));
            }
          });
        }
        const starts = runs.map((r) => r['dmip-painted']).sort((a, b) => a - b);
        const mounted = runs.map((r) => r['dmip-interactive']).sort((a, b) => a - b);
        figures.cold_start_ms[`x${rate}`] = { median: median(starts), min: starts[0], max: starts.at(-1), mounted_median: median(mounted) };
        figures.cold_start_phases_ms[`x${rate}`] = phases(runs);
        assert(starts.every(Number.isFinite), JSON.stringify(runs));
        console.log(`  cold start ${rate}× CPU (file://, 360 px, navigation → first paint of the mounted app): median ${fmt(median(starts))} ms (min ${fmt(starts[0])}, max ${fmt(starts.at(-1))}; mounted ${fmt(median(mounted))}); phases (medians): ${JSON.stringify(figures.cold_start_phases_ms[`x${rate}`])}`);
      }
      assert(Number.isFinite(figures.map_fit_ms), JSON.stringify(figures));
      console.log(`  MAP fit (mapbayr 001, in wasm): ${figures.map_fit_ms.toFixed(3)} ms`);
      save();
    }],
    ['perf: full recompute on an edit for 10, 30, 100 and 1000 doses; memory after 100 edits', async () => {
      figures.edit_ms = {};
      for (const n of [10, 30, 100, 1000]) {
        await withPage(openPage, [], async ({ context, page }) => {
          await openRecord(page, fileUrl, recordWithDoses(n));
          const times = await timeEdits(page, 'csa-target-high', 'csa-plot', EDITS);
          figures.edit_ms[n] = { median: median(times), min: times[0], max: times.at(-1) };
          console.log(`  ${n}-dose edit → fit + band + dose search + redraw: median ${fmt(median(times))} ms (min ${fmt(times[0])}, max ${fmt(times.at(-1))})`);
          if (n === 30) {
            const memory = () => page.evaluate(() => ({ wasm: wasm_bindgen.dmip_probe_memory_bytes(), js: performance.memory?.usedJSHeapSize ?? NaN }));
            const before = await memory();
            const values = Array.from({ length: 100 }, (_, i) => String(1200 + (i % 50)));
            await timeEdits(page, 'csa-target-high', 'csa-plot', values);
            const after = await memory();
            figures.memory_after_100_edits = { before, after };
            console.log(`  memory, 30 doses, before → after 100 edits: wasm ${(before.wasm / 1048576).toFixed(1)} → ${(after.wasm / 1048576).toFixed(1)} MiB, JS heap ${(before.js / 1048576).toFixed(1)} → ${(after.js / 1048576).toFixed(1)} MiB`);
            assert(Number.isFinite(after.wasm) && after.wasm >= before.wasm, JSON.stringify(figures.memory_after_100_edits));
          }
        });
      }
      {
        await withPage(openPage, [], async ({ context, page }) => {
          await openRecord(page, fileUrl, recordWithDoses(30));
          await throttle(context, page, 4);
          const times = await timeEdits(page, 'csa-target-high', 'csa-plot', EDITS);
          figures.edit_ms_x4 = { 30: { median: median(times), min: times[0], max: times.at(-1) } };
          console.log(`  30-dose edit at 4× CPU → fit + band + dose search + redraw: median ${fmt(median(times))} ms (min ${fmt(times[0])}, max ${fmt(times.at(-1))})`);
        });
      }
      assert(Object.values(figures.edit_ms).every((f) => Number.isFinite(f.median)) && Number.isFinite(figures.edit_ms_x4[30].median), JSON.stringify(figures.edit_ms));
      save();
    }],
  ];
}
