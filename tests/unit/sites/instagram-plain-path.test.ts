// The Instagram scan reads a path-only href (`/name/`) without the URL parser. These tests hold
// that shortcut to the parser's answer: same path, same account, for any href it accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkFromPath, parseInstagramHref, plainPathOf } from '../../../sites/instagram/urls';

const BASE = 'https://www.instagram.com/some/page/';

/** Hrefs built from the pieces the shortcut has to get right or refuse. */
const pathLike = fc
  .array(
    fc.constantFrom(
      '/',
      '//',
      'nike',
      'NiKe',
      'a.b_c',
      'reels',
      'p',
      'explore',
      'accounts',
      '.',
      '..',
      '.x',
      '%2e',
      '%41',
      '\\',
      ' ',
      '\t',
      '\n',
      '?',
      '#',
      '=',
      ':',
      '@',
      '~',
      '-',
      'é',
      'x'.repeat(31),
    ),
    { maxLength: 10 },
  )
  .map((pieces) => pieces.join(''));

function assertAgrees(href: string): void {
  const path = plainPathOf(href);
  if (path === null) return;
  // The parser keeps the path exactly, and the account read from it is the parser's.
  expect(new URL(href, BASE).pathname).toBe(path);
  expect(linkFromPath(path)).toEqual(parseInstagramHref(href, BASE));
}

describe('Instagram plain-path shortcut', () => {
  it('reads the usual links like the URL parser does', () => {
    const cases: Array<[string, ReturnType<typeof linkFromPath>]> = [
      ['/nike/', { key: 'nike', tab: 'profile' }],
      ['/NiKe', { key: 'nike', tab: 'profile' }],
      ['/nike/reels/', { key: 'nike', tab: 'reels' }],
      ['/nike/tagged/', null],
      ['/p/Cx1abc/', null],
      ['/explore/people/', null],
      ['/nike/?enable_persistent_cta=true', { key: 'nike', tab: 'profile' }],
      ['/a.b_c/#x', { key: 'a.b_c', tab: 'profile' }],
      ['/', null],
    ];
    for (const [href, expected] of cases) {
      expect(plainPathOf(href), href).not.toBeNull();
      expect(linkFromPath(plainPathOf(href)!), href).toEqual(expected);
      assertAgrees(href);
    }
  });

  it('leaves to the parser what it would normalise', () => {
    for (const href of [
      '//nike/',
      '/\\nike/',
      '/../nike/',
      '/nike/./',
      '/%6Eike/',
      ' /nike/',
      '/nike/ ',
      '/ni\tke/',
      'nike/',
      'https://www.instagram.com/nike/',
      '',
    ]) {
      expect(plainPathOf(href), JSON.stringify(href)).toBeNull();
    }
  });

  it('agrees with the URL parser on any href it accepts', () => {
    fc.assert(fc.property(pathLike, assertAgrees), { numRuns: 2_000 });
  });
});
