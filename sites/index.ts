// The site adapters, and which one serves a hostname.
import type { SiteAdapter } from './types';
import { facebookAdapter } from './facebook/adapter';
import { instagramAdapter } from './instagram/adapter';

/** Every site adapter, in a fixed order (benchmarks iterate over them). */
export const ALL_ADAPTERS: readonly SiteAdapter[] = [instagramAdapter, facebookAdapter];

/** The adapter for a page's hostname, or null when Picket has none for it. */
export function adapterFor(hostname: string): SiteAdapter | null {
  return ALL_ADAPTERS.find((adapter) => adapter.matchesHost(hostname)) ?? null;
}
