// Who a pack id belongs to: the source that first installed it. Refuses another source with
// both publishers named, unless the user chose to replace.
import type { ImportPhase } from '../core/import-progress';
import type { Pack } from '../core/pack/types';
import type { PackOrigin } from '../core/store-views';
import { bundledPack } from './bundled';
import type { WriteOptions } from './cache-write';
import { StoreError } from './userdata';
import type { PackSource, StoredPackRecord, SubscriptionRecord } from './userdata-types';

export interface InstallOptions extends WriteOptions {
  origin: Exclude<PackOrigin, 'bundled'>;
  subscription?: SubscriptionRecord;
  /**
   * The user was shown both publishers and chose to replace the installed pack that has this id
   * but comes from elsewhere. Only the options page's confirm step sets it.
   */
  replace?: boolean;
  /** Called as the import enters each step; `onProgress` then counts the rows written. */
  onPhase?: (phase: ImportPhase) => void;
}

/**
 * Validates and installs a pack given as text (an imported file or a downloaded subscription).

/** Where an installed pack came from. */
function installedSource(record: StoredPackRecord): PackSource {
  return {
    publisherName: record.publisherName,
    origin: record.origin,
    ...(record.subscription && { url: record.subscription.url }),
  };
}

/**
 * Files are one source (importing a newer file updates the pack); a subscription is its address
 * together with the key pinned for it, so neither another address nor another key is the same.
 */
export function sameSource(record: StoredPackRecord, options: InstallOptions): boolean {
  if (record.origin !== options.origin) return false;
  if (record.origin === 'imported') return true;
  return (
    record.subscription !== undefined &&
    options.subscription !== undefined &&
    record.subscription.url === options.subscription.url &&
    record.subscription.publicKey === options.subscription.publicKey
  );
}

function describeSource(source: PackSource): string {
  const from =
    source.origin === 'bundled'
      ? 'built into Picket'
      : source.origin === 'subscribed'
        ? `subscribed from ${source.url ?? 'an address'}`
        : 'imported from a file';
  return `"${source.publisherName}" (${from})`;
}

/**
 * A pack id belongs to the source that first installed it: the built-in pack's id to Picket
 * itself, always; any other id to its file import or its subscription. Another source is refused
 * with both publishers named, unless the user chose to replace after seeing them.
 */
export function checkOwnership(
  pack: Pack,
  existing: StoredPackRecord | undefined,
  options: InstallOptions,
): void {
  const incoming: PackSource = {
    publisherName: pack.publisher.name,
    origin: options.origin,
    ...(options.subscription && { url: options.subscription.url }),
  };
  const bundled = bundledPack().pack;
  if (bundled && pack.id === bundled.id) {
    throw new StoreError(
      `"${pack.id}" is the id of the pack built into Picket (${bundled.publisher.name}); ` +
        `a pack from a file or a subscription cannot take it. This one, from ` +
        `${describeSource(incoming)}, was not installed.`,
      'refused',
      {
        packId: pack.id,
        installed: { publisherName: bundled.publisher.name, origin: 'bundled' },
        incoming,
      },
    );
  }
  if (!existing || sameSource(existing, options) || options.replace) return;
  const installed = installedSource(existing);
  throw new StoreError(
    `The pack id "${pack.id}" already belongs to ${describeSource(installed)}; this pack comes ` +
      `from ${describeSource(incoming)}. It was not installed. To replace the installed pack, ` +
      `confirm it in the options page.`,
    'conflict',
    { packId: pack.id, installed, incoming },
  );
}
