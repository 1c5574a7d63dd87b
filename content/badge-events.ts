// How a badge answers the user and keeps the page out: its listeners are added when the first
// event reaches it, and none of its events bubble to the site's delegated handlers.
import { closeBadge, closeSoon, openPopover, pin } from './badge-card';
import { BADGE_TAG, badges, type BadgeState } from './badge-state';

// Sites listen for clicks high up the tree (delegation); none of ours may reach them.
const CONTAINED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
] as const;

function focusButton(state: BadgeState): void {
  state.refocusing = true;
  try {
    state.button.focus({ preventScroll: true });
  } finally {
    state.refocusing = false;
  }
}

function onButtonClick(host: HTMLElement, state: BadgeState, event: Event): void {
  // A page script can dispatch clicks on the host; only the user's own count.
  if (!event.isTrusted) return;
  if (state.open && state.pinned) {
    closeBadge(host);
    return;
  }
  if (!openPopover(host, state)) return;
  pin(host, state);
  // The prevented mousedown keeps focus out of the shadow root; put it on the button so that
  // Escape (handled in the shadow root) reaches us and keyboard users land where they expect.
  focusButton(state);
}

function wireEvents(host: HTMLElement, state: BadgeState): void {
  state.wired = true;
  const { shadow, button } = state;
  button.addEventListener('click', (event) => onButtonClick(host, state, event));
  button.addEventListener('focus', (event) => {
    if (event.isTrusted && !state.refocusing) openPopover(host, state);
  });
  host.addEventListener('mouseenter', (event) => {
    if (event.isTrusted) openPopover(host, state);
  });
  host.addEventListener('mouseleave', (event) => {
    if (event.isTrusted && state.open && !state.pinned) closeSoon(host, state);
  });
  shadow.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!state.pinned && (!next || !shadow.contains(next))) closeSoon(host, state);
  });
  shadow.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Escape' && event.isTrusted && state.open) {
      closeBadge(host);
      focusButton(state);
      event.preventDefault();
    }
  });
  for (const type of CONTAINED_EVENTS) {
    shadow.addEventListener(type, containEvent, { passive: type.startsWith('touch') });
  }
}

/**
 * Events that can be the first to reach a badge. A feed holds hundreds of badges and the reader
 * touches few, so a badge gets its own ~18 listeners only when one of these arrives, from one
 * capture listener per document per type. Listeners added to the badge while the event is on its
 * way down are still called for that same event (DOM: each node's listeners are read when the
 * event reaches it), so the first click, key or hover is handled and contained exactly as later
 * ones. Pointing, focusing (focus is composed, so it crosses the closed root retargeted to the
 * host) and touching all come through here before any click or key can.
 */
const ARRIVAL_EVENTS = [...CONTAINED_EVENTS, 'mouseenter', 'mouseover', 'focus', 'focusin'];
/** Document → the lifetime its arrival listeners were added for. */
const watchedDocuments = new WeakMap<Document, AbortSignal | undefined>();

/** Adds the arrival listeners to `document` once per lifetime (`signal` removes them). */
export function watchDocument(document: Document, signal?: AbortSignal): void {
  if (watchedDocuments.has(document) && !watchedDocuments.get(document)?.aborted) return;
  watchedDocuments.set(document, signal);
  for (const type of ARRIVAL_EVENTS) {
    // Passive: this listener never prevents anything, and a blocking touch listener on the
    // document would make every scroll of the page wait for the main thread.
    document.addEventListener(type, wireOnArrival, { capture: true, passive: true, signal });
  }
}

/**
 * Seen from the document, an event from inside a closed shadow root targets the host; a DOM that
 * does not retarget (happy-dom) gives the inner node, whose root's host is the badge.
 */
function wireOnArrival(event: Event): void {
  let target = event.target as Node | null;
  if (!target || (target as Element).localName !== BADGE_TAG) {
    const root = target?.getRootNode?.() as ShadowRoot | undefined;
    target = root?.nodeType === 11 ? root.host : null;
    if (!target) return;
  }
  const state = badges.get(target as Element);
  if (state && !state.wired) wireEvents(target as HTMLElement, state);
}

/** One listener for every badge's contained events (the shadow root is the current target). */
function containEvent(event: Event): void {
  event.stopPropagation();
  // Our own links (source, corrections) must still open; nothing else has a default
  // action worth keeping, and a prevented mousedown keeps the site from starting a drag.
  if (event.type !== 'click' && event.type !== 'mousedown') return;
  const shadow = event.currentTarget as ShadowRoot;
  const onLink = event
    .composedPath()
    .some(
      (node) =>
        (node as Node).nodeType === 1 &&
        (node as Element).localName === 'a' &&
        shadow.contains(node as Node),
    );
  if (!onLink) event.preventDefault();
}
