import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImportPhase } from '../../../core/import-progress';
import { closeStore, getStore } from '../../../storage/store-open';
import { importPackObject, importPackText } from '../../../storage/pack-import';
import { readPackText, readRegistry } from '../../../storage/userdata';
import { bundledState, cachedParticipants, freshStore, makeBundledPack, makePack } from './support';

vi.mock('../../../storage/bundled', async () => (await import('./fixtures')).bundledModule);

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  freshStore();
});
afterEach(() => closeStore());

async function database() {
  const store = await getStore();
  if (!store.db) throw new Error('expected a database');
  return store.db;
}

/** Everything that says which version of test-pack is installed, in storage.local and the cache. */
async function installedState() {
  const db = await database();
  return {
    registry: await readRegistry(),
    text: await readPackText('test-pack'),
    pack: await db.packs.get('test-pack'),
    participants: (await cachedParticipants(db)).length,
    accounts: (await db.lookup.get('test-pack'))?.hi.length,
  };
}

describe('import progress', () => {
  it('goes through every phase in order, and rows written rise monotonically to the total', async () => {
    const phases: ImportPhase[] = [];
    const steps: [number, number][] = [];
    const pack = makePack({ generated: 20_000 });
    await importPackText(JSON.stringify(pack), {
      origin: 'imported',
      onPhase: (phase) => phases.push(phase),
      onProgress: (done, total) => steps.push([done, total]),
    });
    expect(phases).toEqual(['validating', 'indexing', 'saving', 'writing']);
    const total = (await database()).packs.get('test-pack').then((p) => p?.participantCount);
    expect(steps.length).toBeGreaterThan(3);
    for (const [i, [done, stepTotal]] of steps.entries()) {
      expect(stepTotal).toBe(await total);
      expect(done).toBeGreaterThan(i === 0 ? 0 : steps[i - 1]![0]);
      expect(done).toBeLessThanOrEqual(stepTotal);
    }
    expect(steps.at(-1)![0]).toBe(await total);
  });
});

describe('cancelling an import', () => {
  it('midway through the rows leaves the previous version everywhere', async () => {
    await importPackObject(makePack({ generated: 10 }), { origin: 'imported' });
    const before = await installedState();
    expect(before.pack).toMatchObject({ version: 1 });

    const controller = new AbortController();
    let chunks = 0;
    const error = await importPackObject(makePack({ version: 2, generated: 20_000 }), {
      origin: 'imported',
      signal: controller.signal,
      onProgress: () => {
        if (++chunks === 2) controller.abort();
      },
    }).catch((e: unknown) => e);

    expect(chunks).toBe(2);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(String(error)).toMatch(/cancelled\. Nothing was changed/);
    expect(await installedState()).toEqual(before);
  });

  it('before it starts (still waiting its turn) changes nothing and writes no row', async () => {
    await importPackObject(makePack({ generated: 10 }), { origin: 'imported' });
    const before = await installedState();
    const phases: ImportPhase[] = [];
    const error = await importPackObject(makePack({ version: 2 }), {
      origin: 'imported',
      signal: AbortSignal.abort(),
      onPhase: (phase) => phases.push(phase),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(phases).toEqual(['validating']);
    expect(await installedState()).toEqual(before);
  });

  it('of a first import leaves no trace of the pack', async () => {
    const before = await fakeBrowser.storage.local.get(null);
    const controller = new AbortController();
    const error = await importPackObject(makePack({ generated: 20_000 }), {
      origin: 'imported',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await (await database()).packs.get('test-pack')).toBeUndefined();
  });
});
