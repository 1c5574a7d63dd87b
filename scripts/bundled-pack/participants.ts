// What each participant of the bundled pack did, worded no stronger than its sources allow, from
// ../shared/research/campaign-facts.md. Used by scripts/make-bundled-pack.ts, which stops on a
// participant with no entry here.
//
// Relation: `joined` when the participant said so itself (as its sources report it) or the
// coverage says it joined; `aligned` when it paused in the same weeks but said it was not joining
// or its own statement did not name the campaign; `listed` when it is only named by others (press
// lists, the campaign's list as reprinted, aggregators) with no statement of its own reported by
// a strong source. Status: `took-part` only for an act reported as done (froze, logged off, posted
// the freeze notice), `announced` for a stated intention or public support, `paused-ads` for an
// advertiser's pause; a `listed` participant gets none, as nothing is known of its own act.
// Dates: the day of the act when the research gives one, otherwise the day of the campaign event
// the act concerns (explained in the action's `x-date-note`).
//
// The writing itself is split by group: ./participants-freeze (people and brands of the freeze),
// ./participants-advertisers (the July pause) and ./participants-organisations (the coalition).
// Here: which accounts must not be badged, or are run by a brand of the participant.

/**
 * Handles the research gives that must not be badged: the brands were renamed after 2020, and
 * whoever holds the old name now is not the brand that took part.
 */
export const STALE_HANDLES: Record<string, string> = {
  kkwbeauty: 'KKW Beauty was later rebranded; the 2020 handle may belong to someone else now',
  kkwfragrance: 'KKW Fragrance was later rebranded; the 2020 handle may belong to someone else now',
};

/**
 * Accounts run by a brand of the participant rather than the participant itself: always `likely`,
 * with who runs them. (A company's own main account, like @ford or @lego, needs no such note.)
 */
export const HOLDERS: Record<string, string> = {
  hersheys: "Hershey's, a brand of The Hershey Company",
  levis: "Levi's, a brand of Levi Strauss & Co.",
  honda: "Honda, the brand; the pause was American Honda Motor Co.'s, Honda's US company",
  cocacola: 'Coca-Cola, a drinks brand of The Coca-Cola Company',
  reebok: 'Reebok, part of adidas at the time of the pause',
};

/** Research participants counted inside another one's entry (one announcement, one participant). */
export const MERGED_INTO: Record<string, string> = { 'A-RBK': 'A-ADS' };
