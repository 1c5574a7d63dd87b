// User-authored pack data in storage.local: the source of truth the database is rebuilt from
// (checklist G4). Imported and subscribed packs are kept as their exact validated JSON text, so
// an export gives back what was imported and a rebuild re-validates nothing it did not check.
import { storage } from 'wxt/utils/storage';
import type { PackConflictInfo } from '../core/messages';
import type { PackOrigin } from '../core/store-views';

export interface SubscriptionRecord {
  url: string;
  /** The publisher's ECDSA P-256 public key (base64 SPKI), pinned at subscribe time. */
  publicKey: string;
  etag?: string;
  lastModified?: string;
  lastCheckedAt?: string;
  /**
   * The last check that reached the publisher and found its current or a newer version (a 304,
   * the same version, or an update). Serving an older version is not a success.
   */
  lastSuccessAt?: string;
  lastError?: { at: string; message: string };
}

export interface StoredPackRecord {
  id: string;
  origin: Exclude<PackOrigin, 'bundled'>;
  version: number;
  updatedAt: string;
  installedAt: string;
  publisherName: string;
  corrections?: string;
  campaignCount: number;
  participantCount: number;
  accountCount: number;
  subscription?: SubscriptionRecord;
}

export interface PackRegistry {
  /** Bumped on every pack change; the database records which revision it was built from. */
  revision: number;
  packs: StoredPackRecord[];
  /** Ids of packs (the bundled one included) the user switched off. */
  disabled: string[];
}

export const EMPTY_REGISTRY: PackRegistry = { revision: 0, packs: [], disabled: [] };

const REGISTRY_KEY = 'local:packRegistry';
export const registryItem = storage.defineItem<PackRegistry>(REGISTRY_KEY, {
  fallback: EMPTY_REGISTRY,
  version: 1,
});

/**
 * Bumped after any pack change (once the database has it too). Content scripts watch it through
 * storage.onChanged to drop their cached answers.
 */
export const packsRevisionItem = storage.defineItem<number>('local:packsRevision', {
  fallback: 0,
  version: 1,
});

type StoredText = { encoding: 'utf8'; data: string } | { encoding: 'gzip-base64'; data: string };

export function packTextKey(packId: string): `local:${string}` {
  return `local:packText:${packId}`;
}

/** Where an installed or offered pack comes from, as the options page shows it. */
export type PackSource = PackConflictInfo['installed'];
/** Two sources offering the same pack id: what the user is shown before choosing to replace. */
export type PackConflict = PackConflictInfo;

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code:
      'quota' | 'storage' | 'database' | 'invalid' | 'refused' | 'not-found' | 'conflict',
    /** Set with code 'conflict', and when the built-in pack's id was refused. */
    readonly conflict?: PackConflict,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const QUOTA_MESSAGE =
  'Not enough space to store this pack: the browser gives extensions about 10 MB. ' +
  'Remove a pack you no longer use, or ask the publisher for a smaller one.';

function isQuotaError(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.name} ${error.message}`
      : typeof error === 'string'
        ? error
        : '';
  return /quota/i.test(text);
}

export async function readRegistry(): Promise<PackRegistry> {
  const stored = await registryItem.getValue();
  return {
    revision: typeof stored.revision === 'number' ? stored.revision : 0,
    packs: Array.isArray(stored.packs) ? stored.packs : [],
    disabled: Array.isArray(stored.disabled) ? stored.disabled : [],
  };
}

export async function readPackText(packId: string): Promise<string | null> {
  const stored = await storage.getItem<StoredText>(packTextKey(packId));
  if (!stored) return null;
  return decodeText(stored);
}

/**
 * Writes the registry and any pack texts in ONE storage.local.set, so a quota failure leaves
 * everything as it was (the browser checks the quota before applying a set). Texts listed in
 * `removeTexts` go afterwards: a failure there only leaves an orphan the registry ignores.
 */
export async function writeUserData(change: {
  registry: PackRegistry;
  setTexts?: Record<string, string>;
  removeTexts?: string[];
}): Promise<void> {
  const items: { key: `local:${string}`; value: unknown }[] = [
    { key: REGISTRY_KEY, value: change.registry },
  ];
  for (const [packId, text] of Object.entries(change.setTexts ?? {})) {
    items.push({ key: packTextKey(packId), value: await encodeText(text) });
  }
  try {
    await storage.setItems(items);
  } catch (error) {
    if (isQuotaError(error)) throw new StoreError(QUOTA_MESSAGE, 'quota');
    throw new StoreError(`Could not save to browser storage: ${String(error)}`, 'storage');
  }
  if (change.removeTexts?.length) {
    await storage.removeItems(change.removeTexts.map(packTextKey)).catch(() => undefined);
  }
}

/** What `restoreUserData` needs to put things back exactly as they were (absent keys included). */
export async function snapshotUserData(packIds: string[]): Promise<{
  registry: PackRegistry | null;
  texts: Map<string, StoredText | null>;
}> {
  const registry = await storage.getItem<PackRegistry>(REGISTRY_KEY);
  const texts = new Map<string, StoredText | null>();
  for (const id of packIds) texts.set(id, await storage.getItem<StoredText>(packTextKey(id)));
  return { registry, texts };
}

export async function restoreUserData(snapshot: {
  registry: PackRegistry | null;
  texts: Map<string, StoredText | null>;
}): Promise<void> {
  const items: { key: `local:${string}`; value: unknown }[] = [];
  const removed: `local:${string}`[] = [];
  if (snapshot.registry) items.push({ key: REGISTRY_KEY, value: snapshot.registry });
  else removed.push(REGISTRY_KEY);
  for (const [id, stored] of snapshot.texts) {
    if (stored) items.push({ key: packTextKey(id), value: stored });
    else removed.push(packTextKey(id));
  }
  if (items.length) await storage.setItems(items);
  if (removed.length) await storage.removeItems(removed);
}

export async function bumpPacksRevision(): Promise<number> {
  const previous = await packsRevisionItem.getValue();
  // Monotonic even after "clear all data" reset the counter: watchers only see changes.
  const next = Math.max(previous + 1, Date.now());
  await packsRevisionItem.setValue(next);
  return next;
}

// Packs are JSON text: gzip usually shrinks them 5–10×, which matters with a 10 MB quota and no
// `unlimitedStorage` permission. Where CompressionStream is missing the text is kept as is.
async function encodeText(text: string): Promise<StoredText> {
  if (typeof CompressionStream !== 'function') return { encoding: 'utf8', data: text };
  const bytes = new TextEncoder().encode(text);
  const compressed = await pipeBytes(bytes, new CompressionStream('gzip'));
  return { encoding: 'gzip-base64', data: bytesToBase64(compressed) };
}

async function decodeText(stored: StoredText): Promise<string | null> {
  if (stored.encoding === 'utf8') return stored.data;
  if (stored.encoding === 'gzip-base64' && typeof DecompressionStream === 'function') {
    const bytes = await pipeBytes(base64ToBytes(stored.data), new DecompressionStream('gzip'));
    return new TextDecoder().decode(bytes);
  }
  return null;
}

async function pipeBytes(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  void writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  const reader = transform.readable.getReader();
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
