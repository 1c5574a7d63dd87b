// The message protocol's size limits, apart from its schemas (core/messages.ts builds those with
// valibot at load time) so the content script can keep to them without loading valibot.

/** Longest account key the protocol accepts. */
export const MAX_KEY_LENGTH = 64;
/** Most handles a content script may ask about in one lookup (one flush). */
export const MAX_LOOKUP_KEYS = 2_000;
/** Longest page type a page report may name. */
export const MAX_PAGE_TYPE_LENGTH = 40;
/** Most badged accounts one page report may list. */
export const MAX_BADGED = 10_000;
