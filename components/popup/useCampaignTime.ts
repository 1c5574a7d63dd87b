// Where the shown campaign stands in time: its timed events, its phase now, and the next reminder.
import { useMemo } from 'preact/hooks';
import { nextReminder as findNextReminder, type Reminder } from '../../core/reminders/schedule';
import type { Settings } from '../../core/settings';
import type { CampaignSummary } from '../../core/store-views';
import { campaignStatus, timedEvents, type CampaignPhase } from '../../core/time/status';

export function useCampaignTime(
  campaign: CampaignSummary | undefined,
  campaigns: CampaignSummary[],
  settings: Settings | null,
  now: number,
  timeZone: string,
) {
  const timed = useMemo(
    () => (campaign ? timedEvents(campaign.events, timeZone) : []),
    [campaign, timeZone],
  );
  const phase: CampaignPhase = useMemo(() => {
    if (!campaign) return { phase: 'none' };
    try {
      return campaignStatus(campaign.events, new Date(now), timeZone);
    } catch {
      return { phase: 'none' };
    }
  }, [campaign, now, timeZone]);

  // What the reminders line promises: the next reminder of every shown campaign, computed by
  // the same schedule the background uses, as if reminders were on (so "off" can say it too).
  const nextReminder: Reminder | null = useMemo(() => {
    if (!settings) return null;
    try {
      return findNextReminder(campaigns, { ...settings.reminders, enabled: true }, timeZone, now);
    } catch {
      return null;
    }
  }, [campaigns, settings, timeZone, now]);

  return { timed, phase, nextReminder };
}
