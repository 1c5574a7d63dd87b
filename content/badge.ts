// <picket-badge>: the mark placed after an account's name (contracts §3). The host carries only
// `data-platform` and `data-handle`; everything else lives in a closed shadow root the page
// cannot read (checklist B1). Chrome content scripts have no `customElements`, so the element is
// never defined: attachShadow is allowed on any valid custom-element name, defined or not.
import { claimText } from '../core/claim';
import type { BadgeEntry, BadgeInfo, BadgeSource } from '../core/messages';
import { applyShadowStyle } from './shadow-style';
import type { Translate } from './strings';
import { formatPackDate, safeHttpsUrl } from './strings';

export type BadgeStyle = 'label' | 'compact';
export const BADGE_TAG = 'picket-badge';

export interface BadgeContext {
  t: Translate;
  /** For dates; undefined means the browser's locale. */
  locale?: string;
  /** "Report a mistake" was chosen on the card (by the user: trusted clicks only). */
  report?: (entry: BadgeEntry, info: BadgeInfo) => void;
}

interface BadgeState {
  shadow: ShadowRoot;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
  info: BadgeInfo;
  style: BadgeStyle;
  context: BadgeContext;
  popover: HTMLElement | null;
  popoverStale: boolean;
  open: boolean;
  /** Opened by a click: stays open when the pointer or focus leaves, until clicked or Escape. */
  pinned: boolean;
  closeTimer: ReturnType<typeof setTimeout> | null;
  onScroll: (() => void) | null;
  onOutsidePointer: ((event: Event) => void) | null;
  /** Set while we move focus back to the button ourselves, so that focus doesn't reopen. */
  refocusing: boolean;
  /** Whether the badge's own listeners are in place (added when the first event reaches it). */
  wired: boolean;
  /** What the label and the wrapper show now, so a render only writes what changed. */
  shownLabel: string;
  shownCompact: boolean;
  /**
   * Asked before the card opens: whether the badge still sits where it was put, beside the same
   * account. False means the page moved it (the caller has removed it), so nothing opens.
   */
  stillPlaced: (() => boolean) | null;
}

// Only the content script holds these references: closed roots are unreachable from the page.
const badges = new WeakMap<Element, BadgeState>();
let openBadge: HTMLElement | null = null;
let popoverIds = 0;

const SVG_NS = 'http://www.w3.org/2000/svg';
const HOVER_CLOSE_DELAY_MS = 200;

const CSS = `
:host { all: initial; display: inline-flex; align-items: center; vertical-align: middle;
  margin-inline-start: 0.3em; font-size: inherit; line-height: 1; white-space: nowrap;
  max-height: 1.2em; color-scheme: light dark; }
button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center;
  gap: 0.25em; height: 1.5em; padding: 0 0.4em; border-radius: 0.75em; cursor: pointer;
  font: 600 0.75em/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #fde7e4; color: #8a1c12; border: 0.08em solid currentColor; }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
/* However long the label, the badge stays small: its words end in an ellipsis. */
button { max-width: 16em; }
.label { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
svg { width: 1.1em; height: 1.1em; flex: none; fill: currentColor; }
.compact button { padding: 0 0.2em; }
.compact .label { display: none; }
.pop { position: fixed; inset: auto; margin: 0; box-sizing: border-box; z-index: 2147483647;
  width: max-content; max-width: min(22rem, calc(100vw - 16px)); max-height: 60vh; overflow: auto;
  padding: 0.75rem 0.9rem; border-radius: 0.5rem; border: 1px solid #79747e;
  background: #ffffff; color: #1c1b1f; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
  font: 400 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: normal; overflow-wrap: anywhere; text-align: start; }
.pop[hidden] { display: none; }
.entry + .entry { margin-top: 0.75rem; padding-top: 0.75rem; border-top: 1px solid #cac4d0; }
.claim { font-weight: 700; font-size: 15px; }
.who { margin-top: 0.25rem; }
.account { margin-top: 0.5rem; }
.unverified { margin-top: 0.15rem; font-size: 12px; font-weight: 600; color: #8a1c12; }
h3 { all: unset; display: block; margin-top: 0.5rem; font-weight: 600; font-size: 13px; }
ul { margin: 0.25rem 0 0; padding-inline-start: 1.1rem; }
p { margin: 0.25rem 0 0; }
a { color: #0b57d0; text-decoration: underline; }
a:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.pop button.report { all: unset; display: inline; cursor: pointer; color: #0b57d0;
  text-decoration: underline; font-size: 12px; }
.pop button.report:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.actions-row { margin-top: 0.5rem; }
@media (prefers-color-scheme: dark) {
  button { background: #4a1510; color: #ffb4a8; }
  .unverified { color: #ffb4a8; }
  .pop button.report { color: #a8c7fa; }
  .pop { background: #2b2930; color: #e6e0e9; border-color: #938f99; }
  .entry + .entry { border-top-color: #49454f; }
  a { color: #a8c7fa; }
}
@media (forced-colors: active) {
  button, .pop { border: 1px solid CanvasText; forced-color-adjust: auto; }
}
`;

