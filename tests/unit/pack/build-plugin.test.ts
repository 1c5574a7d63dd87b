// Campaign-specific builds (contracts §1): PICKET_PACK bundles that pack; an invalid one fails the
// build with the validator's messages. These run the real `wxt build` into a private output dir.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../../scripts/bundled-pack-plugin';

const repoRoot = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'packs-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function build(pack: string) {
  const run = spawnSync('npx', ['wxt', 'build'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PICKET_OUT_DIR: outDir, PICKET_PACK: resolve(repoRoot, pack) },
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

function builtScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('bundled pack in the build', () => {
  it('loadBundledPack throws an Error listing the validator messages', () => {
    expect(() => loadBundledPack(resolve(repoRoot, 'tests/data/packs/bad-handle.json'))).toThrow(
      '/campaigns/0/participants/0/accounts/0/handle: not a valid Instagram username',
    );
    expect(loadBundledPack(resolve(repoRoot, 'packs/stophateforprofit-2020.json')).id).toBe(
      'stophateforprofit-2020',
    );
  });

  it('an invalid PICKET_PACK fails the build with the path message', { timeout: 120_000 }, () => {
    const { code, out } = build('tests/data/packs/bad-handle.json');
    expect(code).not.toBe(0);
    expect(out).toContain(
      '/campaigns/0/participants/0/accounts/0/handle: not a valid Instagram username',
    );
  });

  it('a valid PICKET_PACK is built into the extension', { timeout: 120_000 }, () => {
    const { code, out } = build('tests/data/packs/good-full.json');
    expect(code, out).toBe(0);
    const scripts = builtScripts(join(outDir, 'chrome-mv3'));
    // The minifier may quote strings with ", ' or `.
    const mentions = (id: string) => new RegExp(`["'\`]${id}["'\`]`);
    expect(scripts.some((js) => mentions('test-full-pack').test(js))).toBe(true);
    expect(scripts.some((js) => mentions('stophateforprofit-2020').test(js))).toBe(false);
  });
});
