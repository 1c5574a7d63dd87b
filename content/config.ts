// What the background says the content script should do here (on or off, surfaces, badge style,
// the notice), and the badge style a surface gets from it.
import type { Surface } from '../core/accounts';
import type { ContentConfig } from '../core/messages';
import type { BadgeStyle } from './badge-state';
import type { ContentSend } from './lookup-client';

/** Surfaces whose tiles have no room for a text label. */
const ICON_ONLY_SURFACES: ReadonlySet<Surface> = new Set(['stories-tray']);

/** The config, or null when the background cannot be reached. */
export async function loadConfig(send: ContentSend): Promise<ContentConfig | null> {
  const answer = await send({ type: 'getContentConfig' });
  return answer.ok ? answer.config : null;
}

export function badgeStyleFor(
  surface: Surface | undefined,
  config: ContentConfig | null,
): BadgeStyle {
  // Story tiles are narrower than any label: there the icon alone (with its accessible name) fits.
  if (surface && ICON_ONLY_SURFACES.has(surface)) return 'compact';
  return config?.badgeStyle ?? 'label';
}

/** Whether badges belong on `surface` (all do until the config says otherwise). */
export function surfaceShown(surface: Surface, config: ContentConfig | null): boolean {
  return !config || config.surfaces[surface] !== false;
}
