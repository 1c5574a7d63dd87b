// Account keys: how a handle or numeric id on each platform becomes the key packs are looked up by, and the surfaces.
import type { Platform } from './pack/types';

/**
 * The key an account is looked up by, identical on both sides of the lookup:
 * - Instagram: the username in lower case (`kimkardashian`);
 * - Facebook: the vanity in lower case without its dots (`Kim.Kardashian` → `kimkardashian`), or
 *   `id:<digits>` for a numeric id.
 */
export type AccountKey = string;

/** Where on a page an account reference was found. Used for per-surface settings and tests. */
export const SURFACES = [
  'profile-header',
  'post-author',
  'comment',
  'mention',
  'photo-tag',
  'suggestion',
  'stories-tray',
  'story',
  'reel',
  'search',
  'likes-dialog',
  'followers-dialog',
  'hovercard',
  'other',
] as const;
export type Surface = (typeof SURFACES)[number];

export const INSTAGRAM_USERNAME = /^[A-Za-z0-9._]{1,30}$/;
export const FACEBOOK_VANITY = /^[A-Za-z0-9.-]{5,50}$/;
export const FACEBOOK_NUMERIC_ID = /^[0-9]{5,20}$/;

export function instagramKey(username: string): AccountKey | null {
  return INSTAGRAM_USERNAME.test(username) ? username.toLowerCase() : null;
}

/**
 * Facebook compares usernames the way it resolves them: case and dots do not count
 * (`Kim.Kardashian`, `kim.kardashian` and `kimkardashian` are one account), so the key drops both.
 * The key is itself a valid vanity that maps to itself, so either side may normalise it again.
 * Null for text that cannot be a username, including one made only of digits (that is an id).
 */
export function facebookVanityKey(vanity: string): AccountKey | null {
  if (!FACEBOOK_VANITY.test(vanity)) return null;
  const key = vanity.toLowerCase().replaceAll('.', '');
  return FACEBOOK_VANITY.test(key) && !FACEBOOK_NUMERIC_ID.test(key) ? key : null;
}

export function facebookIdKey(id: string): AccountKey | null {
  return FACEBOOK_NUMERIC_ID.test(id) ? `id:${id}` : null;
}

/** The value of `data-handle` on a badge: as in the pack; Facebook without a vanity is `id:<id>`. */
export function displayHandle(account: {
  platform: Platform;
  handle?: string;
  numericId?: string;
}): string {
  if (account.platform === 'instagram') return (account.handle ?? '').toLowerCase();
  return account.handle ?? `id:${account.numericId ?? ''}`;
}
