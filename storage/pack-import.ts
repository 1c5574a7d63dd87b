// Installing a pack from text or from an object: validate, check who owns its id and its
// version, then commit it to storage.local and the cache.
import type { Pack } from '../core/pack/types';
import { validatePack, validatePackText } from '../core/pack/validate';
import { cancelled, commit } from './pack-commit';
import { checkOwnership, sameSource, type InstallOptions } from './pack-ownership';
import { packToRows } from './rows';
import { queued } from './store-open';
import { readRegistry, StoreError } from './userdata';
import type { PackRegistry, StoredPackRecord } from './userdata-types';

/**
 * Validates and installs a pack given as text (an imported file or a downloaded subscription).
 * Rules: a pack id belongs to where it first came from (see `install`); a stored pack is only
 * replaced by the same or a greater version from that same source.
 */
export function importPackText(
  text: string,
  options: InstallOptions,
): Promise<{ packId: string; version: number }> {
  options.onPhase?.('validating');
  const result = validatePackText(text);
  if (!result.ok) {
    const first = result.issues
      .slice(0, 3)
      .map((i) => `${i.path || '/'}: ${i.message}`)
      .join('; ');
    return Promise.reject(
      Object.assign(new StoreError(`This is not a valid campaign pack: ${first}`, 'invalid'), {
        issues: result.issues,
      }),
    );
  }
  return queued(() => install(result.pack, text, options));
}

/**
 * Validates and installs a pack given as an object — the way in for packs too big to travel as
 * text (a 1,000,000-account pack is ≥ 40 MB of JSON, over the 10 MB text limit). Usable from the
 * background and from any extension page (the bench's store page calls it):
 *
 *     import { importPackObject } from '../storage/store';
 *     await importPackObject(pack, { origin: 'imported', onProgress: (done, total) => …, signal });
 *
 * Same rules and atomicity as an imported file. The pack is kept in storage.local as gzipped
 * JSON (about 0.5 MB per 100,000 generated accounts), so it counts against the ~10 MB quota
 * like any import; the database write is one transaction for the whole pack.
 */
export function importPackObject(
  value: unknown,
  options: InstallOptions,
): Promise<{ packId: string; version: number }> {
  options.onPhase?.('validating');
  const result = validatePack(value);
  if (!result.ok) {
    return Promise.reject(
      Object.assign(new StoreError('This is not a valid campaign pack.', 'invalid'), {
        issues: result.issues,
      }),
    );
  }
  return queued(() => install(result.pack, JSON.stringify(value), options));
}

async function install(
  pack: Pack,
  text: string,
  options: InstallOptions,
): Promise<{ packId: string; version: number }> {
  // An import cancelled while it waited its turn never starts.
  if (options.signal?.aborted) throw cancelled();
  const registry = await readRegistry();
  const existing = registry.packs.find((p) => p.id === pack.id);
  checkOwnership(pack, existing, options);
  // Versions only compare within one source: a replacement from another one starts afresh.
  if (existing && sameSource(existing, options) && pack.version < existing.version) {
    throw new StoreError(
      `Version ${existing.version} of "${pack.id}" is already installed; this file is version ` +
        `${pack.version}. Remove the installed one first to go back.`,
      'refused',
    );
  }
  const installedAt = new Date().toISOString();
  options.onPhase?.('indexing');
  // Computed once: the summary below and the database write both come from these rows.
  const rows = packToRows(pack, options.origin, installedAt);
  const summary = rows.pack;
  const record: StoredPackRecord = {
    id: pack.id,
    origin: options.origin,
    version: pack.version,
    updatedAt: pack.updatedAt,
    installedAt,
    publisherName: summary.publisherName,
    corrections: summary.corrections,
    campaignCount: summary.campaignCount,
    participantCount: summary.participantCount,
    accountCount: summary.accountCount,
    subscription: options.subscription,
  };
  const next: PackRegistry = {
    revision: registry.revision + 1,
    packs: [...registry.packs.filter((p) => p.id !== pack.id), record],
    disabled: registry.disabled.filter((id) => id !== pack.id),
  };
  await commit(
    pack.id,
    next,
    { set: { [pack.id]: text } },
    {
      ...options,
      previous: registry,
      installed: { pack, origin: options.origin, installedAt, text, rows },
    },
  );
  return { packId: pack.id, version: pack.version };
}
