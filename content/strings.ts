// The strings the content script shows. The runtime takes a `Translate` function instead of
// importing `#i18n` itself so that unit tests (where `browser.i18n` does not exist) inject one.
import type { ClaimKey } from '../core/claim';

export type ContentStringKey =
  | 'badge.label'
  | 'badge.buttonName'
  | 'badge.dialogName'
  | 'badge.actionsHeading'
  | ClaimKey
  | 'claim.account'
  | 'claim.accountHolder'
  | 'claim.accountLikely'
  | 'claim.sources'
  | 'claim.report'
  | 'notice.label'
  | 'notice.dismiss';

export type Translate = (key: ContentStringKey, substitutions?: string[]) => string;

/** Only `https:` URLs become links; anything else, or unparsable text, is null. */
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

/** Distinct strings kept; past this the memo starts over. */
const TRANSLATIONS_KEPT = 2_000;
/** Stands for the i-th substitution in a message asked for once (private-use characters). */
const slot = (index: number): string => `\uE000${index}\uE001`;

/**
 * `t` with its answers remembered: the browser's i18n call crosses into the extension's
 * message catalogue (~50 µs a call in Chrome), and every account's badge has a name of its own.
 * A message with substitutions is asked for once with placeholders, and the values are put in
 * here, literally, as `i18n.getMessage` does; a value holding a placeholder's characters is
 * asked for the usual way.
 */
export function rememberingTranslate(t: Translate): Translate {
  const known = new Map<string, string>();
  const withSlots = new Map<string, string[]>();
  return (key, substitutions) => {
    if (substitutions?.length) {
      if (substitutions.some((value) => value.includes('\uE000'))) return t(key, substitutions);
      const id = `${key}\u0000${substitutions.length}`;
      let pieces = withSlots.get(id);
      if (!pieces) {
        // Split at the placeholders: even pieces are message text, odd ones substitution indices.
        const template = t(
          key,
          substitutions.map((_, index) => slot(index)),
        );
        pieces = template.split(/\uE000(\d+)\uE001/);
        withSlots.set(id, pieces);
      }
      let text = '';
      pieces.forEach((piece, index) => {
        text += index % 2 === 0 ? piece : (substitutions[Number(piece)] ?? '');
      });
      return text;
    }
    let text = known.get(key);
    if (text === undefined) {
      text = t(key);
      if (known.size >= TRANSLATIONS_KEPT) known.clear();
      known.set(key, text);
    }
    return text;
  };
}
