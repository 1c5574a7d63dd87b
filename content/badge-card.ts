// A badge's card: the popover that opens under the badge, where it sits, and when it opens and
// closes (hover, focus, a pinning click, Escape, a press elsewhere, the page scrolling).
import { badges, type BadgeState } from './badge-state';
import { renderEntry } from './badge-entry';

const HOVER_CLOSE_DELAY_MS = 200;

let openBadge: HTMLElement | null = null;
let popoverIds = 0;

function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

export function fillPopover(state: BadgeState): void {
  const popover = state.popover!;
  const document = popover.ownerDocument;
  popover.replaceChildren(
    ...state.info.entries.map((entry) => renderEntry(document, entry, state.info, state.context)),
  );
  const first = state.info.entries[0];
  popover.setAttribute(
    'aria-label',
    state.context.t('badge.dialogName', [first?.participantName ?? state.info.handle]),
  );
  state.popoverStale = false;
}

function ensurePopover(state: BadgeState): HTMLElement {
  if (!state.popover) {
    const popover = state.shadow.ownerDocument.createElement('div');
    popover.className = 'pop panel';
    popover.id = `picket-pop-${(popoverIds += 1)}`;
    popover.setAttribute('role', 'dialog');
    if (supportsPopover(popover)) popover.setAttribute('popover', 'manual');
    else popover.hidden = true;
    state.shadow.querySelector('.wrap')!.append(popover);
    state.button.setAttribute('aria-controls', popover.id);
    state.popover = popover;
  }
  if (state.popoverStale) fillPopover(state);
  return state.popover;
}

/** Places the popover under the badge (or above when there is no room), inside the viewport. */
function position(host: HTMLElement, popover: HTMLElement): void {
  const view = host.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 0;
  const height = view?.innerHeight ?? 0;
  const anchor = host.getBoundingClientRect();
  const box = popover.getBoundingClientRect();
  const gap = 4;
  const margin = 8;
  let top = anchor.bottom + gap;
  if (top + box.height > height - margin && anchor.top - gap - box.height >= margin) {
    top = anchor.top - gap - box.height;
  }
  const left = Math.max(margin, Math.min(anchor.left, width - margin - box.width));
  popover.style.top = `${Math.round(top)}px`;
  popover.style.left = `${Math.round(left)}px`;
}

function cancelClose(state: BadgeState): void {
  if (state.closeTimer !== null) clearTimeout(state.closeTimer);
  state.closeTimer = null;
}

/** Opens the badge's card; false when it could not (the badge was found out of place). */
export function openPopover(host: HTMLElement, state: BadgeState): boolean {
  cancelClose(state);
  if (state.open) return true;
  // A genuine badge the page moved next to someone else must not vouch for them there.
  if (state.stillPlaced && !state.stillPlaced()) return false;
  if (openBadge && openBadge !== host) closeBadge(openBadge);
  const popover = ensurePopover(state);
  if (supportsPopover(popover)) popover.showPopover();
  else popover.hidden = false;
  position(host, popover);
  state.open = true;
  openBadge = host;
  state.button.setAttribute('aria-expanded', 'true');
  state.whileOpen = new AbortController();
  // The popover is fixed where it opened: once the page scrolls it would float away from the badge.
  host.ownerDocument.defaultView?.addEventListener('scroll', () => closeBadge(host), {
    capture: true,
    passive: true,
    once: true,
    signal: state.whileOpen.signal,
  });
  return true;
}

/** Closes the badge's popover, if open. */
export function closeBadge(host: Element): void {
  const state = badges.get(host);
  if (!state) return;
  cancelClose(state);
  state.whileOpen?.abort();
  state.whileOpen = null;
  state.pinned = false;
  if (!state.open) return;
  state.open = false;
  if (openBadge === host) openBadge = null;
  const popover = state.popover;
  if (popover) {
    if (supportsPopover(popover)) {
      if (popover.matches(':popover-open')) popover.hidePopover();
    } else popover.hidden = true;
  }
  state.button.setAttribute('aria-expanded', 'false');
}

/** A click pins the open popover; a press anywhere else on the page then closes it. */
export function pin(host: HTMLElement, state: BadgeState): void {
  if (state.pinned || !state.whileOpen) return;
  state.pinned = true;
  const onOutsidePointer = (event: Event) => {
    if (!event.composedPath().includes(host)) closeBadge(host);
  };
  host.ownerDocument.addEventListener('pointerdown', onOutsidePointer, {
    capture: true,
    signal: state.whileOpen.signal,
  });
}

export function closeSoon(host: HTMLElement, state: BadgeState): void {
  cancelClose(state);
  state.closeTimer = setTimeout(() => closeBadge(host), HOVER_CLOSE_DELAY_MS);
}
