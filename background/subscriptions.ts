// Subscriptions: a publisher's pack at a fixed https URL, signed with a key the user pins when
// subscribing. Refreshed daily by an alarm or on demand; never because of a page visit (C2).
// Every failure keeps the installed version and is recorded as `lastError` (E2); an older or
// equal version is ignored (E3); the swap to a newer one is one transaction (the store's).
import { browser } from 'wxt/browser';
import { fromBase64, verifyPackSignature } from '../core/pack/signature';
import { validatePackText } from '../core/pack/validate';
import { importPackText, readRegistry, StoreError, updateSubscription } from '../storage/store';
import type { SubscriptionRecord } from '../storage/store';

export const REFRESH_ALARM = 'picket:refresh';
const REFRESH_PERIOD_MINUTES = 24 * 60;
/** Same as the validator's limit per pack. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;
/** A base64 P-256 signature is 88 characters; anything much longer is not a signature file. */
const MAX_SIGNATURE_BYTES = 4 * 1024;

export class SubscriptionError extends Error {
  override name = 'SubscriptionError';
}

/** Checks the address before anything is fetched: https, no credentials, nothing added to it. */
export function checkSubscriptionUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SubscriptionError('That is not a web address.');
  }
  if (url.protocol !== 'https:') {
    throw new SubscriptionError('Only https:// addresses can be subscribed to.');
  }
  if (url.username || url.password) {
    throw new SubscriptionError('The address must not contain a user name or password.');
  }
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    // The request goes to a fixed URL with nothing that could identify the user (C2).
    throw new SubscriptionError('The address must not contain "?" or "#".');
  }
  return url;
}

async function hasHostPermission(url: URL): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${url.origin}/*`] });
  } catch {
    return false;
  }
}

interface Download {
  status: 200 | 304;
  bytes: Uint8Array;
  etag?: string;
  lastModified?: string;
}

const FETCH_OPTIONS: RequestInit = {
  credentials: 'omit',
  cache: 'no-store',
  redirect: 'follow',
  referrerPolicy: 'no-referrer',
};

async function download(
  url: string,
  what: 'pack' | 'signature',
  conditional: { etag?: string; lastModified?: string } = {},
): Promise<Download> {
  const headers: Record<string, string> = {};
  if (conditional.etag) headers['If-None-Match'] = conditional.etag;
  if (conditional.lastModified) headers['If-Modified-Since'] = conditional.lastModified;
  const limit = what === 'pack' ? MAX_PACK_BYTES : MAX_SIGNATURE_BYTES;
  const label = what === 'pack' ? 'The pack' : "The publisher's signature file (.sig)";

  let response: Response;
  try {
    response = await fetch(url, { ...FETCH_OPTIONS, headers });
  } catch (error) {
    throw new SubscriptionError(`${label} could not be downloaded (${String(error)}).`);
  }
  if (response.status === 304) return { status: 304, bytes: new Uint8Array() };
  if (response.status === 404)
    throw new SubscriptionError(`${label} was not found (404) at ${url}.`);
  if (!response.ok) {
    throw new SubscriptionError(
      `${label} could not be downloaded: the server answered ${response.status}.`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit)
    throw new SubscriptionError(`${label} is larger than ${describeBytes(limit)}.`);

  const bytes = await readCapped(response, limit, label);
  // A body shorter than announced was cut off (with gzip the decoded body is only ever longer).
  if (Number.isFinite(declared) && bytes.length < declared) {
    throw new SubscriptionError(
      `${label} download was cut short (${bytes.length} of ${declared} bytes).`,
    );
  }
  if (bytes.length === 0) throw new SubscriptionError(`${label} is empty.`);
  const contentType = response.headers.get('content-type') ?? '';
  if (/text\/html/i.test(contentType) || looksLikeHtml(bytes)) {
    throw new SubscriptionError(
      `${label} address returned a web page, not a ${what}. Check the address.`,
    );
  }
  return {
    status: 200,
    bytes,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
}

async function readCapped(response: Response, limit: number, label: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > limit) {
        await reader.cancel().catch(() => undefined);
        throw new SubscriptionError(`${label} is larger than ${describeBytes(limit)}.`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SubscriptionError) throw error;
    throw new SubscriptionError(`${label} download was interrupted (${String(error)}).`);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<');
}

function describeBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Downloads the pack and its signature, checks the signature over the exact bytes, decodes. */
async function fetchVerified(
  url: string,
  publicKey: string,
  conditional?: { etag?: string; lastModified?: string },
): Promise<
  { notModified: true } | { notModified: false; text: string; etag?: string; lastModified?: string }
