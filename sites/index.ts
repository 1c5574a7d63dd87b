// STUB — replaced by the site adapters work.
import type { SiteAdapter } from './types';

/** The adapter for a page's hostname, or null when Picket has none for it. */
export function adapterFor(_hostname: string): SiteAdapter | null {
  return null;
}
