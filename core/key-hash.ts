// The two 32-bit hashes of an account's `platform:key`: the packs' lookup index files keys by them,
// and the page's membership filter sets its bits from them, so both must hash alike.

/** FNV-1a, 32-bit: the lookup index's first hash of `platform:key` (storage/lookup-index.ts). */
export function keyHashA(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The lookup index's second hash of `platform:key`, independent of the first. */
export function keyHashB(text: string): number {
  let h = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
