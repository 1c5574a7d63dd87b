// Checklist D3: the release build is reproducible. Two `wxt build` runs of the same tree, into
// different directories, give byte-identical extensions, with no source maps and no test `key`
// in the manifest (anything that differs between runs would be unreviewable in a store diff).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(target: 'chrome' | 'firefox'): string {
  const out = mkdtempSync(join(tmpdir(), 'picket-repro-'));
  outDirs.push(out);
  const run = spawnSync(
    resolve(repoRoot, 'node_modules/.bin/wxt'),
    ['build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 180_000,
      // The default bundled pack, as a release build has.
      env: { ...process.env, PICKET_OUT_DIR: out, PICKET_PACK: '' },
    },
  );
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return join(out, target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}

function digest(dir: string, root = dir): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(result, digest(path, root));
    else
      result[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return result;
}

describe('D3: reproducible release build', () => {
  it.each(['chrome', 'firefox'] as const)(
    '%s: two builds are byte-identical, without source maps or a key',
    { timeout: 240_000 },
    (target) => {
      const first = digest(build(target));
      const second = digest(build(target));
      expect(Object.keys(first).length).toBeGreaterThan(5);
      expect(second).toEqual(first);
      expect(Object.keys(first).filter((f) => f.endsWith('.map'))).toEqual([]);
      const manifestDir = outDirs.at(-1)!;
      const manifest = JSON.parse(
        readFileSync(
          join(manifestDir, target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3', 'manifest.json'),
          'utf8',
        ),
      ) as Record<string, unknown>;
      expect(manifest.key).toBeUndefined();
    },
  );
});
