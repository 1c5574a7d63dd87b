// Where "Report a mistake" leads: the report page's address for one claim, and reading it back.
// Pure, so the background (which opens the page), the popup and the page itself agree on it.
import type { Platform } from './pack/types';

export interface ReportTarget {
  packId: string;
  campaignId: string;
  participantId: string;
  platform: Platform;
  /** The account the claim was seen on (a lookup key, or the pack's handle). */
  handle: string;
}

export const REPORT_PAGE = '/report.html';

const PARAMS = {
  packId: 'pack',
  campaignId: 'campaign',
  participantId: 'participant',
  platform: 'platform',
  handle: 'handle',
} as const satisfies Record<keyof ReportTarget, string>;

/** The query string of the report page for `target` (with its leading `?`). */
export function reportQuery(target: ReportTarget): string {
  const query = new URLSearchParams();
  for (const [field, param] of Object.entries(PARAMS)) {
    query.set(param, target[field as keyof ReportTarget]);
  }
  return `?${query.toString()}`;
}

/** The target a report page address names, or null when a part is missing or unknown. */
export function readReportTarget(search: string): ReportTarget | null {
  const query = new URLSearchParams(search);
  const read = (param: string): string | null => {
    const value = query.get(param);
    return value && value.length <= 2_000 ? value : null;
  };
  const packId = read(PARAMS.packId);
  const campaignId = read(PARAMS.campaignId);
  const participantId = read(PARAMS.participantId);
  const platform = read(PARAMS.platform);
  const handle = read(PARAMS.handle);
  if (!packId || !campaignId || !participantId || !handle || handle.length > 64) return null;
  if (platform !== 'instagram' && platform !== 'facebook') return null;
  return { packId, campaignId, participantId, platform, handle };
}
