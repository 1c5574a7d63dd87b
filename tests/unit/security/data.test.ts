// Checklist A4 and E5 at the store boundary: pack data cannot pollute prototypes on its way
// through parse → validate → store → lookup, and nothing a pack adds (x- extension fields, such
// as a "color" with CSS in it) reaches what a badge receives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateLookupCache, lookup } from '../../../background/lookup';
import { closeStore } from '../../../storage/store-open';
import { exportPack } from '../../../storage/pack-changes';
import { importPackText } from '../../../storage/pack-import';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);

const CSS_PAYLOAD = 'red;background:url(https://x.example/track.png)';

/** makePack() as text, with CSS in extension fields and, optionally, __proto__ keys spliced in. */
function hostilePackText(withProtoKeys = false): string {
  const pack = makePack({ id: 'hostile-pack' }) as unknown as {
    publisher: Record<string, unknown>;
    campaigns: { participants: Record<string, unknown>[] }[];
  };
  pack.publisher['x-style'] = { color: CSS_PAYLOAD };
  pack.campaigns[0]!.participants[0]!['x-color'] = CSS_PAYLOAD;
  pack.campaigns[0]!.participants[0]!['x-meta'] = { marker: 'PROTO_MARKER' };
  // JSON text can carry a literal "__proto__" key, which JSON.parse makes an own property.
  const text = JSON.stringify(pack);
  if (!withProtoKeys) return text;
  return text.replace(
    '"x-meta":{"marker":"PROTO_MARKER"}',
    '"x-meta":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  invalidateLookupCache();
  freshStore();
});
afterEach(() => closeStore());

describe('pack data at the store boundary', () => {
  it('E5: a pack with __proto__ or constructor keys is refused whole, and pollutes nothing', async () => {
    const text = hostilePackText(true);
    expect(text).toContain('"__proto__":{"polluted":"yes"}');
    const before = await fakeBrowser.storage.local.get();
    await expect(importPackText(text, { origin: 'imported' })).rejects.toThrow(
      /x-meta\/__proto__: forbidden key "__proto__"/,
    );
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
    const matches = await lookup('instagram', ['kimkardashian', '__proto__', 'constructor']);
    expect(Object.keys(matches)).toEqual([]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('E5: the same pack without those keys imports, and lookups of prototype names find nothing', async () => {
    await importPackText(hostilePackText(), { origin: 'imported' });
    const matches = await lookup('instagram', ['kimkardashian', '__proto__', 'constructor']);
    expect(Object.keys(matches)).toEqual(['kimkardashian']);
    expect((await exportPack('hostile-pack')).text).toContain('x-color');
    expect(Object.hasOwn(matches, '__proto__')).toBe(false);
  });

  it('A4: extension fields (a CSS-carrying "color") never reach what the badge receives', async () => {
    await importPackText(hostilePackText(), { origin: 'imported' });
    const matches = await lookup('instagram', ['kimkardashian']);
    const answer = JSON.stringify(matches);
    expect(answer).toContain('Kim Kardashian');
    expect(answer).not.toContain('url(');
    expect(answer).not.toContain('x-color');
    expect(answer).not.toContain('x-style');
    // Every URL a badge gets is https (a source link or the corrections page).
    const urls = [...answer.matchAll(/"(?:url|corrections)":"([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });
});
