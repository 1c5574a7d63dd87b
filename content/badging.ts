// Which reference carries which badge: a record per origin element, names handed to the
// sightings until the person can see them, answers put on the page as badges after the names,
// and badges whose reference moved on taken away.
import type { AccountKey, Surface } from '../core/accounts';
import type { ContentConfig } from '../core/messages';
import type { AccountRef, SiteAdapter } from '../sites/types';
import { BADGE_TAG, type BadgeContext } from './badge-state';
import {
  badgeInfo,
  createBadge,
  guardOpening,
  isOwnBadge,
  removeBadge,
  updateBadge,
} from './badge';
import { badgeStyleFor, surfaceShown } from './config';
import type { Hit, Lookups } from './lookups';
import type { Timers } from './schedulers';
import { createSightings, type Sightings, type SightingsOptions } from './visibility';

export interface BadgingStats {
  badgesInserted: number;
  /** Existing badges given new data or style (a refresh); re-seeing a node must not count here. */
  badgesUpdated: number;
}

export interface BadgingOptions {
  document: Document;
  adapter: SiteAdapter;
  lookups: Lookups;
  badgeContext: BadgeContext;
  config: () => ContentConfig | null;
  stats: BadgingStats;
  timers: Timers;
  now: () => number;
  createSightings?: (options: SightingsOptions) => Sightings;
  /** False once the runtime is stopped or orphaned: nothing is done then. */
  alive: () => boolean;
  /** What the page shows changed: time for a page report. */
  changed: () => void;
}

interface OriginRecord {
  key: AccountKey;
  /** The key the pack lists the account under (the ref's key or one of its altKeys). */
  matched: AccountKey | null;
  /** Bumped on every refresh: a record from an older generation must be re-checked. */
  generation: number;
  badge: Element | null;
  /** Whether its name has been seen (content/visibility.ts); until then it is neither asked nor badged. */
  seen: boolean;
}

export interface Badging {
  /** A reference found on the page; `fresh`: in what the page just added, not a bulk scan. */
  consider(ref: AccountRef, fresh?: boolean): void;
  /** `origin` was looked at again and names nobody now: its badge goes. */
  forgetUnless(origin: Element, refs: readonly AccountRef[]): void;
  /** A waiting reference's answer is in. */
  answered(ref: AccountRef, hit: Hit | null): void;
  /** Everything known is from before the packs or settings changed. */
  nextGeneration(): void;
  /** After a refresh's rescan: badges whose reference was not found again are removed. */
  sweepStale(): void;
  /** The config's badge style changed: existing badges take it. */
  restyle(): void;
  /** The keys badged on the page, first appearance first, at most `limit`. */
  badgedKeys(limit: number): AccountKey[];
  /** Removes every badge and forgets every name being watched. */
  clear(): void;
}

/** A new Badging; see the interface. */
export function createBadging(options: BadgingOptions): Badging {
  return new BadgeRecords(options);
}

class BadgeRecords implements Badging {
  #generation = 0;
  // Origin element → the account it referred to when last looked at. A recycled node whose link
  // now names someone else no longer matches its record, and is looked at again.
  readonly #origins = new WeakMap<Element, OriginRecord>();
  // Badge → the origin it belongs to, its surface, and the element it was put after.
  readonly #badgeOrigins = new WeakMap<Element, Element>();
  readonly #badgeSurfaces = new WeakMap<Element, Surface>();
  readonly #badgeAnchors = new WeakMap<Element, Element>();
  // Name element → the reference waiting for it to be seen (the latest, if its link changed).
  readonly #unseen = new WeakMap<Element, AccountRef>();
  readonly #sightings: Sightings;

  readonly #options: BadgingOptions;

