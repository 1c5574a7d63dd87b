// The strings the content script shows. The runtime takes a `Translate` function instead of
// importing `#i18n` itself so that unit tests (where `browser.i18n` does not exist) inject one.
export type ContentStringKey =
  | 'badge.label'
  | 'badge.buttonName'
  | 'badge.dialogName'
  | 'badge.roleParticipant'
  | 'badge.roleAdvertiser'
  | 'badge.roleOrganizer'
  | 'badge.roleCoalitionMember'
  | 'badge.statusTookPart'
  | 'badge.statusAnnounced'
  | 'badge.statusPausedAds'
  | 'badge.statusResumed'
  | 'badge.statusWithdrew'
  | 'badge.actionsHeading'
  | 'badge.sourceHeading'
  | 'badge.sourceLink'
  | 'badge.correctionsLink'
  | 'notice.label'
  | 'notice.dismiss';

export type Translate = (key: ContentStringKey, substitutions?: string[]) => string;

/** Only `https:` URLs become links (checklist A3); anything else, or unparsable text, is null. */
export function safeHttpsUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const ALL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A pack date in the reader's locale. All-day dates are calendar days, so they are built in local
 * time; parsing `2020-09-16` as UTC would show the 15th west of Greenwich.
 */
export function formatPackDate(raw: string, locale?: string): string {
  const day = ALL_DAY.exec(raw);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  try {
    return dateFormatter(locale).format(date);
  } catch {
    return raw;
  }
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per locale.
const formatters = new Map<string | undefined, Intl.DateTimeFormat>();

function dateFormatter(locale: string | undefined): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    formatters.set(locale, formatter);
  }
  return formatter;
}
