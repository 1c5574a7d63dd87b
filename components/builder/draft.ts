// The builder's draft: the campaign file (a pack without participants, what the forms edit) and
// the spreadsheet text; pure helpers to read and change a value at a JSON path.
import { SHEET_COLUMNS } from '../../core/pack/sheet-columns';
import { formatDelimited } from '../../core/csv';

export type Json = Record<string, unknown>;
export type Path = readonly (string | number)[];

export interface Draft {
  campaignFile: Json;
  sheet: string;
}

/** The header row of the documented spreadsheet, ready to fill in. */
export const SHEET_TEMPLATE = formatDelimited([Object.values(SHEET_COLUMNS)]) + '\r\n';

/** A new pack: one empty campaign, stamped with the time the page opened. */
export function emptyDraft(now: string): Draft {
  return {
    campaignFile: {
      format: 'picket-pack/1',
      id: '',
      version: 1,
      updatedAt: now,
      publisher: { name: '' },
      campaigns: [{ id: '', name: '', participants: [], sources: [] }],
    },
    sheet: SHEET_TEMPLATE,
  };
}

/** The current time as the format writes it, to the second. */
export function nowStamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`; undefined removes the key (an optional field left
 * blank), and within a list removes nothing but sets the item. Missing parents are made.
 */
export function withValue(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(root) || typeof key === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[key as number] = withValue(list[key as number], rest, value);
    return list;
  }
  const object = { ...(typeof root === 'object' && root !== null ? (root as Json) : {}) };
  const next = withValue(object[key!], rest, value);
  if (next === undefined) delete object[key!];
  else object[key!] = next;
  return object;
}

/** A copy of the list at `path` without item `index`. */
export function withoutItem(root: unknown, path: Path, index: number): unknown {
  const list = valueAt(root, path);
  if (!Array.isArray(list)) return root;
  return withValue(
    root,
    path,
    list.filter((_, i) => i !== index),
  );
}

/** A copy of the list at `path` (made when missing) with `item` at its end. */
export function withItem(root: unknown, path: Path, item: unknown): unknown {
  const list = valueAt(root, path);
  return withValue(root, path, [...(Array.isArray(list) ? list : []), item]);
}

/** The pack file's text, exactly as pack:from-csv writes it (and as it is signed). */
export function packText(pack: unknown): string {
  return JSON.stringify(pack, null, 2) + '\n';
}
