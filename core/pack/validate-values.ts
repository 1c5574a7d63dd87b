// What a single pack value must be beyond its schema pattern: a real calendar date, a known
// IANA time zone, an https URL a parser accepts, a plain mailto address, a valid id.

/** Same rules as the schema's; exported for code that builds ids. */
export const PACK_ID_PATTERN = /^[a-z0-9-]{3,64}$/;
/** Ids of campaigns, participants, events, demands and sources. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
/** Lower-case scheme, then no whitespace or control character anywhere (they hide `javascript:`). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const HTTPS_PATTERN = /^https:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/;
/**
 * One plain address: dot-separated words of letters, digits, `_ + -`, then a domain with a
 * letters-only top level. No `?` headers (a prefilled body or a hidden `bcc`), no second address,
 * no percent-escapes, nothing to hide a character behind.
 */
const MAILTO_PATTERN =
  /^mailto:[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
export function isHttpsUrl(value: string): boolean {
  if (!HTTPS_PATTERN.test(value)) return false;
  try {
    const url = new URL(value);
    // Credentials in a link (`https://facebook.com@evil.example`) only serve to mislead readers.
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

/** `YYYY-MM-DD` or an RFC 3339 date-time, with real calendar and clock values. */
export function isPackDate(value: string): boolean {
  const date = DATE_PATTERN.exec(value);
  if (date) return validDay(+date[1]!, +date[2]!, +date[3]!);
  const dt = DATE_TIME_PATTERN.exec(value);
  if (!dt) return false;
  if (!validDay(+dt[1]!, +dt[2]!, +dt[3]!)) return false;
  if (+dt[4]! > 23 || +dt[5]! > 59 || +dt[6]! > 60) return false;
  if (dt[9] && (+dt[10]! > 23 || +dt[11]! > 59)) return false;
  return true;
}

const zoneCache = new Map<string, boolean>();
export function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    known = false;
    if (zone.length <= 64 && TIME_ZONE_PATTERN.test(zone)) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        known = true;
      } catch {
        known = false;
      }
    }
    if (zoneCache.size < 1000) zoneCache.set(zone, known);
  }
  return known;
}

/** An e-mail link as the schema's `mailto` allows: one plain address, at most 254 characters. */
export function isMailtoAddress(value: string): boolean {
  return value.length <= 'mailto:'.length + 254 && MAILTO_PATTERN.test(value);
}
