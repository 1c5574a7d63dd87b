import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTAGRAM_RESERVED_SEGMENTS } from '../../../sites/instagram/reserved';
import {
  accountFromHref,
  INSTAGRAM_PAGE_TYPES,
  instagramExpectsAccounts,
  instagramPageType,
  isInstagramHost,
  parseInstagramHref,
  type InstagramPageType,
} from '../../../sites/instagram/urls';

const sharedDir = path.resolve(__dirname, '../../../../shared');

/** Every page type with URLs of it (Refined GitHub style: each URL must be its own type only). */
const PAGE_EXAMPLES: Record<InstagramPageType, string[]> = {
  home: [
    'https://www.instagram.com/',
    'https://instagram.com/',
    'https://www.instagram.com/?hl=en',
  ],
  profile: [
    'https://www.instagram.com/gdg_rbu/',
    'https://www.instagram.com/hylluahusein/?__pwa=1',
    'https://www.instagram.com/powermaccenter/?hl=en',
    'http://instagram.com/i_am_kiko',
    'https://www.instagram.com/gdg_rbu/tagged/',
    'https://www.instagram.com/gdg_rbu/reels/',
    'https://www.instagram.com/cristiano/followers/',
    'https://m.instagram.com/khan_insha082/',
  ],
  post: [
    'https://www.instagram.com/p/CkWUj0hLhnz/',
    'https://www.instagram.com/p/DMGPVkLxLTn/?img_index=2',
    'https://www.instagram.com/columbia.ums/p/DOuQoNmDKST/',
    'https://www.instagram.com/tv/B1234567890/',
  ],
  reel: ['https://www.instagram.com/reel/CylhvG9PQHi/', 'https://www.instagram.com/x/reel/Cyl/'],
  reels: ['https://www.instagram.com/reels/', 'https://www.instagram.com/reels/DUYDBGXgi8u/'],
  stories: [
    'https://www.instagram.com/stories/jaimelorentelo/2593347452245423531/',
    'https://www.instagram.com/stories/highlights/17890000000000000/',
  ],
  explore: [
    'https://www.instagram.com/explore/',
    'https://www.instagram.com/explore/tags/goldenbike/',
    'https://www.instagram.com/explore/people/',
  ],
  search: [
    'https://www.instagram.com/explore/search/',
    'https://www.instagram.com/explore/search/keyword/?q=bikes',
  ],
  direct: ['https://www.instagram.com/direct/inbox/', 'https://www.instagram.com/direct/t/1234/'],
  other: [
    'https://www.instagram.com/accounts/login/',
    'https://www.instagram.com/legal/privacy/',
    'https://www.instagram.com/reels/audio/1557745481627009/',
    'https://www.instagram.com/p/',
    'https://www.instagram.com/web/lite/',
    'https://www.instagram.com/gdg_rbu/unknown-tab/',
    'https://about.instagram.com/',
    'https://www.facebook.com/',
  ],
};

describe('instagramPageType', () => {
  it.each(INSTAGRAM_PAGE_TYPES)('has examples for %s', (type) => {
    expect(PAGE_EXAMPLES[type].length).toBeGreaterThan(0);
  });

  const cases = Object.entries(PAGE_EXAMPLES).flatMap(([type, urls]) =>
    urls.map((url) => [url, type] as const),
  );
  it.each(cases)('%s is %s, and no other type', (url, type) => {
    expect(instagramPageType(new URL(url))).toBe(type);
  });

  it('expects accounts where feeds, profiles, posts, reels and stories are', () => {
    const expecting = INSTAGRAM_PAGE_TYPES.filter((type) => instagramExpectsAccounts(type));
    expect(expecting).toEqual(['home', 'profile', 'post', 'reel', 'reels', 'stories']);
  });
});

