import { describe, expect, it } from 'vitest';
import { facebookVanityKey } from '../../../core/accounts';
import {
  accountFromHref,
  FACEBOOK_PAGE_TYPES,
  FACEBOOK_RESERVED_SEGMENTS,
  facebookExpectsAccounts,
  facebookPageType,
  idFromHovercard,
  isFacebookHost,
  parseFacebookHref,
  type FacebookPageType,
} from '../../../sites/facebook/urls';

const PAGE_EXAMPLES: Record<FacebookPageType, string[]> = {
  home: [
    'https://www.facebook.com/',
    'https://web.facebook.com/',
    'https://m.facebook.com/home.php?_rdc=1&_rdr',
  ],
  profile: [
    'https://www.facebook.com/Nintendo',
    'https://www.facebook.com/rolanddelaluna?comment_id=Y29tbWVudDo4',
    'https://www.facebook.com/profile.php?id=61578263901346&sk=reviews',
    'https://www.facebook.com/people/Jane-Doe/100012345678/',
    'https://www.facebook.com/100090275521917/',
    'https://www.facebook.com/PowerMacCenter/reviews',
    'https://m.facebook.com/Nintendo/about',
    'https://www.facebook.com/Nintendo/posts/',
  ],
  page: [
    'https://www.facebook.com/pages/Prenzlauer-Berg-Berlin/112263548798140',
    'https://www.facebook.com/Mariano-Rajoy-Brey-54212446406',
    'https://www.facebook.com/pg/Nintendo/posts/',
  ],
  post: [
    'https://www.facebook.com/ironmaiden/posts/pfbid02XM9Uabh4DrExsfTo4zpJTUivryioKwBHzmX2VR',
    'https://www.facebook.com/permalink.php?story_fbid=1&id=2',
    'https://m.facebook.com/story.php?story_fbid=292448678693368&id=1',
    'https://www.facebook.com/Nintendo/posts/1234567890',
  ],
  photo: [
    'https://www.facebook.com/photo/?fbid=1144501625643317&set=a.117311035029053',
    'https://www.facebook.com/photo?fbid=866944181884270&set=pcb.866944225217599',
    'https://www.facebook.com/photo.php?fbid=1',
    'https://www.facebook.com/Nintendo/photos/a.1/2/',
  ],
  story: [
    'https://web.facebook.com/stories/?card_id=UzpfSVNDOjg0OTE0',
    'https://www.facebook.com/stories/123456789/UzpfSVNDOjg/',
  ],
  group: [
    'https://www.facebook.com/groups/southamericansincomputing/',
    'https://www.facebook.com/groups/123/user/456789/',
    'https://www.facebook.com/groups/123/posts/789/',
  ],
  watch: [
    'https://www.facebook.com/watch/?v=1',
    'https://www.facebook.com/reel/123456',
    'https://www.facebook.com/Nintendo/videos/123456/',
  ],
  messages: ['https://www.facebook.com/messages/t/123456/', 'https://www.facebook.com/messages/'],
  other: [
    'https://www.facebook.com/marketplace/',
    'https://www.facebook.com/settings',
    'https://www.facebook.com/l.php?u=https%3A%2F%2Fexample.com',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com',
    'https://www.facebook.com/events/123/',
    'https://www.facebook.com/groups/feed/',
    'https://www.facebook.com/hashtag/stophateforprofit',
    'https://www.facebook.com/search/top?q=nintendo',
    'https://www.instagram.com/',
  ],
};

describe('facebookPageType', () => {
  it.each(FACEBOOK_PAGE_TYPES)('has examples for %s', (type) => {
    expect(PAGE_EXAMPLES[type].length).toBeGreaterThan(0);
  });

  const cases = Object.entries(PAGE_EXAMPLES).flatMap(([type, urls]) =>
    urls.map((url) => [url, type] as const),
  );
  it.each(cases)('%s is %s, and no other type', (url, type) => {
    expect(facebookPageType(new URL(url))).toBe(type);
  });

  it('does not expect accounts in messages or elsewhere', () => {
    expect(FACEBOOK_PAGE_TYPES.filter((type) => !facebookExpectsAccounts(type))).toEqual([
      'messages',
      'other',
    ]);
  });
});

