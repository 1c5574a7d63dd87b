// The text of a mistake report and where it can be sent: plain text the reader copies, or a
// mailto: link / the publisher's https: page. Pure apart from the UI language of the words.
import { i18n } from '#i18n';
import type { ReportContext } from '../../core/messages';
import { claimLine } from '../shared/claim';
import { safeHttpsUrl } from '../../core/safe-url';

export interface ReportDraft {
  wrong: string;
  evidence: string;
}

export interface ComposedReport {
  subject: string;
  body: string;
}

export type SendTarget =
  { kind: 'mail'; address: string; href: string } | { kind: 'page'; host: string; href: string };

/** The claim as the badge's card states it, with its full date. */
export function shownClaim(context: ReportContext): string {
  return claimLine(context.participant, 'day');
}

/** `@handle`, or `id:…` for a Facebook account known by its number only. */
export function shownHandle(handle: string): string {
  return handle.startsWith('id:') ? handle : `@${handle}`;
}

/** The campaign's name, with its hashtag when the name does not already carry it. */
export function campaignLabel(campaign: ReportContext['campaign']): string {
  const { name, hashtag } = campaign;
  return hashtag && !name.includes(hashtag) ? `${name} (${hashtag})` : name;
}

function platformName(platform: 'instagram' | 'facebook'): string {
  return platform === 'instagram'
    ? i18n.t('common.platform.instagram')
    : i18n.t('common.platform.facebook');
}

export function composeReport(context: ReportContext, draft: ReportDraft): ComposedReport {
  const { pack, campaign, participant, account } = context;
  const line = (term: string, value: string) => `${term}: ${value}`;
  const given = (text: string) => text.trim() || i18n.t('report.notGiven');
  const lines = [
    i18n.t('report.textIntro'),
    '',
    line(i18n.t('report.packTerm'), i18n.t('report.packValue', [pack.id, String(pack.version)])),
    line(i18n.t('report.publisherTerm'), pack.publisherName),
    line(i18n.t('report.campaignTerm'), campaignLabel(campaign)),
    line(i18n.t('report.participantTerm'), `${participant.name} (${participant.id})`),
  ];
  if (account) {
    let value = `${shownHandle(account.handle)}, ${platformName(account.platform)}`;
    if (account.holder) value += ` (${account.holder})`;
    if (account.confidence !== 'verified') value += ` — ${i18n.t('claim.accountLikely')}`;
    lines.push(line(i18n.t('report.accountTerm'), value));
  }
  lines.push(
    line(i18n.t('report.claimTerm'), shownClaim(context)),
    '',
    line(i18n.t('report.wrongLabel'), given(draft.wrong)),
    line(i18n.t('report.evidenceTerm'), given(draft.evidence)),
  );
  return {
    subject: i18n.t('report.subject', [participant.name, pack.id]),
    body: lines.join('\n'),
  };
}

/** Conservative: what an email client takes as one address without any decoding. */
const MAIL_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** RFC 2606 keeps `.invalid` for names that must never resolve: a placeholder, not an address. */
function isPlaceholderHost(host: string): boolean {
  return host === 'invalid' || host.endsWith('.invalid');
}

/**
 * Where the report can go: the publisher's corrections page (https:) or an email to their
 * address (mailto:, with the subject and body filled in). Null when the pack gives neither, or
 * only a placeholder.
 */
export function sendTarget(
  corrections: string | undefined,
  report: ComposedReport,
): SendTarget | null {
  if (!corrections) return null;
  const page = safeHttpsUrl(corrections);
  if (page) {
    const url = new URL(page);
    return isPlaceholderHost(url.hostname) ? null : { kind: 'page', host: url.host, href: page };
  }
  let url: URL;
  try {
    url = new URL(corrections);
  } catch {
    return null;
  }
  if (url.protocol !== 'mailto:') return null;
  let address: string;
  try {
    address = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (!MAIL_ADDRESS.test(address) || isPlaceholderHost(address.split('@')[1]!)) return null;
  // Email bodies break lines with CRLF (RFC 6068); each part is encoded on its own.
  const query =
    `subject=${encodeURIComponent(report.subject)}` +
    `&body=${encodeURIComponent(report.body.replace(/\n/g, '\r\n'))}`;
  return { kind: 'mail', address, href: `mailto:${address}?${query}` };
}
