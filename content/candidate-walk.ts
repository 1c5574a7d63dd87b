// A subtree's candidate elements, found a bounded number of elements at a time: a TreeWalker can
// stop and resume where one query over 200,000 elements is a single task of 100+ ms.

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

/** Walks the descendants of `root` (not `root` itself), matching each against `selector`. */
export function walkCandidates(root: Element, selector: string, context?: string): CandidateWalk {
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
