// "Report a mistake": opens the report page for a claim, tells that page what the claim is and
// where corrections go, and hides an account's badge at once when the reader asks.
import { browser } from 'wxt/browser';
import { displayHandle } from '../core/accounts';
import { datedActions } from '../core/claim';
import type { ReportContext } from '../core/messages';
import { accountConfidence } from '../core/pack/evidence';
import type { Platform } from '../core/pack/types';
import { REPORT_PAGE, reportQuery, type ReportTarget } from '../core/report';
import { accountKeys, campaignKeyOf } from '../storage/keys';
import { searchParticipants } from '../storage/queries';
import { updateSettings } from '../storage/settings';
import { getStore } from '../storage/store-open';
import { normalizeKey } from '../core/key-filter';

/** Opens the report page for `target` in a new tab, next to the tab it came from. */
export async function openReport(target: ReportTarget, fromTab?: number): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL(REPORT_PAGE) + reportQuery(target),
    ...(fromTab !== undefined && { openerTabId: fromTab }),
  });
}

/** The pack, campaign, participant and account a report is about; throws when one is gone. */
export async function reportContext(target: ReportTarget): Promise<ReportContext> {
  const { index } = await getStore();
  const [packs, campaigns] = await Promise.all([index.packs(), index.campaigns()]);
  const pack = packs.find((p) => p.id === target.packId);
  const campaignKey = campaignKeyOf(target.packId, target.campaignId);
  const campaign = campaigns.find((c) => c.key === campaignKey);
  if (!pack || !campaign) throw new Error('This campaign is not in an enabled pack any more.');
  const key = normalizeKey(target.platform, target.handle);
  if (key === null) throw new Error('That is not an account of this site.');
  // Found through its account, which the handle index answers at any campaign size.
  const { items } = await searchParticipants(campaignKey, { text: key, limit: 500 });
  const participant = items.find((p) => p.id === target.participantId);
  if (!participant) throw new Error('This participant is not in the pack any more.');
  const account = participant.accounts.find(
    (a) => a.platform === target.platform && accountKeys(a).includes(key),
  );
  return {
    pack: {
      id: pack.id,
      version: pack.version,
      publisherName: pack.publisherName,
      ...(pack.corrections !== undefined && { corrections: pack.corrections }),
    },
    campaign: {
      id: campaign.id,
      name: campaign.name,
      ...(campaign.hashtag !== undefined && { hashtag: campaign.hashtag }),
    },
    participant: {
      id: participant.id,
      name: participant.name,
      role: participant.role,
      ...(participant.status !== undefined && { status: participant.status }),
      ...(participant.relation !== undefined && { relation: participant.relation }),
      actions: datedActions(participant.actions ?? [], campaign.events),
      sources: participant.resolvedSources.map((source) => ({
        url: source.url,
        ...(source.publisher !== undefined && { publisher: source.publisher }),
        ...(source.title !== undefined && { title: source.title }),
        ...(source.date !== undefined && { date: source.date }),
        ...(source.kind !== undefined && { kind: source.kind }),
      })),
      badgeable: participant.badgeable,
    },
    account: account
      ? {
          platform: account.platform,
          handle: displayHandle(account),
          confidence: accountConfidence(account),
          ...(account.holder !== undefined && { holder: account.holder }),
        }
      : null,
  };
}

/** Adds the account to the accounts never badged; answers its key (`platform:key`). */
export async function dontBadge(platform: Platform, handle: string): Promise<string> {
  const key = normalizeKey(platform, handle);
  if (key === null) throw new Error('That is not an account of this site.');
  const listed = `${platform}:${key}`;
  await updateSettings((settings) => ({
    ...settings,
    allowlist: [...settings.allowlist.filter((k) => k !== listed), listed],
  }));
  return listed;
}
