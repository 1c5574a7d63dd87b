// The HTML builder of the node tools: data only ever becomes text (fast-check through a real HTML
// parser), and markup a data page never needs is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  el,
  escapeHtml,
  fragment,
  htmlDocument,
  isSafeLink,
  styleSheet,
  type Markup,
} from '../../../scripts/lib/html';
import { XSS_PAYLOADS } from '../../data/security/xss';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('el()', () => {
  it('escapes text and attribute values and keeps nested markup', () => {
    const markup = el(
      'p',
      { class: 'a"b', title: "it's <b>" },
      'x < y & z',
      el('em', null, '"q"'),
      3,
      null,
      false,
      ['!', undefined],
    );
    expect(markup.html).toBe(
      '<p class="a&quot;b" title="it&#39;s &lt;b&gt;">x &lt; y &amp; z<em>&quot;q&quot;</em>3!</p>',
    );
    expect(el('meta', { charset: 'utf-8' }).html).toBe('<meta charset="utf-8">');
    expect(el('input', { disabled: true, hidden: false }).html).toBe('<input disabled>');
    expect(fragment('a', el('br', null)).html).toBe('a<br>');
  });

  it('takes https://, mailto: and relative links only', () => {
    for (const href of [
      'https://example.org/a?b=<c>',
      'mailto:fixes@tenants.example.org',
      'pack.json',
      'pack.json.sig',
      '#top',
      '/x/y',
      '?q=1',
    ])
      expect(isSafeLink(href), href).toBe(true);
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://example.org/',
      '//evil.example/',
      '/\\evil.example/',
      'https://exa mple.org/',
      'vbscript:x',
      'mailto:a b@example.org',
    ]) {
      expect(isSafeLink(href), href).toBe(false);
      expect(() => el('a', { href }, 'x')).toThrow(/https:\/\/, mailto: or relative/);
    }
  });

  it('refuses scripts, handlers, style attributes, odd names and markup it did not make', () => {
    expect(() => el('script', null, 'x')).toThrow();
    expect(() => el('iframe', null)).toThrow();
    expect(() => el('style', null, 'x')).toThrow();
    expect(() => el('p', { onclick: 'x' })).toThrow();
    expect(() => el('p', { style: 'color:red' })).toThrow();
    expect(() => el('p', { 'a b': 'x' })).toThrow();
    expect(() => el('img onerror=x', null)).toThrow();
    expect(() => el('br', null, 'text')).toThrow();
    const forged = { html: '<img src=x onerror=alert(1)>' } as Markup;
    expect(() => el('p', null, forged)).toThrow(/Only markup made by el\(\)/);
    expect(() => styleSheet('p{}</style><script>alert(1)</script>')).toThrow();
  });

  it('builds a whole document', () => {
    const html = htmlDocument({ lang: 'en' }, [el('title', null, 'T<')], [el('p', null, 'x')]);
    expect(html).toBe(
      '<!doctype html>\n<html lang="en"><head><title>T&lt;</title></head><body><p>x</p></body></html>\n',
    );
  });
});

describe('any text stays text (fast-check, parsed as HTML)', () => {
  // Carriage returns and NUL are normalised by every HTML parser whatever the escaping; left out.
  const text = fc.oneof(
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        '/',
        '=',
        ' ',
        'a',
        'script',
        '!--',
        ';',
        '#',
        'é',
        '\u202e',
      ),
    }),
    fc.constantFrom(...XSS_PAYLOADS),
    fc.string({ unit: 'grapheme' }),
  );

  it('as element content and as an attribute value, it comes back exactly', () => {
    fc.assert(
      fc.property(text, text, (content, attribute) => {
        const doc = parse(
          htmlDocument({ lang: 'en' }, [], [el('p', { id: 'p', title: attribute }, content)]),
        );
        const p = doc.getElementById('p')!;
        expect(p.textContent).toBe(content);
        expect(p.getAttribute('title')).toBe(attribute);
        expect(p.children).toHaveLength(0);
        expect(doc.body.children).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapeHtml leaves no markup character', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeHtml(value)).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/);
      }),
    );
  });
});
