// Checklist A3: only https: URLs become links, everywhere a pack URL can surface (the content
// script's badge, the popup and options' ExternalLink, the validator that guards every import),
// and links open in a new tab without opener or referrer.
import { render } from '@testing-library/preact';
import fc from 'fast-check';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
// The badge (content/badge-entry.ts) and the pages (ExternalLink) both use this one check.
import { safeHttpsUrl } from '../../../core/safe-url';
import { ExternalLink } from '../../../components/shared/ExternalLink';
import { validatePack } from '../../../core/pack/validate';

/** Schemes and disguises that must never become a link. */
export const HOSTILE_URLS = [
  'javascript:window.__pwn=1',
  'JaVaScRiPt:window.__pwn=1',
  '\u0001javascript:window.__pwn=1',
  ' javascript:window.__pwn=1',
  'java\tscript:window.__pwn=1',
  'java\nscript:window.__pwn=1',
  'javascript&colon;window.__pwn=1',
  'data:text/html,<script>window.__pwn=1</script>',
  'blob:https://www.instagram.com/0b5c2a30-5b4e-4c4e-9a55-3a2b1f1e9f00',
  'http://news.example.com/plain-http',
  'HTTP://NEWS.EXAMPLE.COM/',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html',
  '//evil.example/protocol-relative',
  '/relative/path',
  'https',
  'https:',
  '',
];

const isHttps = (href: string | null) => href === null || new URL(href).protocol === 'https:';

function sampleWith(url: string): unknown {
  return {
    format: 'picket-pack/1',
    id: 'url-pack',
    version: 1,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: { name: 'P', url, corrections: url },
    campaigns: [
      {
        id: 'c1',
        name: 'C',
        url,
        coalition: [{ name: 'M', url }],
        participants: [],
        sources: [{ id: 'S1', url }],
      },
    ],
  };
}

describe('A3: URL allowlist', () => {
  it('refuses every hostile scheme in the badge, the extension pages and the validator', () => {
    for (const url of HOSTILE_URLS) {
      expect(safeHttpsUrl(url), url).toBeNull();
      const verdict = validatePack(sampleWith(url));
      expect(verdict.ok, url).toBe(false);
    }
  });

  it('keeps https URLs, whatever their case or query, and the validator accepts them', () => {
    for (const url of [
      'https://news.example.com/a?q=%3Cimg%20src=x%3E#frag',
      'HTTPS://News.Example.com/',
    ]) {
      expect(safeHttpsUrl(url)).toMatch(/^https:\/\//);
    }
    expect(validatePack(sampleWith('https://news.example.com/a?q=<b>')).ok).toBe(true);
  });

  it('for any text, the result is null or an https URL; never throws (fuzz)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.constantFrom(...HOSTILE_URLS), fc.string({ maxLength: 20 }))
        .map(([a, b]) => a + b),
      fc
        .tuple(
          fc.string({ unit: 'binary', maxLength: 4 }),
          fc.constantFrom('https:', 'javascript:'),
        )
        .map(([prefix, scheme]) => `${prefix}${scheme}//x.example/`),
    );
    fc.assert(
      fc.property(text, (raw) => {
        expect(isHttps(safeHttpsUrl(raw))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('ExternalLink renders text for non-https and a safe new-tab link for https', () => {
    for (const url of HOSTILE_URLS) {
      const { container, unmount } = render(h(ExternalLink, { href: url, children: 'label' }));
      expect(container.querySelector('a'), url).toBeNull();
      expect(container.textContent).toBe('label');
      unmount();
    }
    const { container } = render(
      h(ExternalLink, { href: 'https://news.example.com/x', children: 'label' }),
    );
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://news.example.com/x');
    expect(link.target).toBe('_blank');
    expect(link.rel.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });
});
