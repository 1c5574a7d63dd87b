// Which platform a page's hostname belongs to: the one place that knows Instagram's and
// Facebook's hosts, shared by the site adapters and the background (which needs no adapter code).
import type { Platform } from './pack/types';

const HOSTS: Readonly<Record<Platform, ReadonlySet<string>>> = {
  instagram: new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com']),
  /** www (desktop), web (some regions, 2022 and 2025 saves), m and mbasic (mobile), touch (old mobile). */
  facebook: new Set([
    'facebook.com',
    'www.facebook.com',
    'web.facebook.com',
    'm.facebook.com',
    'mbasic.facebook.com',
    'touch.facebook.com',
  ]),
};

/** The platform a hostname serves, or null when Picket has nothing for it. */
export function platformForHost(hostname: string): Platform | null {
  const host = hostname.toLowerCase();
  if (HOSTS.instagram.has(host)) return 'instagram';
  if (HOSTS.facebook.has(host)) return 'facebook';
  return null;
}

/** The platform of a page's URL, or null for any other page (or a URL that does not parse). */
export function platformForUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  try {
    return platformForHost(new URL(url).hostname);
  } catch {
    return null;
  }
}
