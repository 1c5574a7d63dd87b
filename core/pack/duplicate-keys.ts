// Finds keys written twice in one object of a JSON text, which JSON.parse silently merges (the last
// one wins). One pass over the text with a stack of open objects and lists, no recursion, so a
// 10 MB pack or 10,000 levels of nesting cost one linear scan.

export interface DuplicateKey {
  /** Path of the object holding the repeated key, as JSON Pointer segments. */
  path: (string | number)[];
  key: string;
}

/** Keys seen in one open object: a short list, turned into a set once the object grows. */
const SMALL_OBJECT = 16;

interface Frame {
  /** Where this container sits in its parent (unused for the outermost value). */
  segment: string | number;
  /** Keys of an object so far; null for a list. */
  keys: string[] | Set<string> | null;
  /** In an object: whether the next string is a key. */
  expectKey: boolean;
  /** In an object: the key whose value comes next; in a list: the index of the current item. */
  current: string | number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index of the quote closing the string that opens at `start`. */
function stringEnd(json: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = json.indexOf('"', from);
    if (quote < 0) return json.length;
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** Whether `key` was already in the object, recording it otherwise. */
function seenBefore(frame: Frame, key: string): boolean {
  const keys = frame.keys!;
  if (Array.isArray(keys)) {
    if (keys.includes(key)) return true;
    keys.push(key);
    if (keys.length > SMALL_OBJECT) frame.keys = new Set(keys);
    return false;
  }
  const set = keys as Set<string>;
  if (set.has(key)) return true;
  set.add(key);
  return false;
}

/**
 * Repeated keys of a text JSON.parse has accepted (so its syntax is known to be valid): the first
 * `limit` with their paths, and how many there are in all. Keys are compared as JSON.parse reads
 * them, so `"a"` and `"\u0061"` are the same key.
 */
export function findDuplicateKeys(
  json: string,
  limit = 100,
): { found: DuplicateKey[]; total: number } {
  const found: DuplicateKey[] = [];
  let total = 0;
  const stack: Frame[] = [];
  const open = (keys: Frame['keys']) => {
    const parent = stack[stack.length - 1];
    stack.push({
      segment: parent ? parent.current : '',
      keys,
      expectKey: keys !== null,
      current: keys === null ? 0 : '',
    });
  };
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(json, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end + 1)) as string) : raw;
        top.expectKey = false;
        top.current = key;
        if (seenBefore(top, key)) {
          total++;
          if (found.length < limit)
            found.push({ path: stack.slice(1).map((frame) => frame.segment), key });
        }
      }
      i = end;
    } else if (code === 0x7b /* { */) open([]);
    else if (code === 0x5b /* [ */) open(null);
    else if (code === 0x7d /* } */ || code === 0x5d /* ] */) stack.pop();
    else if (code === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.current = (top.current as number) + 1;
    }
  }
  return { found, total };
}
