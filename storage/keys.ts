// The keys the cache files things under: a campaign's `<packId>/<campaignId>`, and every lookup
// key an account answers to.
import { facebookIdKey, facebookVanityKey, instagramKey } from '../core/accounts';

export function campaignKeyOf(packId: string, campaignId: string): string {
  return `${packId}/${campaignId}`;
}

/**
 * Every lookup key an account answers to: the vanity/username and, on Facebook, `id:<n>`. Made by
 * the same functions that key the accounts a page shows, so `Kim.Kardashian` in a pack meets a
 * link to `/kimkardashian`.
 */
export function accountKeys(account: {
  platform: 'instagram' | 'facebook';
  handle?: string;
  numericId?: string;
}): string[] {
  const keys: string[] = [];
  if (account.handle) {
    const key =
      account.platform === 'facebook'
        ? facebookVanityKey(account.handle)
        : instagramKey(account.handle);
    if (key) keys.push(key);
  }
  if (account.platform === 'facebook' && account.numericId) {
    const idKey = facebookIdKey(account.numericId);
    if (idKey) keys.push(idKey);
  }
  return keys;
}
