// The site's own light or dark theme where it differs from the system's: Facebook states it as a
// class on <html> (`__fb-dark-mode` / `__fb-light-mode`); Instagram has none, so its badges follow
// the system scheme alone. Read once per document and kept current by the content script's one
// observer (content/observer.ts watches <html>'s class and calls refreshSiteTheme).

export type SiteTheme = 'fb-dark' | 'fb-light' | null;

const themes = new WeakMap<Document, SiteTheme>();

function readSiteTheme(document: Document): SiteTheme {
  const classes = document.documentElement?.classList;
  if (classes?.contains('__fb-dark-mode')) return 'fb-dark';
  if (classes?.contains('__fb-light-mode')) return 'fb-light';
  return null;
}

export function siteTheme(document: Document): SiteTheme {
  let theme = themes.get(document);
  if (theme === undefined) {
    theme = readSiteTheme(document);
    themes.set(document, theme);
  }
  return theme;
}

/** Reads the theme again; true when it changed since last read. */
export function refreshSiteTheme(document: Document): boolean {
  const previous = themes.get(document);
  const next = readSiteTheme(document);
  themes.set(document, next);
  return previous !== undefined && previous !== next;
}