> {
  const pack = await download(url, 'pack', conditional);
  if (pack.status === 304) return { notModified: true };
  const signature = await download(`${url}.sig`, 'signature');
  const signatureText = new TextDecoder().decode(signature.bytes);
  if (!(await verifyPackSignature(pack.bytes, signatureText, publicKey))) {
    throw new SubscriptionError(
      "The pack's signature does not match the publisher's key: it was not installed.",
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(pack.bytes);
  } catch {
    throw new SubscriptionError('The pack is not UTF-8 text.');
  }
  return { notModified: false, text, etag: pack.etag, lastModified: pack.lastModified };
}

/**
 * Subscribes to a signed pack. The options page asks for the host permission first (a user
 * gesture is needed); without it this fails with a message that says so.
 */
export async function subscribe(urlText: string, publicKey: string): Promise<{ packId: string }> {
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
  };
  const { packId } = await importPackText(fetched.text, { origin: 'subscribed', subscription });
  await ensureRefreshAlarm();
  return { packId };
}

/**
 * Checks one subscription for a newer version. Ignores the same or an older version (not an
 * error). Any failure keeps what is installed, records `lastError` and is rethrown.
 */
export async function refreshSubscription(
  packId: string,
): Promise<{ updated: boolean; version: number }> {
  const record = (await readRegistry()).packs.find((p) => p.id === packId);
  if (!record?.subscription) {
    throw new StoreError(`"${packId}" is not a subscription.`, 'not-found');
  }
  const subscription = record.subscription;
  const checkedAt = new Date().toISOString();
  try {
    const url = checkSubscriptionUrl(subscription.url);
    if (!(await hasHostPermission(url))) {
      throw new SubscriptionError(
        `Permission to reach ${url.host} was removed; grant it again in the options page.`,
      );
    }
    const fetched = await fetchVerified(url.href, subscription.publicKey, subscription);
    if (fetched.notModified) {
      await updateSubscription(packId, (s) => ({
        ...s,
        lastCheckedAt: checkedAt,
        lastError: undefined,
      }));
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
    const fresh = {
      ...subscription,
      ...(fetched.etag !== undefined && { etag: fetched.etag }),
      ...(fetched.lastModified !== undefined && { lastModified: fetched.lastModified }),
      lastCheckedAt: checkedAt,
      lastError: undefined,
    };
    if (result.pack.version <= record.version) {
      // No rollback, and not an error: a mirror may lag behind (E3).
      await updateSubscription(packId, () => fresh);
      return { updated: false, version: record.version };
    }
    const { version } = await importPackText(fetched.text, {
      origin: 'subscribed',
      subscription: fresh,
    });
    return { updated: true, version };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updateSubscription(packId, (s) => ({
      ...s,
      lastCheckedAt: checkedAt,
      lastError: { at: checkedAt, message },
    }));
    throw error;
  }
}

/** Refreshes every subscription; failures are recorded per subscription, never thrown. */
export async function refreshAllSubscriptions(): Promise<void> {
  const { packs } = await readRegistry();
  for (const record of packs) {
    if (record.subscription) await refreshSubscription(record.id).catch(() => undefined);
  }
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
