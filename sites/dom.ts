/**
 * Small DOM helpers shared by the site adapters. All of them read only attributes and `textContent`:
 * never layout (`getBoundingClientRect`, `innerText`), because `findAccounts` runs on every DOM flush.
 */
import type { AccountRef } from './types';
import type { Surface } from '../core/accounts';

/** Every element in `root` (root included) matching `selector`, with one `querySelectorAll`. */
export function candidatesIn(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (isElement(root) && root.matches(selector)) found.unshift(root);
  return found;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** The element's text, trimmed, with runs of white space (pretty-printed saves) collapsed. */
export function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** `a.href` resolved against the document (what the browser would follow), or the raw attribute. */
export function resolvedHref(anchor: Element): string | null {
  const raw = anchor.getAttribute('href');
  if (raw === null) return null;
  const resolved = (anchor as HTMLAnchorElement).href;
  return typeof resolved === 'string' && resolved !== '' ? resolved : raw;
}

/**
 * The base relative hrefs resolve against (the page URL), read once per scan: `baseURI` looks for a
 * `<base>` element on every read in some DOMs.
 */
export function baseOf(root: ParentNode, fallback: string): string {
  const node = root as Node;
  const base = (node.ownerDocument ?? (root as Document)).baseURI;
  return base && /^https?:/.test(base) ? base : fallback;
}

/**
 * An avatar-only link: hidden from assistive tech, or without any text (only an img/svg). The name
 * link next to it is badged instead, so the same account is never badged twice.
 */
export function isAvatarOnlyLink(anchor: Element): boolean {
  if (anchor.getAttribute('aria-hidden') === 'true') return true;
  return textOf(anchor) === '';
}

/**
 * The deepest element under `container` whose whole text is `text` (e.g. the `span` with the username
 * inside a stories-tray button), or null. Walks the subtree once; the containers are small.
 */
export function deepestWithText(container: Element, text: string): Element | null {
  let best: Element | null = textOf(container) === text ? container : null;
  if (!best) return null;
  for (;;) {
    let next: Element | null = null;
    for (const child of Array.from(best.children)) {
      if (textOf(child) === text) {
        next = child;
        break;
      }
    }
    if (!next) return best;
    best = next;
  }
}

/** The `aria-label`, or the text of the first heading, of a dialog (how its kind is told apart). */
export function dialogTitle(dialog: Element): string {
  const label = dialog.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = dialog.getAttribute('aria-labelledby');
  if (labelledBy) {
    const byId = dialog.ownerDocument?.getElementById(labelledBy.split(/\s+/)[0] ?? '');
    if (byId) return textOf(byId);
  }
  const heading = dialog.querySelector('h1, h2, [role=heading]');
  return heading ? textOf(heading) : '';
}

/**
 * `ref` with its surface found only when first read (then kept): the walks up the page it takes
 * are never paid for a name the runtime rules out first (see `AccountRef.surface`).
 */
export function withLazySurface(ref: Omit<AccountRef, 'surface'>, find: () => Surface): AccountRef {
  let surface: Surface | undefined;
  return Object.defineProperty(ref as AccountRef, 'surface', {
    enumerable: true,
    get: () => (surface ??= find()),
  });
}
