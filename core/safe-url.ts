// Which addresses from a pack may become links: only https, so a pack cannot smuggle in
// `javascript:` or `data:` URLs; everything else is shown as text.

/** The normalised https URL, or null for any other scheme and for text that is no URL. */
export function safeHttpsUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
