import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACEBOOK_NUMERIC_ID, FACEBOOK_VANITY, INSTAGRAM_USERNAME } from '../../../core/accounts';
import * as facebook from '../../../sites/facebook/urls';
import * as instagram from '../../../sites/instagram/urls';
import { INSTAGRAM_RESERVED_SEGMENTS } from '../../../sites/instagram/reserved';

/** Strings shaped like hrefs: arbitrary text, URLs, and paths built from profile-ish pieces. */
const hrefLike = fc.oneof(
  fc.string(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom(
        '',
        '/',
        'https://www.instagram.com/',
        'https://www.facebook.com/',
        'https://m.facebook.com/',
        '//instagram.com/',
        'http://',
      ),
      fc.stringMatching(/^[A-Za-z0-9._%?=&#/-]{0,40}$/),
    )
    .map(([prefix, rest]) => prefix + rest),
);

const instagramKeyShape = (key: string): boolean =>
  INSTAGRAM_USERNAME.test(key) &&
  key === key.toLowerCase() &&
  !INSTAGRAM_RESERVED_SEGMENTS.has(key);

const facebookKeyShape = (key: string): boolean =>
  key.startsWith('id:')
    ? FACEBOOK_NUMERIC_ID.test(key.slice(3))
    : FACEBOOK_VANITY.test(key) && key === key.toLowerCase();

describe('handle parsing properties', () => {
  it('Instagram: never throws, and only returns contract-shaped, non-reserved keys', () => {
    fc.assert(
      fc.property(hrefLike, (href) => {
        const key = instagram.accountFromHref(href);
        return key === null || instagramKeyShape(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('Instagram: parsing is idempotent (a key read back as a link gives itself)', () => {
    fc.assert(
      fc.property(hrefLike, (href) => {
        const key = instagram.accountFromHref(href);
        if (key === null) return true;
        return (
          instagram.accountFromHref(`/${key}/`) === key &&
          instagram.accountFromHref(`https://www.instagram.com/${key}/?hl=en`) === key
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('Instagram: any valid username round-trips, whatever its case, query or form', () => {
    fc.assert(
      fc.property(
        // `.` and `..` are dot-segments: `/../` is the home page, as in any browser.
        fc.stringMatching(/^[A-Za-z0-9._]{1,30}$/).filter((name) => name !== '.' && name !== '..'),
        fc.constantFrom('', '?hl=en', '?enable_persistent_cta=true&e=1', '#x'),
        fc.boolean(),
        (name, suffix, absolute) => {
          const lower = name.toLowerCase();
          const href = `${absolute ? 'https://www.instagram.com' : ''}/${name}/${suffix}`;
          const expected = INSTAGRAM_RESERVED_SEGMENTS.has(lower) ? null : lower;
          return instagram.accountFromHref(href) === expected;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('Facebook: never throws, and only returns contract-shaped keys', () => {
    fc.assert(
      fc.property(hrefLike, (href) => {
        const link = facebook.parseFacebookHref(href);
        return link === null || [link.key, ...link.altKeys].every(facebookKeyShape);
      }),
      { numRuns: 2000 },
    );
  });

  it('Facebook: parsing is idempotent', () => {
    fc.assert(
      fc.property(hrefLike, (href) => {
        const key = facebook.accountFromHref(href);
        if (key === null) return true;
        const back = key.startsWith('id:')
          ? `https://www.facebook.com/profile.php?id=${key.slice(3)}&__tn__=R`
          : `https://www.facebook.com/${key}?fref=nf`;
        return facebook.accountFromHref(back) === key;
      }),
      { numRuns: 2000 },
    );
  });

  it('Facebook: numeric ids round-trip in every link form', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{4,19}$/), (id) => {
        const forms = [
          `/profile.php?id=${id}`,
          `/${id}/`,
          `/people/Some-Name/${id}/`,
          `/groups/1234567/user/${id}/`,
        ];
        return forms.every((href) => facebook.accountFromHref(href) === `id:${id}`);
      }),
    );
  });

  it('page types never throw on arbitrary URLs', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const parsed = new URL(url);
        return (
          instagram.INSTAGRAM_PAGE_TYPES.includes(instagram.instagramPageType(parsed)) &&
          facebook.FACEBOOK_PAGE_TYPES.includes(facebook.facebookPageType(parsed))
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a Facebook href’s tracking query', () => {
  it('never changes the account it names, however long or odd (only profile.php reads its query)', () => {
    const path = fc.constantFrom(
      '/kimk',
      '/kimk/',
      '/Some-Page-100064123456789/',
      '/people/Jane-Doe/100000123456789/',
      '/groups/123456/user/100000123456789/',
      '/photo.php',
      '/watch/',
    );
    const query = fc.string({ maxLength: 300 }).map((text) => encodeURIComponent(text));
    fc.assert(
      fc.property(path, query, fc.boolean(), (p, q, hash) => {
        const tracked = `https://www.facebook.com${p}${hash ? '#' : '?'}__cft__[0]=${q}&__tn__=R`;
        expect(facebook.parseFacebookHref(tracked)).toEqual(
          facebook.parseFacebookHref(`https://www.facebook.com${p}`),
        );
      }),
    );
    expect(
      facebook.parseFacebookHref(
        'https://www.facebook.com/profile.php?id=100000123456789&__cft__[0]=x',
      ),
    ).toEqual({ key: 'id:100000123456789', altKeys: [] });
    expect(
      facebook.parseFacebookHref(
        'https://www.facebook.com/profile.php?id=100000123456789&sk=reviews',
      ),
    ).toBeNull();
  });
});
