// The storage items: their names on disk are pinned (renaming one would lose the user's data),
// WXT's metadata key is where areaKeysOf says, and no other file defines a storage key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as items from '../../../storage/items';

const ROOT = join(__dirname, '../../..');

beforeEach(() => fakeBrowser.reset());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('storage items', () => {
  it('keep the names existing user data is stored under', () => {
    const keys = Object.values(items as Record<string, unknown>)
      .filter(
        (value): value is { key: string } =>
          typeof value === 'object' && value !== null && 'key' in value,
      )
      .map((item) => item.key)
      .sort();
    expect(keys).toEqual([
      'local:noticeDismissed',
      'local:notificationsFailed',
      'local:packRegistry',
      'local:packsRevision',
      'local:popup.lastCampaign',
      'local:remindersFired',
      'local:settings',
      'session:remindersFired',
    ]);
    expect(items.packTextKey('some-pack')).toBe('local:packText:some-pack');
  });

  it('name every key a versioned item writes, its metadata included', async () => {
    await items.registryItem.setValue({ revision: 3, packs: [], disabled: [] });
    // WXT writes an item's version (from 2 on, or when told to) to its metadata key.
    await storage.setMeta(items.registryItem.key, { v: 1 });
    const written = Object.keys(await fakeBrowser.storage.local.get(null)).sort();
    expect(written).toEqual(items.areaKeysOf(items.registryItem).sort());
    expect(written).toEqual(['packRegistry', 'packRegistry$']);
    expect(items.areaKey(items.settingsItem)).toBe('settings');
    expect(items.KEPT_ON_CLEAR).toEqual(['remindersFired', 'remindersFired$']);
  });

  it('are defined in storage/items.ts and nowhere else', () => {
    const offenders = [
      'background',
      'components',
      'content',
      'core',
      'entrypoints',
      'sites',
      'storage',
    ]
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((path) => !path.endsWith(join('storage', 'items.ts')))
      .filter((path) =>
        /defineItem\s*[<(]|['"`](local|session|sync|managed):/.test(readFileSync(path, 'utf8')),
      )
      .map((path) => relative(ROOT, path));
    expect(offenders).toEqual([]);
  });
});
