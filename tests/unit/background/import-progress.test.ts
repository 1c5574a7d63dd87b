import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { handleMessage } from '../../../background/router';
import { parseImportProgress, type ImportProgressMessage } from '../../../core/messages';
import { closeStore } from '../../../storage/store-open';
import { importPackText } from '../../../storage/pack-import';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);

const pageSender = (): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
  frameId: 0,
});

/** Every message the background broadcast, each checked against the schema pages use. */
function broadcasts(): ImportProgressMessage[] {
  const sent: ImportProgressMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const parsed = parseImportProgress(message);
    if (!parsed) throw new Error(`not an importProgress message: ${JSON.stringify(message)}`);
    sent.push(parsed);
  });
  return sent;
}

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  closeStore();
});

describe('importProgress messages', () => {
  it('follow an import that has an id, phase by phase, up to every row written', async () => {
    const sent = broadcasts();
    const text = JSON.stringify(makePack({ generated: 20_000 }));
    const answer = await handleMessage({ type: 'importPack', text, importId: 'a1' }, pageSender());
    expect(answer).toMatchObject({ ok: true, packId: 'test-pack' });
    expect(sent.every((m) => m.importId === 'a1')).toBe(true);
    expect([...new Set(sent.map((m) => m.phase))]).toEqual([
      'validating',
      'indexing',
      'saving',
      'writing',
    ]);
    const last = sent.at(-1)!;
    expect(last.total).toBeGreaterThan(20_000);
    expect(last.done).toBe(last.total);
  });

  it('are not sent for an import without an id', async () => {
    const sent = broadcasts();
    const text = JSON.stringify(makePack());
    expect(await handleMessage({ type: 'importPack', text }, pageSender())).toMatchObject({
      ok: true,
    });
    expect(sent).toEqual([]);
  });
});

describe('cancelImport', () => {
  it('stops the running import, which answers "cancelled" and leaves the installed version', async () => {
    await importPackText(JSON.stringify(makePack()), { origin: 'imported' });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      // The page cancels as soon as it sees rows being written.
      const progress = parseImportProgress(message);
      if (progress?.phase === 'writing' && progress.done > 0) {
        expect(await handleMessage({ type: 'cancelImport', importId: 'b2' }, pageSender())).toEqual(
          { ok: true, running: true },
        );
      }
    });
    const text = JSON.stringify(makePack({ version: 2, generated: 20_000 }));
    const answer = await handleMessage({ type: 'importPack', text, importId: 'b2' }, pageSender());
    expect(answer).toMatchObject({ ok: false, cancelled: true });
    const view = await handleMessage({ type: 'getOptionsView' }, pageSender());
    expect(view).toMatchObject({
      ok: true,
      view: {
        snapshot: {
          packs: expect.arrayContaining([expect.objectContaining({ id: 'test-pack', version: 1 })]),
        },
      },
    });
  });

  it('says so when no such import runs, and rejects a malformed id', async () => {
    expect(await handleMessage({ type: 'cancelImport', importId: 'nope' }, pageSender())).toEqual({
      ok: true,
      running: false,
    });
    expect(
      await handleMessage({ type: 'cancelImport', importId: 'x'.repeat(65) }, pageSender()),
    ).toMatchObject({ ok: false });
  });
});
