// Checklist A1, the fuzz half: arbitrary text (any Unicode, markup fragments, bidi and zero-width
// characters) in every field the badge popover and the in-page notice show comes out exactly as
// it went in, as text nodes, and never creates an element. The real-browser half with a fixed
// corpus is tests/e2e/security.e2e.test.ts.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeShadowRoot, createBadge, removeBadge } from '../../../content/badge';
import { noticeShadowRoot, showNotice } from '../../../content/notice';
import type { BadgeInfo } from '../../../core/messages';
import { testTranslate, trusted } from '../content/harness';
import { XSS_PAYLOADS } from '../../data/security/xss';

/** Tags the badge and notice build themselves; anything else would have come from data. */
const OWN_TAGS = new Set([
  'style',
  'span',
  'button',
  'svg',
  'path',
  'div',
  'section',
  'h3',
  'ul',
  'li',
  'p',
  'a',
]);

/** Non-blank text of up to 2,000 characters mixing payload fragments with arbitrary Unicode. */
const field = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(...XSS_PAYLOADS, '<', '>', '&amp;', '\u202E', '\u200B', '\u2066', '\uFEFF'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => `x${parts.join('')}`.slice(0, 2000));

beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  for (const badge of document.querySelectorAll('picket-badge')) removeBadge(badge);
});

describe('A1: any text stays text (property)', () => {
  it('badge popover: every field is a text node equal to the input, no element from data', () => {
    fc.assert(
      fc.property(
        fc.record({
          campaignName: field,
          hashtag: field,
          participantName: field,
          summary: field,
          eventTitle: field,
          publisher: field,
          title: field,
        }),
        (d) => {
          const info: BadgeInfo = {
            platform: 'instagram',
            handle: 'someone',
            entries: [
              {
                packId: 'p',
                campaignId: 'c',
                participantId: 'x',
                campaignName: d.campaignName,
                hashtag: d.hashtag,
                participantName: d.participantName,
                role: 'participant',
                actions: [{ summary: d.summary, eventTitle: d.eventTitle }],
                sources: [{ url: 'https://example.org/s', publisher: d.publisher, title: d.title }],
                account: { confidence: 'verified' },
              },
            ],
          };
          const badge = createBadge(document, info, 'label', { t: testTranslate, locale: 'en' });
          document.body.append(badge);
          const shadow = badgeShadowRoot(badge)!;
          shadow
            .querySelector('button')!
            .dispatchEvent(
              trusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })),
            );
          const popover = shadow.querySelector('.pop')!;
          const texts = [...popover.querySelectorAll('*')].map((e) => e.textContent);
          for (const datum of [
            d.campaignName,
            d.participantName,
            d.summary,
            d.publisher,
            d.title,
          ]) {
            expect(texts).toContain(datum);
          }
          // The badge's words are the fixed vocabulary's, never the pack's text.
          expect(shadow.querySelector('.label')!.textContent).toBe('claim.tookPart');
          for (const element of shadow.querySelectorAll('*')) {
            expect(OWN_TAGS.has(element.localName), element.localName).toBe(true);
            expect(element.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
          }
          expect([...popover.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
            'https://example.org/s',
          ]);
          removeBadge(badge);
          badge.remove();
        },
      ),
      { numRuns: 300 },
    );
    expect((window as unknown as { __pwn?: unknown }).__pwn).toBeUndefined();
  });

  it('notice: title and message are exactly the input, as text', () => {
    fc.assert(
      fc.property(field, field, (title, message) => {
        const notice = showNotice(document, { id: 'n', title, message }, testTranslate, () => {});
        const shadow = noticeShadowRoot(notice.element)!;
        expect(shadow.querySelector('.title')!.textContent).toBe(title);
        expect(shadow.querySelector('.message')!.textContent).toBe(message);
        for (const element of shadow.querySelectorAll('*')) {
          expect(OWN_TAGS.has(element.localName), element.localName).toBe(true);
        }
        expect(notice.element.textContent).toBe('');
        notice.remove();
      }),
      { numRuns: 500 },
    );
    expect((window as unknown as { __pwn?: unknown }).__pwn).toBeUndefined();
  });
});
