// A tiny HTML builder for the pages the node tools write (pack:publish's index.html). Text and
// attribute values are always escaped, so data can only ever be text; markup exists only as values
// this module made. It refuses what a data page never needs: scripts, event handler attributes,
// style attributes and links that are not https://, mailto: or relative.

const TAG = /^[a-z][a-z0-9]*$/;
const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;
const VOID_TAGS = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'wbr']);
const REFUSED_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'cite', 'poster']);

const made = new WeakSet<object>();

/** Markup built here (never from a string given from outside). */
export interface Markup {
  readonly html: string;
}

function markup(html: string): Markup {
  const value = Object.freeze({ html });
  made.add(value);
  return value;
}

export type Child = string | number | Markup | null | undefined | false | readonly Child[];
export type Attributes = Record<string, string | number | boolean | null | undefined>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;

/**
 * An https:// address, a mailto: address (a pack's corrections contact may be one), or a relative
 * one (`pack.json`, `#top`): nothing with another scheme.
 */
export function isSafeLink(value: string): boolean {
  if (SPACE_OR_CONTROL.test(value)) return false;
  if (/^(https:\/\/|mailto:)/i.test(value)) return true;
  // Relative: no scheme before the first / ? or #, and no `//host` (browsers read `/\\` so too).
  return !/^[^/?#]*:/.test(value) && !/^[/\\]{2}/.test(value);
}

function renderChildren(children: readonly Child[]): string {
  let html = '';
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') html += escapeHtml(child);
    else if (typeof child === 'number') html += escapeHtml(String(child));
    else if (Array.isArray(child)) html += renderChildren(child as readonly Child[]);
    else if (made.has(child as object)) html += (child as Markup).html;
    else throw new Error('Only markup made by el() can be inserted; text is passed as a string.');
  }
  return html;
}

function renderAttributes(attributes: Attributes | null): string {
  let html = '';
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (!ATTRIBUTE.test(name) || name.startsWith('on') || name === 'style')
      throw new Error(`Attribute "${name}" is not allowed.`);
    if (value === true) {
      html += ` ${name}`;
      continue;
    }
    const text = String(value);
    if (URL_ATTRIBUTES.has(name) && !isSafeLink(text))
      throw new Error(`Attribute "${name}" must be an https://, mailto: or relative address.`);
    html += ` ${name}="${escapeHtml(text)}"`;
  }
  return html;
}

/** `<tag attributes>children</tag>`, every string escaped. */
export function el(tag: string, attributes: Attributes | null, ...children: Child[]): Markup {
  if (!TAG.test(tag) || REFUSED_TAGS.has(tag)) throw new Error(`Element <${tag}> is not allowed.`);
  const open = `<${tag}${renderAttributes(attributes)}>`;
  if (VOID_TAGS.has(tag)) {
    if (children.length > 0) throw new Error(`<${tag}> has no content.`);
    return markup(open);
  }
  return markup(`${open}${renderChildren(children)}</${tag}>`);
}

/** Several pieces side by side. */
export function fragment(...children: Child[]): Markup {
  return markup(renderChildren(children));
}

/** A `<style>` element for the page's own CSS (a constant of the calling code, never data). */
export function styleSheet(css: string): Markup {
  if (/<\//.test(css)) throw new Error('CSS may not contain "</".');
  return markup(`<style>${css}</style>`);
}

/** A whole document: doctype, `<html>` with its attributes, head and body. */
export function htmlDocument(attributes: Attributes, head: Child[], body: Child[]): string {
  return `<!doctype html>\n${el('html', attributes, el('head', null, ...head), el('body', null, ...body)).html}\n`;
}