/**
 * Facebook states its theme as a class on <html> (`__fb-dark-mode` / `__fb-light-mode`), which
 * can differ from the system's. Read once per document and kept as a class on each Facebook
 * badge's wrapper (`:host-context()` would make every badge's style depend on its ancestors on
 * every style pass). Instagram has no such class, so its badges follow the system scheme alone.
 */
const FACEBOOK_THEME_CSS = `
.fb-dark button { background: #4a1510; color: #ffb4a8; }
.fb-dark .pop { background: #2b2930; color: #e6e0e9; border-color: #938f99; }
.fb-dark a, .fb-dark .pop button.report { color: #a8c7fa; }
.fb-dark .unverified { color: #ffb4a8; }
.fb-light button { background: #fde7e4; color: #8a1c12; }
.fb-light .pop { background: #ffffff; color: #1c1b1f; border-color: #79747e; }
.fb-light a, .fb-light .pop button.report { color: #0b57d0; }
.fb-light .unverified { color: #8a1c12; }
`;

type SiteTheme = 'fb-dark' | 'fb-light' | null;

function readSiteTheme(document: Document): SiteTheme {
  const classes = document.documentElement?.classList;
  if (classes?.contains('__fb-dark-mode')) return 'fb-dark';
  if (classes?.contains('__fb-light-mode')) return 'fb-light';
  return null;
}

/** The theme class per document, kept current by one observer of <html>'s class attribute. */
const siteThemes = new WeakMap<Document, SiteTheme>();

function siteTheme(document: Document): SiteTheme {
  let theme = siteThemes.get(document);
  if (theme !== undefined) return theme;
  theme = readSiteTheme(document);
  siteThemes.set(document, theme);
  const html = document.documentElement;
  // The content script's own MutationObserver, as the runtime's observer uses (Firefox's page
  // constructors are reached through Xrays).
  if (html && typeof MutationObserver === 'function') {
    new MutationObserver(() => {
      const next = readSiteTheme(document);
      if (next === siteThemes.get(document)) return;
      siteThemes.set(document, next);
      for (const host of document.querySelectorAll(BADGE_TAG)) {
        const state = badges.get(host);
        if (state?.info.platform === 'facebook') setThemeClass(state, next);
      }
    }).observe(html, { attributes: true, attributeFilter: ['class'] });
  }
  return theme;
}

function setThemeClass(state: BadgeState, theme: SiteTheme): void {
  const wrapper = state.button.parentElement!;
  wrapper.classList.toggle('fb-dark', theme === 'fb-dark');
  wrapper.classList.toggle('fb-light', theme === 'fb-light');
}

/** A picket sign on its stick, drawn with DOM calls (no markup strings anywhere). */
function picketIcon(document: Document): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  // One path, so each badge clones one node less: the board with two cut-out text lines, then
  // the stick (apart from the board, so even-odd filling leaves it solid).
  const sign = document.createElementNS(SVG_NS, 'path');
  sign.setAttribute('fill-rule', 'evenodd');
  sign.setAttribute('d', 'M2 1h12v8H2zM4 3.5v1h8v-1zM4 6v1h6V6zM7 9h2v6H7z');
  svg.append(sign);
  return svg;
}

