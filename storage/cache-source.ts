// What the cache should contain: the pack in effect for each id (bundled or stored), and the
// signature of the inputs a cache was built from.
import type { Pack, PackResult } from '../core/pack/types';
import { validatePack, validatePackText } from '../core/pack/validate';
import type { PackOrigin } from '../core/store-views';
import { bundledPack } from './bundled';
import { packToRows } from './rows';
import { DATA_VERSION, type PackRows } from './schema';
import { readPackText } from './userdata';
import type { PackRegistry } from './userdata-types';

export interface EffectivePack {
  pack: Pack;
  origin: PackOrigin;
  installedAt: string;
  text?: string;
  /** The pack's rows, when the caller already computed them (a million accounts take seconds). */
  rows?: PackRows;
}

/**
 * Re-validates a stored pack text. Not validatePackText: its 10 MB limit is a limit on what a
 * user may hand us as text, and a pack imported as an object (importPackObject, up to 1,000,000
 * accounts) is stored as text of 40 MB or more, which must still read back.
 */
export function validateStoredText(text: string): PackResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return validatePackText(text); // not JSON: its verdict says so, with the parser's message
  }
  return validatePack(parsed);
}

export function rowsOf(effective: EffectivePack): PackRows {
  return effective.rows ?? packToRows(effective.pack, effective.origin, effective.installedAt);
}

/** Identifies the inputs a cache was built from; a mismatch means rebuild. */
export function sourceSignature(registry: PackRegistry): string {
  const { pack } = bundledPack();
  // The corrections address too: a build may set it (PICKET_CORRECTIONS) without a new version.
  const bundled = pack ? `${pack.id}@${pack.version}|${pack.publisher.corrections ?? ''}` : 'none';
  return `${DATA_VERSION}|${registry.revision}|${bundled}`;
}

/**
 * The pack that should be active for `packId`, if any. A stored pack with the bundled pack's id
 * only wins while it is newer: an extension update that bundles a newer version takes over.
 */
export async function effectivePack(
  packId: string,
  registry: PackRegistry,
  { includeDisabled = false } = {},
): Promise<EffectivePack | null> {
  if (!includeDisabled && registry.disabled.includes(packId)) return null;
  const bundled = bundledPack().pack;
  const record = registry.packs.find((p) => p.id === packId);
  if (record && !(bundled?.id === packId && bundled.version >= record.version)) {
    const text = await readPackText(packId);
    if (text !== null) {
      const result = validateStoredText(text);
      if (result.ok) {
        return { pack: result.pack, origin: record.origin, installedAt: record.installedAt, text };
      }
      console.warn(`[picket] stored pack ${packId} no longer validates; skipped`);
    }
  }
  if (bundled?.id === packId) {
    return { pack: bundled, origin: 'bundled', installedAt: new Date(0).toISOString() };
  }
  return null;
}

export function isEnabled(packId: string, registry: PackRegistry): boolean {
  return allPackIds(registry).includes(packId) && !registry.disabled.includes(packId);
}

export function unreadable(packId: string): Error {
  return new Error(
    `the stored copy of "${packId}" could not be read back, so it could not be indexed`,
  );
}

export function allPackIds(registry: PackRegistry): string[] {
  const ids = new Set(registry.packs.map((p) => p.id));
  const bundled = bundledPack().pack;
  if (bundled) ids.add(bundled.id);
  return [...ids];
}
