// The installed packs' account keys as a compact membership filter (a Bloom filter): built by the
// background from the lookup indexes, delivered with the content config, and asked by the content
// script before a key may leave the page. "No" is certain, so most of a page's names (nobody any
// pack lists) are answered without a message; "maybe" is asked of the background as before.
//
// It holds no key and no answer, only bits set by two hashes of each key, and its size is fixed
// (at most MAX_FILTER_BYTES): a pack of a million accounts gives more "maybe"s, never a wrong "no".
import { FACEBOOK_NUMERIC_ID, facebookVanityKey, instagramKey } from './accounts';
import type { Platform } from './pack/types';
import { keyHashA, keyHashB } from './key-hash';

/** The filter's memory budget in the content script. */
export const MAX_FILTER_BYTES = 256 * 1024;
const MIN_FILTER_BYTES = 64;
/** Bits per key aimed at (about 1 "maybe" in 100 for a key no pack lists) while the budget allows. */
const BITS_PER_KEY = 10;
const MAX_HASHES = 8;

/** The filter as it travels in the content config: its bits in base64 and how many bits a key sets. */
export interface KeyFilterData {
  bits: string;
  hashes: number;
}

/** Whether a key may be listed: false means surely not. */
export type KeyFilter = (platform: Platform, key: string) => boolean;

/**
 * The key as the packs index it, or null when the text cannot be an account of that platform
 * (page text only becomes a lookup key after passing the handle rules).
 */
export function normalizeKey(platform: Platform, key: string): string | null {
  if (platform === 'instagram') return instagramKey(key);
  if (key.startsWith('id:')) return FACEBOOK_NUMERIC_ID.test(key.slice(3)) ? key : null;
  return facebookVanityKey(key);
}

/** Bit `i` of a key with hashes `a`, `b` (double hashing), in a filter of `mask + 1` bits. */
function bitOf(a: number, b: number, i: number, mask: number): number {
  return ((a + Math.imul(i, b | 1)) >>> 0) & mask;
}

/** The filter's size in bytes for `count` keys: a power of two, within the budget. */
function bytesFor(count: number): number {
  let bytes = MIN_FILTER_BYTES;
  while (bytes < MAX_FILTER_BYTES && bytes * 8 < count * BITS_PER_KEY) bytes *= 2;
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Builds the filter from the two hashes of every listed `platform:key` (the lookup indexes'
 * `hi` and `lo` columns, position by position).
 */
export function buildKeyFilter(columns: readonly { hi: Uint32Array; lo: Uint32Array }[]) {
  const count = columns.reduce((sum, column) => sum + column.hi.length, 0);
  const bytes = new Uint8Array(bytesFor(count));
  const mask = bytes.length * 8 - 1;
  const hashes = Math.max(
    1,
    Math.min(MAX_HASHES, Math.round(((bytes.length * 8) / Math.max(count, 1)) * Math.LN2)),
  );
  for (const { hi, lo } of columns) {
    for (let p = 0; p < hi.length; p++) {
      for (let i = 0; i < hashes; i++) {
        const bit = bitOf(hi[p]!, lo[p]!, i, mask);
        bytes[bit >>> 3]! |= 1 << (bit & 7);
      }
    }
  }
  return { bits: toBase64(bytes), hashes } satisfies KeyFilterData;
}

/**
 * The filter the content script asks, or null when `data` is not one (then every key is a
 * "maybe" and asked of the background, as without a filter).
 */
export function readKeyFilter(data: KeyFilterData | undefined): KeyFilter | null {
  if (!data || !Number.isInteger(data.hashes) || data.hashes < 1 || data.hashes > MAX_HASHES) {
    return null;
  }
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(data.bits), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const size = bytes.length;
  if (size < MIN_FILTER_BYTES || size > MAX_FILTER_BYTES || (size & (size - 1)) !== 0) return null;
  const mask = size * 8 - 1;
  return (platform, key) => {
    const normalized = normalizeKey(platform, key);
    // Text that is no account is never listed (the background would refuse it too).
    if (normalized === null) return false;
    const text = `${platform}:${normalized}`;
    const a = keyHashA(text);
    const b = keyHashB(text);
    for (let i = 0; i < data.hashes; i++) {
      const bit = bitOf(a, b, i, mask);
      if ((bytes[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  };
}
