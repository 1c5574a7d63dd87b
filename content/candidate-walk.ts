// A subtree's candidate elements, found a bounded number of elements at a time: a TreeWalker can
// stop and resume where one query over 200,000 elements is a single task of 100+ ms. A subtree of
// ordinary size (a post, a comment thread) is queried whole instead: the browser's own selector
// matching is many times cheaper than stepping a walker and matching each element from script.

export interface CandidateWalk {
  /** The candidates among the next `maxElements` elements of the subtree, in document order. */
  next(maxElements: number): Element[];
  /** Whether the whole subtree has been walked. */
  readonly done: boolean;
  /**
   * Whether an element matching the `context` selector has been met since last asked (then the
   * adapter must look at the page's shape again before scanning these candidates).
   */
  takeContextSeen(): boolean;
}

const SHOW_ELEMENT = 1;
/**
 * Subtrees of at most this many elements are queried whole: ~1 ms in Chromium, while counting
 * them (the live collection's length, no matching) costs microseconds.
 */
const QUERY_LIMIT = 10_000;

/** Finds the candidates among the descendants of `root` (not `root` itself), in document order. */
export function walkCandidates(root: Element, selector: string, context?: string): CandidateWalk {
  // A root of at most 64 children and no grandchildren (a row, a name) is queried without
  // counting: the count's live collection stays cached on the root, and a page adding 100,000
  // rows would leave 100,000 of them for the garbage collector, inside Picket's frames.
  const tiny = root.childElementCount <= 64 && root.querySelector(':scope > * > *') === null;
  return tiny || root.getElementsByTagName('*').length <= QUERY_LIMIT
    ? queryCandidates(root, selector, context)
    : stepCandidates(root, selector, context);
}

/** All of a subtree's candidates at the first `next`, from one native query. */
function queryCandidates(root: Element, selector: string, context?: string): CandidateWalk {
  // An indexed copy: spreading a NodeList goes through its iterator, several times slower.
  const matches = root.querySelectorAll(selector);
  let pending: Element[] | null = new Array<Element>(matches.length);
  for (let index = 0; index < matches.length; index++) pending[index] = matches[index]!;
  let contextSeen = context !== undefined && root.querySelector(context) !== null;
  return {
    next() {
      const found = pending ?? [];
      pending = null;
      return found;
    },
    get done() {
      return pending === null;
    },
    takeContextSeen() {
      const seen = contextSeen;
      contextSeen = false;
      return seen;
    },
  };
}

/** Walks the descendants of `root` a bounded number at a time, matching each against `selector`. */
function stepCandidates(root: Element, selector: string, context?: string): CandidateWalk {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);
  let done = false;
  let contextSeen = false;
  return {
    next(maxElements) {
      const found: Element[] = [];
      for (let count = 0; count < maxElements && !done; count++) {
        const node = walker.nextNode() as Element | null;
        if (!node) done = true;
        else {
          if (node.matches(selector)) found.push(node);
          if (context && !contextSeen && node.matches(context)) contextSeen = true;
        }
      }
      return found;
    },
    get done() {
      return done;
    },
    takeContextSeen() {
      const seen = contextSeen;
      contextSeen = false;
      return seen;
    },
  };
}
