// What a site adapter offers the content script: account references found in its markup, by surface.
import type { AccountKey, Surface } from '../core/accounts';
import type { Platform } from '../core/pack/types';

/** One place on the page that refers to an account. */
export interface AccountRef {
  platform: Platform;
  key: AccountKey;
  /**
   * Where on the page the reference is. An adapter may work it out only when first read (a getter):
   * the runtime reads it only for accounts some pack may list, so most names never pay for it.
   */
  surface: Surface;
  /** The element that shows the account's name; the badge goes right after it, as a sibling. */
  nameElement: Element;
  /** The element that carried the reference (usually the link); watched for recycling. */
  origin: Element;
  /**
   * Other keys the same account may be listed under (optional, added for Facebook): a vanity link with
   * a classic `data-hovercard` id gives `id:<n>` here, a `/<Slug>-<id>` Page gives the slug. A lookup
   * should match `key` or any of these.
   */
  altKeys?: AccountKey[];
}

/** Everything site-specific lives behind this interface; nothing else branches on the hostname. */
export interface SiteAdapter {
  platform: Platform;
  matchesHost(hostname: string): boolean;
  /** A name for the kind of page, from its URL alone (e.g. 'home', 'profile', 'post', 'reels'). */
  pageType(url: URL): string;
  /** Whether this kind of page normally shows account references (for self-diagnosis). */
  expectsAccounts(pageType: string): boolean;
  /**
   * Optional; true when absent. Whether the site may reuse this kind of page's elements from the
   * page before, changing only their text (a profile header moving to another profile): then the
   * runtime scans the whole page again once it has settled. An endless feed gets its posts as new
   * elements, which the observer sees anyway; a whole-feed scan there is pure cost, ~a third of
   * the content script's time in the first seconds of a fast scroll (BENCHMARKS.md).
   */
  reusesElements?(pageType: string): boolean;
  /**
   * A CSS selector matching every element that can start a reference: the observer only hands
   * `findAccounts` subtrees containing one, so the hot path stays cheap.
   */
  candidates: string;
  /** Every account reference in or under `root` (root included), without duplicates. */
  findAccounts(root: ParentNode): AccountRef[];
  /**
   * Optional (added for budgeted scans): starts one scan of `root` that is fed its candidates
   * (`root`'s matches of `candidates`, in document order) a slice at a time, so a page with
   * thousands of references can be spread over several frames. Each call returns the references
   * starting at the given elements; the concatenation over all slices is exactly
   * `findAccounts(root)` (one scan shares its caches and its duplicate check across slices).
   */
  beginScan?(root: ParentNode): AccountScan;
  /**
   * Optional: a selector for the elements that tell surfaces apart (lists, panels, posts), when
   * the adapter keeps what it found of them between scans. The runtime calls `contextChanged`
   * when an element matching it is added or changed, and on navigation.
   */
  context?: string;
  contextChanged?(): void;
}

/** One scan in progress (see `SiteAdapter.beginScan`): the references of the next slice of candidates. */
export type AccountScan = (candidates: readonly Element[]) => AccountRef[];
