// <picket-badge>: the mark placed after an account's name. The host carries only `data-platform`
// and `data-handle`; everything else lives in a closed shadow root the page cannot read. Chrome
// content scripts have no `customElements`, so the element is never defined: attachShadow is
// allowed on any valid custom-element name, defined or not.
import type { BadgeInfo } from '../core/messages';
import badgeCss from './badge.css?inline';
import facebookCss from './badge-facebook.css?inline';
import panelCss from './panel.css?inline';
import { closeBadge, fillPopover } from './badge-card';
import { watchDocument } from './badge-events';
import {
  BADGE_TAG,
  badges,
  textsOf,
  type BadgeContext,
  type BadgeState,
  type BadgeStyle,
} from './badge-state';
import { applyShadowStyle } from './shadow-style';
import { refreshSiteTheme, siteTheme, type SiteTheme } from './site-theme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const BADGE_CSS = panelCss + badgeCss;
const FACEBOOK_CSS = BADGE_CSS + facebookCss;

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

function setThemeClass(state: BadgeState, theme: SiteTheme): void {
  const wrapper = state.button.parentElement!;
  wrapper.classList.toggle('fb-dark', theme === 'fb-dark');
  wrapper.classList.toggle('fb-light', theme === 'fb-light');
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
  applyShadowStyle(shadow, info.platform === 'facebook' ? FACEBOOK_CSS : BADGE_CSS);
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
    whileOpen: null,
    refocusing: false,
    wired: false,
    shownLabel: labelText,
    shownCompact: false,
    stillPlaced: null,
  };
  badges.set(host, state);
  if (info.platform === 'facebook') setThemeClass(state, siteTheme(document));
  render(state);
  watchDocument(document, context.signal);
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

/** <html>'s class changed: if the site's theme did, every Facebook badge takes the new one. */
export function followSiteTheme(document: Document): void {
  if (!refreshSiteTheme(document)) return;
  const theme = siteTheme(document);
  for (const host of document.querySelectorAll(BADGE_TAG)) {
    const state = badges.get(host);
    if (state?.info.platform === 'facebook') setThemeClass(state, theme);
  }
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
