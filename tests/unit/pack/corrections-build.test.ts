// Where "Report a mistake" goes in a build: PICKET_CORRECTIONS replaces the bundled pack's
// corrections address (checked: https: or mailto:), and a store package is refused, with one
// line, while that address is the repository's placeholder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  correctionsFromEnv,
  DEFAULT_PACK,
  isPlaceholderCorrections,
  loadBundledPack,
  PLACEHOLDER_CORRECTIONS,
} from '../../../scripts/bundled-pack-plugin';
import { storeBuildProblem } from '../../../scripts/check-store-build';

const repoRoot = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'corrections-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The environment without any of the variables these tests set. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['PICKET_CORRECTIONS', 'PICKET_PACK']) if (!(name in extra)) delete env[name];
  return env;
}

describe('PICKET_CORRECTIONS', () => {
  it('accepts an https: or a mailto: address, and nothing else', () => {
    expect(correctionsFromEnv(undefined)).toBeUndefined();
    expect(correctionsFromEnv('  ')).toBeUndefined();
    expect(correctionsFromEnv('https://picket.example/corrections')).toBe(
      'https://picket.example/corrections',
    );
    expect(correctionsFromEnv('mailto:fixes@picket.example')).toBe('mailto:fixes@picket.example');
    for (const bad of [
      'http://picket.example/',
      'ftp://x.example/',
      'mailto:nobody',
      'fixes@x.org',
    ]) {
      expect(() => correctionsFromEnv(bad)).toThrow(
        /^PICKET_CORRECTIONS must be an https: address or a mailto: address, not /,
      );
    }
  });

  it('replaces the bundled pack’s corrections address, which is the placeholder otherwise', () => {
    expect(loadBundledPack(DEFAULT_PACK, undefined).publisher.corrections).toBe(
      PLACEHOLDER_CORRECTIONS,
    );
    const pack = loadBundledPack(DEFAULT_PACK, 'mailto:fixes@picket.example');
    expect(pack.publisher.corrections).toBe('mailto:fixes@picket.example');
    expect(pack.publisher.name).toBe(loadBundledPack(DEFAULT_PACK, undefined).publisher.name);
  });

  it('knows a placeholder from an address', () => {
    expect(isPlaceholderCorrections(undefined)).toBe(true);
    expect(isPlaceholderCorrections(PLACEHOLDER_CORRECTIONS)).toBe(true);
    expect(isPlaceholderCorrections('mailto:fixes@picket.invalid')).toBe(true);
    expect(isPlaceholderCorrections('https://picket.example/corrections')).toBe(false);
    expect(isPlaceholderCorrections('mailto:fixes@picket.example')).toBe(false);
  });

  it('is built into the extension', { timeout: 120_000 }, () => {
    const run = spawnSync(resolve(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
      env: cleanEnv({ PICKET_OUT_DIR: outDir, PICKET_CORRECTIONS: 'mailto:fixes@picket.example' }),
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const scripts = readdirSync(join(outDir, 'chrome-mv3'), {
      recursive: true,
      withFileTypes: true,
    })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    expect(scripts.some((js) => js.includes('mailto:fixes@picket.example'))).toBe(true);
    expect(scripts.some((js) => js.includes(PLACEHOLDER_CORRECTIONS))).toBe(false);
  });
});

describe('a store package', () => {
  it('is refused in one line while the corrections address is the placeholder', () => {
    const problem = storeBuildProblem(cleanEnv());
    expect(problem).toMatch(/^PICKET_CORRECTIONS is not set: /);
    expect(problem).toContain(PLACEHOLDER_CORRECTIONS);
    expect(problem).not.toContain('\n');
  });

  it('may be made with an address, or a pack that brings its own', () => {
    expect(storeBuildProblem(cleanEnv({ PICKET_CORRECTIONS: 'https://picket.example/fix' }))).toBe(
      null,
    );
    expect(
      storeBuildProblem(
        cleanEnv({ PICKET_PACK: resolve(repoRoot, 'tests/data/packs/good-full.json') }),
      ),
    ).toBeNull();
  });

  it('is refused when the address given is not one', () => {
    expect(storeBuildProblem(cleanEnv({ PICKET_CORRECTIONS: 'http://picket.example/' }))).toBe(
      'PICKET_CORRECTIONS must be an https: address or a mailto: address, not "http://picket.example/"',
    );
  });

  it.each(['zip', 'zip:firefox'])(
    '`npm run %s` stops before packaging, printing the one line, exit 1',
    { timeout: 60_000 },
    (script) => {
      const run = spawnSync('npm', ['run', '--silent', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: cleanEnv({ PICKET_OUT_DIR: outDir }),
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^PICKET_CORRECTIONS is not set: /),
      ]);
      expect(readdirSync(outDir).filter((name) => name.endsWith('.zip'))).toEqual([]);
    },
  );
});