describe('accountFromHref (Instagram)', () => {
  it.each([
    ['https://www.instagram.com/kenyan_memess/', 'kenyan_memess'],
    ['/gdg_rbu/', 'gdg_rbu'],
    ['/i_am_kiko', 'i_am_kiko'], // 2013: no trailing slash
    ['/bdswiss_africa/?enable_persistent_cta=true&e=62677b8d&a_mpk=x', 'bdswiss_africa'],
    ['https://www.instagram.com/powermaccenter/?hl=en', 'powermaccenter'],
    ['https://www.instagram.com/CamelCase.User/', 'camelcase.user'],
    ['http://instagram.com/x_y/', 'x_y'],
    ['https://m.instagram.com/abc/', 'abc'],
    ['/__.saint_john.__/#top', '__.saint_john.__'],
    ['HTTPS://WWW.INSTAGRAM.COM/Upper/', 'upper'],
  ])('%s → %s', (href, key) => {
    expect(accountFromHref(href)).toBe(key);
  });

  it.each([
    '/p/C2nWafOCd6Y/',
    '/p/C2nWafOCd6Y/liked_by/',
    '/reel/CylhvG9PQHi/',
    '/explore/',
    '/explore/people/',
    '/Explore/',
    '/accounts/login/',
    '/direct/inbox/',
    '/language/preferences/',
    '/gdg_rbu/followers/',
    '/gdg_rbu/following/',
    '/gdg_rbu/tagged/',
    '/gdg_rbu/p/C-LXEbKBTrs/',
    '/gdg_rbu/reel/Cx/',
    '/gdg_rbu/reels/', // the Reels tab: only an author link on the reels viewer (parseInstagramHref)
    '/mtbseriesmdq/followers/mutualOnly',
    '/reels/audio/1557745481627009/',
    '/a_username_that_is_far_too_long_x/',
    '/bad-name/',
    '/@kim/',
    'https://www.threads.net/@kim',
    'https://l.instagram.com/?u=https%3A%2F%2Flinktr.ee%2Fx',
    'https://www.facebook.com/ads/ig_redirect/?d=Ad8t',
    'https://about.instagram.com/',
    'https://www.instagram.com.evil.example/kim/',
    'javascript:;',
    'mailto:kim@example.com',
    '',
  ])('%s is not an account link', (href) => {
    expect(accountFromHref(href)).toBeNull();
  });

  it('resolves relative hrefs against the page, as a.href does', () => {
    const page = 'https://www.instagram.com/p/DMGPVkLxLTn/';
    expect(accountFromHref('../../nasa/', page)).toBe('nasa');
    // `#` alone is the page itself: on a profile that is the profile (so the adapter skips `#` links).
    expect(accountFromHref('#', 'https://www.instagram.com/gdg_rbu/')).toBe('gdg_rbu');
    expect(accountFromHref('#', page)).toBeNull();
  });

  it('reports /<user>/reels/ separately, as the reels tab author link', () => {
    expect(parseInstagramHref('/helga_luma/reels/')).toEqual({ key: 'helga_luma', tab: 'reels' });
    expect(parseInstagramHref('/helga_luma/')).toEqual({ key: 'helga_luma', tab: 'profile' });
    expect(parseInstagramHref('/reels/reels/')).toBeNull();
  });

  it('knows its hosts', () => {
    expect(
      ['instagram.com', 'www.instagram.com', 'WWW.Instagram.com', 'm.instagram.com'].map(
        isInstagramHost,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ['l.instagram.com', 'about.instagram.com', 'instagram.com.evil.example'].map(isInstagramHost),
    ).toEqual([false, false, false]);
  });
});

describe('reserved first segments', () => {
  it('holds lower-case segments only', () => {
    for (const segment of INSTAGRAM_RESERVED_SEGMENTS) expect(segment).toBe(segment.toLowerCase());
  });

  it.each([
    'p',
    'reel',
    'reels',
    'stories',
    'explore',
    'accounts',
    'direct',
    'about',
    'legal',
    'language',
  ])('%s is reserved', (segment) => {
    expect(INSTAGRAM_RESERVED_SEGMENTS.has(segment)).toBe(true);
    expect(accountFromHref(`/${segment}/`)).toBeNull();
  });

  it.runIf(fs.existsSync(path.join(sharedDir, 'fixtures/ig-routes.txt')))(
    "covers every static first segment of Instagram's route table (../shared/fixtures/ig-routes.txt)",
    () => {
      const routes = fs.readFileSync(path.join(sharedDir, 'fixtures/ig-routes.txt'), 'utf8');
      const firstSegments = new Set<string>();
      for (const line of routes.split('\n')) {
        const first = line.split('\t')[0]?.split('/')[1];
        // `*` is the username slot; `[^/]+` lines are regexes over any username.
        if (first && first !== '*' && !first.startsWith('[')) firstSegments.add(first);
      }
      expect(firstSegments.size).toBeGreaterThan(100);
      const missing = [...firstSegments].filter(
        (segment) => !INSTAGRAM_RESERVED_SEGMENTS.has(segment.toLowerCase()),
      );
      expect(missing).toEqual([]);
    },
  );

  it.runIf(fs.existsSync(path.join(sharedDir, 'research/dom-patterns.md')))(
    'covers the reserved list of research/dom-patterns.md',
    () => {
      const doc = fs.readFileSync(path.join(sharedDir, 'research/dom-patterns.md'), 'utf8');
      const section = doc.split('### Reserved first path segments (not usernames)')[1] ?? '';
      const list = /`([^`]+)`/.exec(section)?.[1] ?? '';
      const words = list.split(/\s+/).filter(Boolean);
      expect(words.length).toBeGreaterThan(100);
      expect(words.filter((word) => !INSTAGRAM_RESERVED_SEGMENTS.has(word.toLowerCase()))).toEqual(
        [],
      );
    },
  );
});