describe('accountFromHref (Facebook)', () => {
  it.each([
    ['https://www.facebook.com/Nintendo', 'nintendo'],
    ['https://www.facebook.com/Google/?fref=nf', 'google'],
    ['https://www.facebook.com/heymeedan?__cft__[0]=AZV&__tn__=-UC%2CP-R', 'heymeedan'],
    ['https://www.facebook.com/rolanddelaluna?comment_id=Y29tbWVudDo4', 'rolanddelaluna'],
    [
      'https://www.facebook.com/profile.php?id=100009817873523&__cft__[0]=AZV',
      'id:100009817873523',
    ],
    ['https://www.facebook.com/people/Jane-Doe/100012345678/', 'id:100012345678'],
    ['https://www.facebook.com/100090275521917/', 'id:100090275521917'],
    ['https://www.facebook.com/Mariano-Rajoy-Brey-54212446406', 'id:54212446406'],
    ['https://www.facebook.com/pages/Prenzlauer-Berg-Berlin/112263548798140', 'id:112263548798140'],
    ['https://www.facebook.com/groups/123/user/456789/', 'id:456789'],
    ['https://web.facebook.com/augustin.koulemou.121', 'augustinkoulemou121'],
    ['https://mbasic.facebook.com/snarfed.org', 'snarfedorg'],
    ['https://www.facebook.com/facebook', 'facebook'], // a real Page, not a route
  ])('%s → %s', (href, key) => {
    expect(accountFromHref(href)).toBe(key);
  });

  it('compares vanities as Facebook does: case and dots do not count', () => {
    for (const href of [
      '/Kim.Kardashian',
      '/kimkardashian/',
      '/k.i.m.kardashian',
      '/KIMKARDASHIAN',
    ])
      expect(accountFromHref(href)).toBe('kimkardashian');
    // The key is a vanity that keys to itself, so either side may normalise it again.
    expect(facebookVanityKey('kimkardashian')).toBe('kimkardashian');
    // Dots do not make a name long enough, nor digits a name.
    expect(facebookVanityKey('a.b.c.d')).toBeNull();
    expect(facebookVanityKey('12.345.678')).toBeNull();
    expect(accountFromHref('/12.345.678')).toBeNull();
  });

  it('resolves m./mbasic relative links with refid', () => {
    expect(
      accountFromHref('/Nintendo/?refid=52&__tn__=C-R', 'https://m.facebook.com/Nintendo/'),
    ).toBe('nintendo');
    expect(
      accountFromHref('/profile.php?id=100039113202005&refid=7', 'https://m.facebook.com/home.php'),
    ).toBe('id:100039113202005');
  });

  it('keeps the slug of a slug-id Page as another key', () => {
    expect(parseFacebookHref('https://www.facebook.com/Eastwood-Mall-441742409597529')).toEqual({
      key: 'id:441742409597529',
      altKeys: ['eastwood-mall-441742409597529'],
    });
  });

  it.each([
    '/messages/t/123456/',
    '/stories/123456789/UzpfSVNDOjg/',
    '/friends/requests/?profile_id=100009817873523',
    '/photo/?fbid=1144501625643317&set=a.117311035029053',
    '/permalink.php?story_fbid=1&id=100009817873523',
    '/ironmaiden/posts/pfbid02XM9Uabh4DrExsfTo4zpJTUivryioKwBHzmX2VR/',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com',
    '/l.php?u=https%3A%2F%2Fexample.com',
    '/home.php',
    '/stories.php',
    '/groups/123456/',
    '/pages/category/Video-Game/Nintendo/posts/',
    '/profile.php',
    '/profile.php?id=abc',
    '/profile.php?id=61578263901346&sk=reviews',
    '/watch/',
    '/marketplace',
    '/abc', // vanities have at least 5 characters
    '/1234', // ids at least 5 digits
    '/some-hyphen-name',
    '/hashtag/stophateforprofit',
    '/Nintendo/photos/a.1/2/',
    'https://www.instagram.com/nintendo/',
    'https://developers.facebook.com/docs',
    'javascript:void(0)',
    '',
  ])('%s is not an account link', (href) => {
    expect(accountFromHref(href)).toBeNull();
  });

  it('rejects every reserved segment, in any case', () => {
    for (const segment of FACEBOOK_RESERVED_SEGMENTS) {
      expect(accountFromHref(`/${segment}`)).toBeNull();
      expect(accountFromHref(`/${segment.toUpperCase()}/`)).toBeNull();
    }
    expect(FACEBOOK_RESERVED_SEGMENTS.has('facebook')).toBe(false);
  });

  it('knows its hosts', () => {
    expect(
      [
        'facebook.com',
        'www.facebook.com',
        'web.facebook.com',
        'm.facebook.com',
        'mbasic.facebook.com',
      ].map(isFacebookHost),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['l.facebook.com', 'developers.facebook.com', 'facebook.com.evil.example'].map(
        isFacebookHost,
      ),
    ).toEqual([false, false, false]);
  });
});

describe('idFromHovercard', () => {
  it.each([
    ['/ajax/hovercard/user.php?id=502992052', 'id:502992052'],
    ['/ajax/hovercard/page.php?id=13320939444&extragetparams=%7B%7D', 'id:13320939444'],
    [
      '/ajax/hovercard/hovercard.php?id=1487332278&extragetparams=%7B%22hc_location%22%3A%22ufi%22%7D',
      'id:1487332278',
    ],
  ])('%s → %s', (value, key) => {
    expect(idFromHovercard(value)).toBe(key);
  });

  it.each([
    '/ajax/hovercard/application.php?id=123456',
    '/ajax/canvas/navigation/hovercard?id=123456',
    '/ajax/hovercard/user.php?id=12',
    '/ajax/hovercard/user.php?id=12345abc',
    '',
  ])('%s gives no account', (value) => {
    expect(idFromHovercard(value)).toBeNull();
  });

  it('gives nothing without an attribute', () => {
    expect(idFromHovercard(null)).toBeNull();
  });
});
