// Subscriptions: a publisher's pack at a fixed https URL, signed with a key the user pins when
// subscribing. Refreshed daily by an alarm or on demand; never because of a page visit (C2).
// Every failure keeps the installed version and is recorded as `lastError` (E2); an older or
// equal version is ignored (E3); the swap to a newer one is one transaction (the store's).
// Downloads follow no redirects and have deadlines, so no publisher can hold Picket up.
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

/**
 * How long a download may take: until the response headers arrive (connecting included), and in
 * all, body included. Each of the pack and its signature has its own.
 */
export interface FetchDeadlines {
  headersMs: number;
  bodyMs: number;
}
export const DEFAULT_DEADLINES: FetchDeadlines = { headersMs: 15_000, bodyMs: 60_000 };

declare const __PICKET_TEST_FETCH_DEADLINES__: string | undefined;

/**
 * A test build (PICKET_TEST_FETCH_DEADLINES="headersMs,bodyMs" at build time) may shorten the
 * deadlines so real-browser tests of hanging servers run in seconds; nothing can change them at
 * run time, and no build can make them longer.
 */
function builtDeadlines(): FetchDeadlines {
  const spec =
    typeof __PICKET_TEST_FETCH_DEADLINES__ === 'string' ? __PICKET_TEST_FETCH_DEADLINES__ : '';
  const [headersMs, bodyMs] = spec.split(',').map(Number);
  if (!headersMs || !bodyMs) return { ...DEFAULT_DEADLINES };
  return {
    headersMs: Math.min(headersMs, DEFAULT_DEADLINES.headersMs),
    bodyMs: Math.min(bodyMs, DEFAULT_DEADLINES.bodyMs),
  };
}

let deadlines = builtDeadlines();

/** Unit tests shorten the deadlines through this. */
export function configureSubscriptions(change: Partial<FetchDeadlines> | null): void {
  deadlines = change ? { ...builtDeadlines(), ...change } : builtDeadlines();
}

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

// No redirects at all, not even to the same origin: with `redirect: 'manual'` the browser hides
// where a redirect points (an opaque response), so checking the target would mean following it,
// which is already the request to an address the user never granted. A publisher can always
// give the final address; the user is told to subscribe to that.
const FETCH_OPTIONS: RequestInit = {
  credentials: 'omit',
  cache: 'no-store',
  redirect: 'manual',
  referrerPolicy: 'no-referrer',
};

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} seconds` : `${(ms / 1000).toFixed(1)} seconds`;
}

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
  const { headersMs, bodyMs } = deadlines;

  // One abort for both deadlines: it stops the connection, the headers wait and the body read.
  const controller = new AbortController();
  let expired: string | null = null;
  const expire = (message: string) => () => {
    expired = message;
    controller.abort();
  };
  const headersTimer = setTimeout(
    expire(`The publisher's server did not answer within ${seconds(headersMs)}.`),
    headersMs,
  );
  const bodyTimer = setTimeout(
    expire(`${label} download did not finish within ${seconds(bodyMs)}.`),
    bodyMs,
  );
  try {
    let response: Response;
    try {
      response = await fetch(url, { ...FETCH_OPTIONS, headers, signal: controller.signal });
    } catch (error) {
      throw new SubscriptionError(
        expired ?? `${label} could not be downloaded (${String(error)}).`,
      );
    }
    clearTimeout(headersTimer);
    if (response.status === 304) return { status: 304, bytes: new Uint8Array() };
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new SubscriptionError(
        `${label} address answers with a redirect to another address, and Picket follows no ` +
          `redirects. Subscribe to the final https:// address of the pack instead.`,
      );
    }
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

    const bytes = await readCapped(response, limit, label, controller.signal, () => expired);
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
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(bodyTimer);
  }
}

/**
 * Reads the body up to `limit` bytes. Each read also waits on the abort signal, so the deadline
 * holds even for a body stream that ignores it.
 */
async function readCapped(
  response: Response,
  limit: number,
  label: string,
  signal: AbortSignal,
  expired: () => string | null,
): Promise<Uint8Array> {
  const interrupted = (error: unknown) =>
    new SubscriptionError(expired() ?? `${label} download was interrupted (${String(error)}).`);
  if (!response.body) {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw interrupted(error);
    }
  }
  const reader = response.body.getReader();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      length += value.length;
      if (length > limit)
        throw new SubscriptionError(`${label} is larger than ${describeBytes(limit)}.`);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof SubscriptionError) throw error;
    throw interrupted(error);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
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
 * gesture is needed); without it this fails with a message that says so. `replace` is the user's
 * choice, after seeing both publishers, to let this subscription take over an id that another
 * source holds (see the store's ownership rule).
 */
export async function subscribe(
  urlText: string,
  publicKey: string,
  { replace = false }: { replace?: boolean } = {},
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
      // No rollback, and no error (a mirror may lag behind, E3); but no success either.
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
