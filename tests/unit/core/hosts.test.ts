import { describe, expect, it } from 'vitest';
import { platformForHost, platformForUrl } from '../../../core/hosts';
import { adapterFor } from '../../../sites/index';

describe('platformForHost', () => {
  it.each([
    ['www.instagram.com', 'instagram'],
    ['instagram.com', 'instagram'],
    ['M.Instagram.com', 'instagram'],
    ['www.facebook.com', 'facebook'],
    ['web.facebook.com', 'facebook'],
    ['mbasic.facebook.com', 'facebook'],
    ['touch.facebook.com', 'facebook'],
  ])('%s → %s', (host, platform) => {
    expect(platformForHost(host)).toBe(platform);
  });

  it.each([
    'l.facebook.com',
    'about.instagram.com',
    'example.com',
    'instagram.com.evil.example',
    'evilinstagram.com',
    '',
  ])('%s has none', (host) => {
    expect(platformForHost(host)).toBeNull();
  });

  it('agrees with the site adapters on every host', () => {
    for (const host of ['www.instagram.com', 'm.facebook.com', 'l.facebook.com', 'example.com']) {
      expect(platformForHost(host)).toBe(adapterFor(host)?.platform ?? null);
    }
  });
});

describe('platformForUrl', () => {
  it('reads the hostname of a page URL', () => {
    expect(platformForUrl('https://www.instagram.com/natgeo/')).toBe('instagram');
    expect(platformForUrl('https://www.facebook.com/groups/1')).toBe('facebook');
    expect(platformForUrl('https://example.com/')).toBeNull();
  });

  it('is null for no URL or one that does not parse', () => {
    expect(platformForUrl(undefined)).toBeNull();
    expect(platformForUrl('not a url')).toBeNull();
  });
});
