// localStorage against IndexedDB for the record store (issue 20, item 3):
// 200 sealed records (6 000 characters each, the size of a record with 30
// doses and 10 levels once sealed and base64-encoded) written and read in
// headless Chromium, from file:// and from http, as the app would do it
// (one save = one record and the index), plus each storage's quota.
// Run after `cargo xtask build` (needs dist/):
//   DMIP_NODE_MODULES=target/tools/node_modules DMIP_DIST=dist \
//   DMIP_CHROMIUM=/usr/bin/chromium node bench/storage/bench.mjs
// Prints one Markdown table row per origin and operation (median of 7).

import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tests/e2e/server.mjs';

const env = (n) => process.env[n] ?? (() => { throw new Error(`${n} is not set`); })();
const dist = path.resolve(env('DMIP_DIST'));
const require = createRequire(path.resolve(env('DMIP_NODE_MODULES'), 'package.json'));
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: env('DMIP_CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const server = await startServer(dist);

async function measure(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const out = await page.evaluate(async () => {
    const N = 200;
    const SIZE = 6000;
    const RUNS = 7;
    const text = (i) => `{"sealed":{"nonce":"${String(i).padStart(16, '0')}","ct":"${'A'.repeat(SIZE - 50)}"}}`;
    const index = 'x'.repeat(N * 80);
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const time = async (f) => {
      const xs = [];
      for (let r = 0; r < RUNS; r += 1) {
        const t0 = performance.now();
        await f(r);
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const res = {};
    // localStorage: each save writes the record, then the index.
    res.lsWrite = await time(async (r) => {
      for (let i = 0; i < N; i += 1) {
        localStorage.setItem(`bench.rec.${i}#${r + 1}`, text(i));
        localStorage.setItem('bench.index', index);
        if (r > 0) localStorage.removeItem(`bench.rec.${i}#${r}`);
      }
    });
    res.lsRead = await time(async () => {
      let n = 0;
      for (const k of Object.keys(localStorage)) {
        if (k.startsWith('bench.rec.')) n += localStorage.getItem(k).length;
      }
      if (n < N * 1000) throw new Error('read too little');
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('bench.')) localStorage.removeItem(k);
    // IndexedDB: one transaction per save (record and index), as autosave
    // would; and the whole store read in one transaction.
    const db = await new Promise((ok, no) => {
      const rq = indexedDB.open('bench', 1);
      rq.onupgradeneeded = () => rq.result.createObjectStore('kv');
      rq.onsuccess = () => ok(rq.result);
      rq.onerror = () => no(rq.error);
    });
    const done = (tx) => new Promise((ok, no) => { tx.oncomplete = ok; tx.onerror = () => no(tx.error); tx.onabort = () => no(tx.error); });
    res.idbWrite = await time(async () => {
      for (let i = 0; i < N; i += 1) {
        const tx = db.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(text(i), `rec.${i}`);
        tx.objectStore('kv').put(index, 'index');
        await done(tx);
      }
    });
    res.idbWriteOneTx = await time(async () => {
      const tx = db.transaction('kv', 'readwrite');
      for (let i = 0; i < N; i += 1) tx.objectStore('kv').put(text(i), `rec.${i}`);
      tx.objectStore('kv').put(index, 'index');
      await done(tx);
    });
    res.idbRead = await time(async () => {
      const tx = db.transaction('kv', 'readonly');
      const all = await new Promise((ok, no) => {
        const rq = tx.objectStore('kv').getAll();
        rq.onsuccess = () => ok(rq.result);
        rq.onerror = () => no(rq.error);
      });
      if (all.length !== N + 1) throw new Error(`read ${all.length}`);
    });
    db.close();
    await new Promise((ok) => { const rq = indexedDB.deleteDatabase('bench'); rq.onsuccess = ok; rq.onerror = ok; rq.onblocked = ok; });
    // Capacity: what localStorage takes (characters), what IndexedDB may use.
    let chars = 0;
    const chunk = 'x'.repeat(1 << 16);
    try {
      for (let i = 0; ; i += 1) { localStorage.setItem(`bench.fill.${i}`, chunk); chars += chunk.length; }
    } catch { /* full */ }
    for (const k of Object.keys(localStorage)) if (k.startsWith('bench.')) localStorage.removeItem(k);
    res.lsCapacityChars = chars;
    const est = await navigator.storage?.estimate?.().catch(() => null);
    res.idbQuota = est?.quota ?? null;
    return res;
  });
  await context.close();
  return out;
}

const rows = [];
for (const [name, url] of [
  ['file://', pathToFileURL(path.join(dist, 'dmip.html')).href],
  ['http', `${server.url}/dmip.html`],
]) {
  const r = await measure(url);
  const ms = (x) => `${x.toFixed(1)} ms`;
  rows.push(`| ${name} | localStorage | ${ms(r.lsWrite)} | ${ms(r.lsRead)} | ${(r.lsCapacityChars / 1e6).toFixed(2)} M characters |`);
  rows.push(`| ${name} | IndexedDB, a transaction per save | ${ms(r.idbWrite)} | ${ms(r.idbRead)} | quota ${r.idbQuota === null ? 'not reported' : `${(r.idbQuota / 1e9).toFixed(1)} GB`} |`);
  rows.push(`| ${name} | IndexedDB, one transaction | ${ms(r.idbWriteOneTx)} | — | |`);
}
console.log('| origin | storage | write 200 (median of 7) | read 200 | capacity |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
await browser.close();
server.close?.();
process.exit(0);
