// What the content script knows about each badge it made: the registry of badge states (the page
// cannot reach them: the shadow roots are closed) and the words a badge shows for an answer.
import { claimText } from '../core/claim';
import type { BadgeEntry, BadgeInfo } from '../core/messages';
import type { Translate } from './strings';

export type BadgeStyle = 'label' | 'compact';
export const BADGE_TAG = 'picket-badge';

export interface BadgeContext {
  t: Translate;
  /** For dates; undefined means the browser's locale. */
  locale?: string;
  /** "Report a mistake" was chosen on the card (by the user: trusted clicks only). */
  report?: (entry: BadgeEntry, info: BadgeInfo) => void;
  /** The content script's lifetime: the document listeners badges need go with it. */
  signal?: AbortSignal;
}

export interface BadgeState {
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
  /** Aborted when the card closes: removes the scroll and outside-press listeners it added. */
  whileOpen: AbortController | null;
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

/** Badge host → its state; only this content-script instance holds these references. */
export const badges = new WeakMap<Element, BadgeState>();

/** The claim in the badge's words, e.g. "Paused ads · Jul 2020" (core/claim.ts). */
export function claimOf(entry: BadgeEntry, context: BadgeContext, style: 'month' | 'day'): string {
  return claimText(entry, (key) => context.t(key), context.locale, style);
}

interface BadgeTexts {
  context: BadgeContext;
  visibleLabel: string;
  name: string;
}

/**
 * The texts of a badge, per answer: every badge of one account is handed the same BadgeInfo
 * object (the answer cache holds one per key), and a feed shows the same accounts again and again.
 */
const textsByInfo = new WeakMap<BadgeInfo, BadgeTexts>();

function buttonName(info: BadgeInfo, t: Translate): string {
  const first = info.entries[0];
  const who = first?.participantName ?? info.handle;
  const campaigns = [...new Set(info.entries.map((entry) => entry.campaignName))].join(', ');
  return t('badge.buttonName', [who, campaigns]);
}

export function textsOf(info: BadgeInfo, context: BadgeContext): BadgeTexts {
  let texts = textsByInfo.get(info);
  if (!texts || texts.context.t !== context.t || texts.context.locale !== context.locale) {
    const first = info.entries[0];
    const visibleLabel = first ? claimOf(first, context, 'month') : context.t('badge.label');
    texts = { context, visibleLabel, name: buttonName(info, context.t) };
    textsByInfo.set(info, texts);
  }
  return texts;
}
