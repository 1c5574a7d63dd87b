// A pack date (`YYYY-MM-DD` or a date-time) as the reader's locale writes it. Dependency-free,
// as the content script formats source and action dates with it too.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per locale/style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string | undefined, style: 'medium' | 'long'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: style });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A calendar date as a Date at local midnight: parsing `2020-09-16` as UTC would show the
 * 15th west of Greenwich. Null when `value` is not a calendar date. */
export function calendarDate(value: string): Date | null {
  const day = CALENDAR_DATE.exec(value);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : null;
}

/**
 * A pack date in the reader's locale and zone: a calendar date as that day wherever the reader
 * is, a date-time as the reader's local date. Text that is no date comes back unchanged.
 */
export function formatPackDate(
  raw: string,
  locale?: string,
  style: 'medium' | 'long' = 'medium',
): string {
  const date = calendarDate(raw) ?? new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  try {
    return dateFormatter(locale, style).format(date);
  } catch {
    return raw;
  }
}
