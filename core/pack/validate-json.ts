// First pass of the pack validator: a cheap iterative walk that refuses what is not plain JSON
// (keys that reach an object prototype, nesting deeper than the limit, cycles, functions, sparse
// lists of billions of holes) before anything recursive touches the value.
import {
  Issues,
  PACK_LIMITS,
  describe,
  isJsonLeaf,
  isPlainObject,
  type Obj,
  type Segment,
} from './validate-issues';

/** Sanity bound on any one list, above what the account limit and 10 MB allow anyway. */
const MAX_LIST_ITEMS = 2 * PACK_LIMITS.maxAccounts;
/**
 * Objects and lists looked at before a value is refused as too large. 10 MB of text holds at most
 * about 3.5 million; only a hand-made object reusing one value many times can get past it.
 */
const MAX_CONTAINERS = 10_000_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Breadth-first over every object and list, without recursion. Containers are kept in flat arrays
 * with a link to their parent, so a path is only built when a problem is reported. (A class, not
 * closures: a million containers must not mean a million function objects.)
 */
class JsonWalk {
  readonly values: object[] = [];
  readonly parents: number[] = [];
  readonly keys: Segment[] = [];
  readonly depths: number[] = [];
  /** Whether the container sits inside an `x-` extension value. */
  readonly inExtension: boolean[] = [];

  /** Whether some key is set to undefined (only hand-made objects do that). */
  sawUndefined = false;

  constructor(readonly issues: Issues) {}

  pathOf(index: number, key: Segment): Segment[] {
    const path: Segment[] = [key];
    for (let i = index; i > 0; i = this.parents[i]!) path.push(this.keys[i]!);
    return path.reverse();
  }

  add(value: object, parent: number, key: Segment, depth: number, extension: boolean): void {
    this.values.push(value);
    this.parents.push(parent);
    this.keys.push(key);
    this.depths.push(depth);
    this.inExtension.push(extension);
  }

  /** A child of container `index`: reported, skipped as a leaf, or queued. */
  visit(index: number, child: unknown, key: Segment, extension: boolean): void {
    if (isJsonLeaf(child)) return;
    const depth = this.depths[index]! + 1;
    if (typeof child !== 'object' || child === null) {
      // Only reachable from hand-made objects: such values cannot be stored or sent on.
      this.issues.at(this.pathOf(index, key), `not a JSON value (${typeof child})`);
    } else if (!Array.isArray(child) && !isPlainObject(child)) {
      this.issues.at(this.pathOf(index, key), 'not a JSON value (an object of another kind)');
    } else if (depth > PACK_LIMITS.maxDepth) {
      this.issues.at(
        this.pathOf(index, key),
        `nested more than ${PACK_LIMITS.maxDepth} levels deep`,
      );
    } else if (Array.isArray(child) && child.length > MAX_LIST_ITEMS) {
      // A sparse list of a billion holes must not keep anything busy.
      this.issues.at(
        this.pathOf(index, key),
        extension
          ? 'extension value is too large'
          : `more than ${MAX_LIST_ITEMS.toLocaleString('en')} items`,
      );
    } else if (!hasOnlyLeaves(child)) {
      this.add(child, index, key, depth, extension);
    }
  }

  run(root: Obj): void {
    this.add(root, -1, '', 0, false);
    const { values, issues } = this;
    for (let index = 0; index < values.length && !issues.full; index++) {
      if (values.length > MAX_CONTAINERS) {
        issues.add('', 'too large to check (too many objects and lists)');
        return;
      }
      const value = values[index]!;
      const extension = this.inExtension[index]!;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) this.visit(index, value[i], i, extension);
        continue;
      }
      const obj = value as Obj;
      for (const key in obj) {
        if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
        const child = obj[key];
        // A key set to undefined is absent, as JSON.stringify and the schema see it.
        if (FORBIDDEN_KEYS.has(key)) issues.at(this.pathOf(index, key), `forbidden key "${key}"`);
        else if (child !== undefined)
          this.visit(index, child, key, extension || key.startsWith('x-'));
        else this.sawUndefined = true;
      }
    }
  }
}

/**
 * Whether a container holds nothing but text, numbers, booleans and null under allowed keys: then
 * it needs no place in the walk. A pack's million accounts are such objects.
 */
function hasOnlyLeaves(container: object): boolean {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) if (!isJsonLeaf(container[i])) return false;
    return true;
  }
  const obj = container as Obj;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const child = obj[key];
    if (FORBIDDEN_KEYS.has(key) || !isJsonLeaf(child)) return false;
  }
  return true;
}

/** Returns whether some key is set to undefined. */
export function checkJsonValue(root: unknown, issues: Issues): boolean {
  if (!isPlainObject(root)) {
    issues.add('', `a pack must be a JSON object, not ${describe(root)}`);
    return false;
  }
  const walk = new JsonWalk(issues);
  walk.run(root);
  return walk.sawUndefined;
}

/** Accounts over all campaigns, read defensively: the structure is not checked yet. */
export function countAccounts(pack: Obj): number {
  let count = 0;
  const campaigns = pack.campaigns;
  if (!Array.isArray(campaigns)) return 0;
  for (const campaign of campaigns) {
    const participants: unknown = isPlainObject(campaign) ? campaign.participants : undefined;
    if (!Array.isArray(participants)) continue;
    for (const participant of participants) {
      const accounts: unknown = isPlainObject(participant) ? participant.accounts : undefined;
      if (Array.isArray(accounts)) count += accounts.length;
    }
  }
  return count;
}