  constructor(options: BadgingOptions) {
    this.#options = options;
    this.#sightings = (options.createSightings ?? createSightings)({
      timers: options.timers,
      now: options.now,
      onSeen: (elements) => this.#onSeen(elements),
    });
  }

  #current(ref: AccountRef): OriginRecord | undefined {
    const record = this.#origins.get(ref.origin);
    return record && record.key === ref.key && record.generation === this.#generation
      ? record
      : undefined;
  }

  get #config(): ContentConfig | null {
    return this.#options.config();
  }

  /** The badge goes after the name; if the adapter named something inside a site link, after the link. */
  #placementOf(ref: AccountRef): Element {
    return ref.nameElement.parentElement?.closest('a') ?? ref.nameElement;
  }

  #place(badge: Element, ref: AccountRef): void {
    const anchor = this.#placementOf(ref);
    if (!anchor.isConnected) return;
    if (anchor.nextElementSibling !== badge) anchor.after(badge);
    this.#badgeAnchors.set(badge, anchor);
  }

  #watch(ref: AccountRef, fresh: boolean): void {
    this.#unseen.set(ref.nameElement, ref);
    this.#sightings.watch(ref.nameElement, fresh);
  }

  /** Badges a seen reference from known answers, or has it wait for the next lookup. */
  #lookUp(ref: AccountRef): void {
    const hit = this.#options.lookups.answer(ref);
    if (hit === undefined) this.#options.lookups.wait(ref);
    else this.answered(ref, hit);
  }

  /** Names the person can now see: their accounts are answered from the cache or asked for. */
  #onSeen(elements: Element[]): void {
    if (!this.#options.alive()) return;
    for (const element of elements) {
      const ref = this.#unseen.get(element);
      if (!ref) continue;
      this.#unseen.delete(element);
      const record = this.#current(ref);
      // The origin moved on (recycled, refreshed, gone) since it was handed over.
      if (!record || !ref.origin.isConnected) continue;
      record.seen = true;
      this.#lookUp(ref);
    }
    this.#options.lookups.flush();
    this.#options.changed();
  }

  consider(ref: AccountRef, fresh = true): void {
    const record = this.#origins.get(ref.origin);
    // Known to be in no pack (the filter or an earlier answer): nothing will show, so where the
    // name sits (its surface, which may cost the adapter walks up the page) is never asked.
    const known = this.#options.lookups.answer(ref);
    if (record && this.#current(ref) === record) {
      // Known already: only put its badge back if the site re-rendered around it.
      if (record.badge) this.#place(record.badge, ref);
      else if (known === null || !surfaceShown(ref.surface, this.#config)) return;
      // The answer may have come while the node was detached (virtualised lists): badge it now.
      // Still unanswered, the ref already waiting will do it.
      else if (record.seen) {
        if (known !== undefined) this.answered(ref, known);
      } else this.#watch(ref, fresh);
      return;
    }
    let kept: Element | null = null;
    if (record && record.key === ref.key) kept = record.badge;
    else if (record?.badge) removeBadge(record.badge);
    const next: OriginRecord = {
      key: ref.key,
      matched: kept ? record!.matched : null,
      generation: this.#generation,
      badge: kept,
      // A badge kept through a refresh was beside a name the person could see.
      seen: kept !== null,
    };
    this.#origins.set(ref.origin, next);
    if (known === null || !surfaceShown(ref.surface, this.#config)) {
      if (kept) removeBadge(kept);
      next.badge = null;
      return;
    }
    if (next.seen) this.#lookUp(ref);
    else this.#watch(ref, fresh);
  }

  answered(ref: AccountRef, hit: Hit | null): void {
    const record = this.#current(ref);
    // The origin moved on (recycled, refreshed) since the question was asked.
    if (!record) return;
    if (!hit) {
      if (record.badge) removeBadge(record.badge);
      record.badge = null;
      return;
    }
    record.matched = hit.key;
    if (record.badge) {
      updateBadge(record.badge, hit.info, badgeStyleFor(ref.surface, this.#config));
      this.#options.stats.badgesUpdated += 1;
      this.#place(record.badge, ref);
      return;
    }
    record.badge = this.#insertBadge(ref, hit);
  }

  /** A new badge after the name, unless another reference to the same account put one there. */
  #insertBadge(ref: AccountRef, { info }: Hit): Element | null {
    const anchor = this.#placementOf(ref);
    if (!anchor.isConnected) return null;
    const next = anchor.nextElementSibling;
    if (
      next &&
      isOwnBadge(next) &&
      next.getAttribute('data-handle') === info.handle &&
      next.getAttribute('data-platform') === info.platform
    ) {
      return next;
    }
    const style = badgeStyleFor(ref.surface, this.#config);
    const badge = createBadge(this.#options.document, info, style, this.#options.badgeContext);
    this.#badgeOrigins.set(badge, ref.origin);
    this.#badgeSurfaces.set(badge, ref.surface);
    anchor.after(badge);
    this.#badgeAnchors.set(badge, anchor);
    guardOpening(badge, () => this.#stillPlaced(badge, ref.origin));
    this.#options.stats.badgesInserted += 1;
    return badge;
  }

  /**
   * Asked when a badge's card is about to open: the badge must still follow the element it was
   * put after, and that reference must still name the account. A badge the page moved next to
   * someone else is removed quietly instead (its own reference gets a new one when next seen).
   */
  #stillPlaced(badge: Element, origin: Element): boolean {
    const record = this.#origins.get(origin);
    const anchor = this.#badgeAnchors.get(badge);
    const placed =
      record !== undefined &&
      record.badge === badge &&
      record.generation === this.#generation &&
      anchor !== undefined &&
      badge.previousElementSibling === anchor &&
      origin.isConnected &&
      this.#options.adapter
        .findAccounts(origin)
        .some((ref) => ref.origin === origin && ref.key === record.key);
    if (!placed) {
      if (record?.badge === badge) record.badge = null;
      removeBadge(badge);
      this.#options.changed();
    }
    return placed;
  }

  #ownBadges(): Element[] {
    return [...this.#options.document.querySelectorAll(BADGE_TAG)].filter(isOwnBadge);
  }

  forgetUnless(origin: Element, refs: readonly AccountRef[]): void {
    const record = this.#origins.get(origin);
    if (!record || refs.some((ref) => ref.origin === origin)) return;
    if (record.badge) removeBadge(record.badge);
    this.#origins.delete(origin);
  }

  nextGeneration(): void {
    this.#generation += 1;
  }

  sweepStale(): void {
    for (const badge of this.#ownBadges()) {
      const origin = this.#badgeOrigins.get(badge);
      const record = origin ? this.#origins.get(origin) : undefined;
      if (!record || record.badge !== badge || record.generation !== this.#generation) {
        removeBadge(badge);
      }
    }
  }

  restyle(): void {
    for (const badge of this.#ownBadges()) {
      const info = badgeInfo(badge);
      const style = badgeStyleFor(this.#badgeSurfaces.get(badge), this.#config);
      if (info) updateBadge(badge, info, style);
    }
  }

  badgedKeys(limit: number): AccountKey[] {
    const badged = new Set<AccountKey>();
    for (const badge of this.#ownBadges()) {
      const origin = this.#badgeOrigins.get(badge);
      const key = origin ? this.#origins.get(origin)?.matched : undefined;
      if (!key || !badgeInfo(badge)) continue;
      badged.add(key);
      if (badged.size === limit) break;
    }
    return [...badged];
  }

  clear(): void {
    this.#sightings.clear();
    for (const badge of this.#options.document.querySelectorAll(BADGE_TAG)) removeBadge(badge);
  }
}
