// One stylesheet object shared by every badge (and the notice), built once. Constructable sheets
// are not subject to the page's style-src CSP. Firefox may refuse a sheet built in the content
// script's compartment for a page-owned shadow root, so a `<style>` element is the fallback.

const sheets = new Map<string, CSSStyleSheet | null>();

function sharedSheet(css: string): CSSStyleSheet | null {
  if (sheets.has(css)) return sheets.get(css)!;
  let sheet: CSSStyleSheet | null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null;
  }
  sheets.set(css, sheet);
  return sheet;
}

/** Whether adopting a shared sheet has been seen to work; then later roots skip the check. */
let adoptionWorks = false;

export function applyShadowStyle(shadow: ShadowRoot, css: string): void {
  const sheet = sharedSheet(css);
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      if (adoptionWorks) return;
      if (shadow.adoptedStyleSheets.length === 1) {
        adoptionWorks = true;
        return;
      }
    } catch {
      // Fall through to the <style> element.
    }
  }
  const style = shadow.ownerDocument.createElement('style');
  // Firefox holds a content-script <style> to the page's CSP unless its text is (re)set from the
  // content script before it is inserted.
  style.textContent = '';
  style.textContent = css;
  shadow.prepend(style);
}
