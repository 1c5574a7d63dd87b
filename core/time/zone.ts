// The user's time zone, in its own module so the background (and its tests) have one place to
// ask — and to substitute.

/** The user's IANA time zone as the runtime reports it; UTC when it reports none. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
