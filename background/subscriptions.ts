// Subscriptions: a publisher's pack at a fixed https URL, signed with a key the user pins when
// subscribing. Refreshed daily by an alarm or on demand; never because of a page visit.
// Every failure keeps the installed version and is recorded as `lastError`; an older or equal
// version is ignored; the swap to a newer one is one transaction (the store's).
import { browser } from 'wxt/browser';
import { fromBase64 } from '../core/pack/signature';
import { validatePackText } from '../core/pack/validate';
import { importPackText } from '../storage/pack-import';
import { readRegistry, StoreError } from '../storage/userdata';
import { updateSubscription } from '../storage/pack-changes';
import type { InstallOptions } from '../storage/pack-ownership';
import type { SubscriptionRecord } from '../storage/userdata-types';
import { SubscriptionError } from './subscription-fetch';
import { checkSubscriptionUrl, fetchVerified, hasHostPermission } from './subscription-verify';

export const REFRESH_ALARM = 'picket:refresh';
const REFRESH_PERIOD_MINUTES = 24 * 60;

/**
 * Subscribes to a signed pack. The options page asks for the host permission first (a user
 * gesture is needed); without it this fails with a message that says so. `replace` is the user's
 * choice, after seeing both publishers, to let this subscription take over an id that another
 * source holds (see the store's ownership rule).
 */
export async function subscribe(
  urlText: string,
  publicKey: string,
  {
    replace = false,
    tracking = {},
  }: {
    replace?: boolean;
    tracking?: Pick<InstallOptions, 'onPhase' | 'onProgress' | 'signal'>;
  } = {},
): Promise<{ packId: string }> {
  const url = checkSubscriptionUrl(urlText.trim());
  if (!fromBase64(publicKey.trim())) {
    throw new SubscriptionError("The publisher's key is not valid (expected base64 text).");
  }
  if (!(await hasHostPermission(url))) {
    throw new SubscriptionError(`Picket does not have permission to reach ${url.host}.`);
  }
  const fetched = await fetchVerified(url.href, publicKey.trim());
  if (fetched.notModified) throw new SubscriptionError('The server sent no pack.');
  const now = new Date().toISOString();
  const subscription: SubscriptionRecord = {
    url: url.href,
    publicKey: publicKey.trim(),
    ...(fetched.etag !== undefined && { etag: fetched.etag }),
    ...(fetched.lastModified !== undefined && { lastModified: fetched.lastModified }),
    lastCheckedAt: now,
    lastSuccessAt: now,
  };
  const { packId } = await importPackText(fetched.text, {
    origin: 'subscribed',
    subscription,
    replace,
    ...tracking,
  });
  await ensureRefreshAlarm();
  return { packId };
}

export interface RefreshResult {
  updated: boolean;
  /** The version installed after the check. */
  version: number;
  /** Set when the publisher served an older version than the installed one (kept). */
  olderVersion?: number;
}

/**
 * Checks one subscription for a newer version. The current version (or a 304) is a successful
 * check; an older one is ignored, but neither counts as a success nor clears a recorded error,
 * so a publisher replaying old packs shows up as stale. Any failure keeps what is installed,
 * records `lastError` and is rethrown.
 */
export async function refreshSubscription(packId: string): Promise<RefreshResult> {
  const record = (await readRegistry()).packs.find((p) => p.id === packId);
  if (!record?.subscription) {
    throw new StoreError(`"${packId}" is not a subscription.`, 'not-found');
  }
  const subscription = record.subscription;
  const checkedAt = new Date().toISOString();
  const succeeded = { lastCheckedAt: checkedAt, lastSuccessAt: checkedAt, lastError: undefined };
  try {
    const url = checkSubscriptionUrl(subscription.url);
    if (!(await hasHostPermission(url))) {
      throw new SubscriptionError(
        `Permission to reach ${url.host} was removed; grant it again in the options page.`,
      );
    }
    const fetched = await fetchVerified(url.href, subscription.publicKey, subscription);
    if (fetched.notModified) {
      await updateSubscription(packId, (s) => ({ ...s, ...succeeded }));
      return { updated: false, version: record.version };
    }
    const result = validatePackText(fetched.text);
    if (!result.ok) {
      const first = result.issues[0];
      throw new SubscriptionError(
        `The downloaded pack is not valid${first ? ` (${first.path || '/'}: ${first.message})` : ''}.`,
      );
    }
    if (result.pack.id !== packId) {
      throw new SubscriptionError(
        `The address now serves another pack ("${result.pack.id}"), so it was not installed.`,
      );
    }
    const cacheHeaders = {
      ...(fetched.etag !== undefined && { etag: fetched.etag }),
      ...(fetched.lastModified !== undefined && { lastModified: fetched.lastModified }),
    };
    if (result.pack.version < record.version) {
      // No rollback, and no error (a mirror may lag behind); but no success either.
      await updateSubscription(packId, (s) => ({ ...s, lastCheckedAt: checkedAt }));
      return { updated: false, version: record.version, olderVersion: result.pack.version };
    }
    if (result.pack.version === record.version) {
      await updateSubscription(packId, (s) => ({ ...s, ...cacheHeaders, ...succeeded }));
      return { updated: false, version: record.version };
    }
    const { version } = await importPackText(fetched.text, {
      origin: 'subscribed',
      subscription: { ...subscription, ...cacheHeaders, ...succeeded },
    });
    return { updated: true, version };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Recording may fail too (storage full); the caller still learns what went wrong first.
    await updateSubscription(packId, (s) => ({
      ...s,
      lastCheckedAt: checkedAt,
      lastError: { at: checkedAt, message },
    })).catch(() => undefined);
    throw error;
  }
}

/**
 * Refreshes every subscription at once, each on its own deadlines: one slow or hanging publisher
 * holds up no other. Failures are recorded per subscription, never thrown.
 */
export async function refreshAllSubscriptions(): Promise<void> {
  const { packs } = await readRegistry();
  await Promise.allSettled(
    packs.filter((record) => record.subscription).map((record) => refreshSubscription(record.id)),
  );
}

/** The daily alarm exists exactly when there is something to refresh. */
export async function ensureRefreshAlarm(): Promise<void> {
  const { packs } = await readRegistry();
  const wanted = packs.some((p) => p.subscription);
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (wanted && !existing) {
    await browser.alarms.create(REFRESH_ALARM, {
      delayInMinutes: REFRESH_PERIOD_MINUTES,
      periodInMinutes: REFRESH_PERIOD_MINUTES,
    });
  } else if (!wanted && existing) {
    await browser.alarms.clear(REFRESH_ALARM);
  }
}

export function onRefreshAlarm(alarm: { name: string }): Promise<void> | undefined {
  if (alarm.name !== REFRESH_ALARM) return undefined;
  return refreshAllSubscriptions();
}
