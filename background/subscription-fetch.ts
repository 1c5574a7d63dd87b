// Downloading a subscribed pack or its signature: no redirects, no credentials, a size cap and
// deadlines, so no publisher can hold Picket up or hand it a web page instead of a pack.
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

export async function download(
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
