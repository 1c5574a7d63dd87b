// Checking a subscription before and after the download: the address (https, nothing that could
// identify the user), the host permission, and the publisher's signature over the exact bytes.
import { browser } from 'wxt/browser';
import { verifyPackSignature } from '../core/pack/signature';
import { download, SubscriptionError } from './subscription-fetch';

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
    // The request goes to a fixed URL with nothing that could identify the user.
    throw new SubscriptionError('The address must not contain "?" or "#".');
  }
  return url;
}

export async function hasHostPermission(url: URL): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${url.origin}/*`] });
  } catch {
    return false;
  }
}

/** Downloads the pack and its signature, checks the signature over the exact bytes, decodes. */
export async function fetchVerified(
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
