// The keys a pack's accounts are indexed under must be the keys the content script reads from
// links: the same function makes both (core/accounts), so a vanity written `Kim.Kardashian` in a
// pack meets a link to `/kimkardashian` and the badge still shows the handle as the pack wrote it.
import { describe, expect, it } from 'vitest';
import { parseFacebookHref } from '../../../sites/facebook/urls';
import { findInIndex } from '../../../storage/lookup-index';
import { packToRows } from '../../../storage/rows';
import { accountKeys } from '../../../storage/keys';
import { makePack } from './fixtures';

describe('accountKeys', () => {
  it('keys a Facebook vanity without case or dots, as Facebook compares it', () => {
    expect(accountKeys({ platform: 'facebook', handle: 'Kim.Kardashian' })).toEqual([
      'kimkardashian',
    ]);
    expect(
      accountKeys({ platform: 'facebook', handle: 'kim.kardashian', numericId: '100044000111' }),
    ).toEqual(['kimkardashian', 'id:100044000111']);
    expect(accountKeys({ platform: 'facebook', numericId: '123456789012' })).toEqual([
      'id:123456789012',
    ]);
  });

  it('keeps the dots of an Instagram username, where they count', () => {
    expect(accountKeys({ platform: 'instagram', handle: 'Kim.Kardashian' })).toEqual([
      'kim.kardashian',
    ]);
  });
});

describe('a dotted Facebook vanity in a pack', () => {
  const pack = makePack();
  const kim = pack.campaigns[0]!.participants[0]!;
  kim.accounts = [{ platform: 'facebook', handle: 'Kim.Kardashian' }];
  const rows = packToRows(pack, 'imported', '2026-11-01T00:00:00.000Z');

  it.each(['/kimkardashian', '/Kim.Kardashian', '/KIM.kardashian/?fref=nf'])(
    'is found from a link to %s, and badged with the handle as the pack wrote it',
    (href) => {
      const link = parseFacebookHref(href);
      expect(link?.key).toBe('kimkardashian');
      const found = findInIndex(rows.lookup, 'facebook', link!.key);
      expect(found.map((match) => [match.entry.participantName, match.handle])).toEqual([
        ['Kim Kardashian', 'Kim.Kardashian'],
      ]);
    },
  );
});
