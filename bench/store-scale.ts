// The store at scale, in Node: `npx tsx bench/store-scale.ts [--sizes 1000,100000] [--json FILE]`.
//
// Imports generated packs (bench/lib/packs.ts, the same shape the Chromium bench uses) through the
// store's own `importPackObject`, then times lookups of 200 keys (half listed, half not) the way
// the background answers them, plus the popup's snapshot and a participant search.
//
// What this measures is Node + fake-indexeddb (a pure-JS IndexedDB, much slower than Chromium's),
// with the browser APIs faked: useful to compare sizes and catch regressions, not a statement
// about the browser. The 1,000,000-account figure comes from the Chromium bench
// (bench/scenarios/scale.ts), which calls the same `importPackObject` from an extension page.
import 'fake-indexeddb/auto';
import { register } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fakeBrowser } from '@webext-core/fake-browser';

// The store imports the bundled pack from a Vite virtual module; outside Vite, a loader hook
// serves the repository's pack under that name.
const bundledText = readFileSync(
  new URL('../packs/stophateforprofit-2020.json', import.meta.url),
  'utf8',
);
register(
  'data:text/javascript,' +
    encodeURIComponent(`
      const pack = ${JSON.stringify(bundledText)};
      export async function resolve(specifier, context, next) {
        if (specifier === 'virtual:picket-bundled-pack') {
          return { shortCircuit: true, url: 'data:text/javascript,export default ' + encodeURIComponent(pack) };
        }
        return next(specifier, context);
      }`),
);
// wxt/browser resolves to globalThis.browser when it has a runtime id.
(globalThis as { browser?: unknown }).browser = fakeBrowser;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    json: { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const rounds = Number(values.rounds);

const { configureStore, closeStore } = await import('../storage/store-open');
const { importPackObject } = await import('../storage/pack-import');
const { invalidateLookupCache, lookup } = await import('../background/lookup');
const { loadSnapshot, searchParticipants } = await import('../storage/queries');
const { makePack, lookupKeys } = await import('./lib/packs');

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const time = async <T>(task: () => Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const result = await task();
  return [performance.now() - started, result];
};

interface Row {
  accounts: number;
  importMs: number;
  lookupColdMs: number;
  lookupWarmNewKeysMs: number;
  lookupRepeatMs: number;
  matched: number;
  snapshotMs: number;
  searchPrefixMs: number;
  storageLocalBytes: number;
}
const rows: Row[] = [];

for (const size of sizes) {
  fakeBrowser.reset();
  configureStore({ dbName: `picket-bench-${size}-${Date.now()}` });
  invalidateLookupCache();
  const pack = makePack(size, `bench-${size}`);
  const [importMs] = await time(() => importPackObject(pack, { origin: 'imported' }));
  const storageLocalBytes = JSON.stringify(await fakeBrowser.storage.local.get()).length;

  const [lookupColdMs, cold] = await time(() => lookup('instagram', lookupKeys(size, 200, 0)));
  const warm: number[] = [];
  const repeat: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const keys = lookupKeys(size, 200, round);
    warm.push((await time(() => lookup('instagram', keys)))[0]);
    repeat.push((await time(() => lookup('instagram', keys)))[0]);
  }
  const [snapshotMs] = await time(() => loadSnapshot());
  const [searchPrefixMs] = await time(() =>
    searchParticipants(`bench-${size}/bench`, { text: 'bench bulk 9', limit: 20 }),
  );
  rows.push({
    accounts: size,
    importMs,
    lookupColdMs,
    lookupWarmNewKeysMs: median(warm),
    lookupRepeatMs: median(repeat),
    matched: Object.keys(cold).length,
    snapshotMs,
    searchPrefixMs,
    storageLocalBytes,
  });
  closeStore();
}

console.log(
  'Store at scale — Node + fake-indexeddb (not Chromium); 200-key lookups, medians of',
  rounds,
);
console.table(
  rows.map((r) => ({
    accounts: r.accounts.toLocaleString('en'),
    'import ms': r.importMs.toFixed(0),
    'lookup cold ms': r.lookupColdMs.toFixed(1),
    'lookup new keys ms': r.lookupWarmNewKeysMs.toFixed(1),
    'lookup repeat ms': r.lookupRepeatMs.toFixed(2),
    matched: r.matched,
    'snapshot ms': r.snapshotMs.toFixed(1),
    'search ms': r.searchPrefixMs.toFixed(1),
    'storage.local KB': (r.storageLocalBytes / 1024).toFixed(0),
  })),
);
if (values.json)
  writeFileSync(values.json, JSON.stringify({ environment: 'node+fake-indexeddb', rows }, null, 2));