function textElement<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  // Data may be right-to-left or mixed: let each piece find its own direction.
  element.dir = 'auto';
  element.textContent = text;
  return element;
}

function link(document: Document, href: string, text: string): HTMLAnchorElement {
  const anchor = textElement(document, 'a', text);
  anchor.href = href;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

/** Text pieces joined by a separator, each datum in its own element so nothing is re-parsed. */
function pieces(document: Document, tag: 'div' | 'li' | 'p', texts: string[], separator: string) {
  const element = document.createElement(tag);
  texts.forEach((text, index) => {
    if (index > 0) element.append(separator);
    element.append(textElement(document, 'span', text));
  });
  return element;
}

/** The claim in the badge's words, e.g. "Paused ads · Jul 2020" (core/claim.ts). */
function claimOf(entry: BadgeEntry, context: BadgeContext, style: 'month' | 'day'): string {
  return claimText(entry, (key) => context.t(key), context.locale, style);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** One source: publisher, then its title (the link, when the address is https), then its date. */
function sourceItem(document: Document, source: BadgeSource, locale?: string): HTMLLIElement {
  const item = document.createElement('li');
  const name = source.title ?? source.publisher ?? hostOf(source.url);
  if (source.title && source.publisher) {
    item.append(textElement(document, 'span', source.publisher), ': ');
  }
  const url = safeHttpsUrl(source.url);
  item.append(url ? link(document, url, name) : textElement(document, 'span', name));
  if (source.date)
    item.append(', ', textElement(document, 'span', formatPackDate(source.date, locale)));
  return item;
}

function renderEntry(
  document: Document,
  entry: BadgeEntry,
  info: BadgeInfo,
  context: BadgeContext,
): HTMLElement {
  const { t, locale } = context;
  const section = document.createElement('section');
  section.className = 'entry';
  // The same words as the badge, with the full date.
  section.append(textElement(document, 'div', claimOf(entry, context, 'day'), 'claim'));
  const who = pieces(document, 'div', [entry.participantName, entry.campaignName], ' · ');
  who.className = 'who';
  section.append(who);
  if (entry.actions.length > 0) {
    section.append(textElement(document, 'h3', t('badge.actionsHeading')));
    const list = document.createElement('ul');
    for (const action of entry.actions) {
      const texts = [action.summary];
      if (action.eventTitle) texts.push(action.eventTitle);
      if (action.date) texts.push(formatPackDate(action.date, locale));
      list.append(pieces(document, 'li', texts, ' — '));
    }
    section.append(list);
  }
  const handle = info.handle.startsWith('id:') ? info.handle : `@${info.handle}`;
  const { holder, confidence } = entry.account;
  section.append(
    textElement(
      document,
      'p',
      holder ? t('claim.accountHolder', [handle, holder]) : t('claim.account', [handle]),
      'account',
    ),
  );
  if (confidence !== 'verified') {
    section.append(textElement(document, 'p', t('claim.accountLikely'), 'unverified'));
  }
  if (entry.sources.length > 0) {
    section.append(textElement(document, 'h3', t('claim.sources')));
    const list = document.createElement('ul');
    list.className = 'sources';
    for (const source of entry.sources) list.append(sourceItem(document, source, locale));
    section.append(list);
  }
  if (context.report) {
    const row = document.createElement('p');
    row.className = 'actions-row';
    const button = textElement(document, 'button', t('claim.report'), 'report');
    button.type = 'button';
    const report = context.report;
    button.addEventListener('click', (event) => {
      if (event.isTrusted) report(entry, info);
    });
    row.append(button);
    section.append(row);
  }
  return section;
}

function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

function buttonName(info: BadgeInfo, t: Translate): string {
  const first = info.entries[0];
  const who = first?.participantName ?? info.handle;
  const campaigns = [...new Set(info.entries.map((entry) => entry.campaignName))].join(', ');
  return t('badge.buttonName', [who, campaigns]);
}

interface BadgeTexts {
  context: BadgeContext;
  visibleLabel: string;
  name: string;
}

/**
 * The texts of a badge, per answer: the lookup client hands every badge of one account the same
 * BadgeInfo object, and a feed shows the same accounts again and again.
 */
const textsByInfo = new WeakMap<BadgeInfo, BadgeTexts>();

function textsOf(info: BadgeInfo, context: BadgeContext): BadgeTexts {
  let texts = textsByInfo.get(info);
  if (!texts || texts.context.t !== context.t || texts.context.locale !== context.locale) {
    const first = info.entries[0];
    const visibleLabel = first ? claimOf(first, context, 'month') : context.t('badge.label');
    texts = { context, visibleLabel, name: buttonName(info, context.t) };
    textsByInfo.set(info, texts);
  }
  return texts;
}

function render(state: BadgeState): void {
  const { visibleLabel, name } = textsOf(state.info, state.context);
  // A new badge was cloned with its label's words already in (see shadowTemplate).
  if (state.shownLabel !== visibleLabel) {
    state.label.textContent = visibleLabel;
    state.shownLabel = visibleLabel;
  }
  // Label in name (WCAG 2.5.3): the words on the badge start its accessible name, so a voice
  // control user can say what they see. The compact badge shows only the icon; its name starts
  // with the same words.
  const compact = state.style === 'compact';
  state.button.setAttribute('aria-label', `${visibleLabel} — ${name}`);
  if (compact !== state.shownCompact) {
    state.button.parentElement?.classList.toggle('compact', compact);
    state.shownCompact = compact;
  }
  state.popoverStale = true;
  if (state.open && state.popover) fillPopover(state);
}

function fillPopover(state: BadgeState): void {
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
    popover.className = 'pop';
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
function openPopover(host: HTMLElement, state: BadgeState): boolean {
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
  // The popover is fixed where it opened: once the page scrolls it would float away from the badge.
  const view = host.ownerDocument.defaultView;
  state.onScroll = () => closeBadge(host);
  view?.addEventListener('scroll', state.onScroll, { capture: true, passive: true, once: true });
  return true;
}

/** Closes the badge's popover, if open. */
export function closeBadge(host: Element): void {
  const state = badges.get(host);
  if (!state) return;
  cancelClose(state);
  if (state.onScroll) {
    host.ownerDocument.defaultView?.removeEventListener('scroll', state.onScroll, {
      capture: true,
    });
    state.onScroll = null;
  }
  if (state.onOutsidePointer) {
    host.ownerDocument.removeEventListener('pointerdown', state.onOutsidePointer, {
      capture: true,
    });
    state.onOutsidePointer = null;
  }
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

/** A click pins the popover open; a press anywhere else on the page then closes it. */
function pin(host: HTMLElement, state: BadgeState): void {
  if (state.pinned) return;
  state.pinned = true;
  const document = host.ownerDocument;
  state.onOutsidePointer = (event: Event) => {
    if (!event.composedPath().includes(host)) closeBadge(host);
  };
  document.addEventListener('pointerdown', state.onOutsidePointer, { capture: true });
}

function focusButton(state: BadgeState): void {
  state.refocusing = true;
  try {
    state.button.focus({ preventScroll: true });
  } finally {
    state.refocusing = false;
  }
}

function closeSoon(host: HTMLElement, state: BadgeState): void {
  cancelClose(state);
  state.closeTimer = setTimeout(() => closeBadge(host), HOVER_CLOSE_DELAY_MS);
}

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

function wireEvents(host: HTMLElement, state: BadgeState): void {
  state.wired = true;
  const { shadow, button } = state;
  button.addEventListener('click', (event) => {
    // A page script can dispatch clicks on the host; only the user's own count (checklist B2).
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
  });
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
const watchedDocuments = new WeakSet<Document>();

function watchDocument(document: Document): void {
  if (watchedDocuments.has(document)) return;
  watchedDocuments.add(document);
  for (const type of ARRIVAL_EVENTS) {
    // Passive: this listener never prevents anything, and a blocking touch listener on the
    // document would make every scroll of the page wait for the main thread.
    document.addEventListener(type, wireOnArrival, { capture: true, passive: true });
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

/** Per document, one template per label (a pack has a handful of hashtags). */
const templates = new WeakMap<Document, Map<string, HTMLSpanElement>>();
const TEMPLATES_KEPT = 32;

/**
 * The static part of a badge's shadow content (wrapper › button › icon + label), built once per
 * label: a clone then carries the label's words, so a new badge writes no text node of its own.
 */
function shadowTemplate(document: Document, labelText: string): HTMLSpanElement {
  let byLabel = templates.get(document);
  if (!byLabel) templates.set(document, (byLabel = new Map()));
  let wrapper = byLabel.get(labelText);
  if (!wrapper) {
    wrapper = document.createElement('span');
    wrapper.className = 'wrap';
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    const label = document.createElement('span');
    label.className = 'label';
    label.dir = 'auto';
    label.textContent = labelText;
    button.append(picketIcon(document), label);
    wrapper.append(button);
    if (byLabel.size >= TEMPLATES_KEPT) byLabel.clear();
    byLabel.set(labelText, wrapper);
  }
  return wrapper;
}

/** Makes a badge for `info`. Insert it with `nameElement.after(badge)`. */
export function createBadge(
  document: Document,
  info: BadgeInfo,
  style: BadgeStyle,
  context: BadgeContext,
): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  host.setAttribute('data-platform', info.platform);
  host.setAttribute('data-handle', info.handle);
  const shadow = host.attachShadow({ mode: 'closed' });
  applyShadowStyle(shadow, info.platform === 'facebook' ? CSS + FACEBOOK_THEME_CSS : CSS);
  // One deep clone instead of a dozen create/set calls per badge (feeds make hundreds).
  const labelText = textsOf(info, context).visibleLabel;
  const wrapper = shadowTemplate(document, labelText).cloneNode(true) as HTMLSpanElement;
  const button = wrapper.firstElementChild as HTMLButtonElement;
  const label = button.lastElementChild as HTMLSpanElement;
  shadow.append(wrapper);
  const state: BadgeState = {
    shadow,
    button,
    label,
    info,
    style,
    context,
    popover: null,
    popoverStale: true,
    open: false,
    pinned: false,
    closeTimer: null,
    onScroll: null,
    onOutsidePointer: null,
    refocusing: false,
    wired: false,
    shownLabel: labelText,
    shownCompact: false,
    stillPlaced: null,
  };
  badges.set(host, state);
  if (info.platform === 'facebook') setThemeClass(state, siteTheme(document));
  render(state);
  watchDocument(document);
  return host;
}

/** New data or style for an existing badge; re-renders in place (the host never changes). */
export function updateBadge(host: Element, info: BadgeInfo, style: BadgeStyle): void {
  const state = badges.get(host);
  if (!state) return;
  state.info = info;
  state.style = style;
  host.setAttribute('data-handle', info.handle);
  render(state);
}

/**
 * Sets the check made before the badge's card opens (see BadgeState.stillPlaced): the caller
 * knows where it put the badge and which account that is.
 */
export function guardOpening(host: Element, stillPlaced: () => boolean): void {
  const state = badges.get(host);
  if (state) state.stillPlaced = stillPlaced;
}

/** Whether this element is a badge made by this content-script instance. */
export function isOwnBadge(element: Element): boolean {
  return badges.has(element);
}

export function badgeInfo(host: Element): BadgeInfo | undefined {
  return badges.get(host)?.info;
}

/** Removes a badge, closing its popover first so no scroll listener or timer is left behind. */
export function removeBadge(host: Element): void {
  closeBadge(host);
  host.remove();
}

/**
 * The closed shadow root of one of our badges. Only code inside the content script can call this
 * (tests, the e2e probes through the runtime); the page has no reference to the module.
 */
export function badgeShadowRoot(host: Element): ShadowRoot | undefined {
  return badges.get(host)?.shadow;
}
