// Builds the extension with a test pack bundled (PICKET_PACK) into a private output directory,
// so the security and resilience tests never touch the shared build or each other's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** Base of the private builds: under PICKET_OUT_DIR when set, else under .output. */
export function privateOutRoot(name: string): string {
  return resolve(repoRoot, process.env.PICKET_OUT_DIR ?? '.output', `test-${name}`);
}

/**
 * Runs `wxt build` (Chromium) or `wxt build -b firefox` with `pack` bundled; returns the unpacked
 * extension directory. Throws with the build's output when it fails. `env` adds build-time
 * settings (e.g. PICKET_TEST_FETCH_DEADLINES).
 */
export function buildWithPack(
  name: string,
  pack: unknown,
  target: 'chrome' | 'firefox' = 'chrome',
  env: Record<string, string> = {},
): string {
  const out = privateOutRoot(name);
  mkdirSync(out, { recursive: true });
  const packFile = join(out, 'pack.json');
  writeFileSync(packFile, JSON.stringify(pack, null, 2));
  const args = ['build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])];
  const run = spawnSync(resolve(repoRoot, 'node_modules/.bin/wxt'), args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ...env, PICKET_OUT_DIR: out, PICKET_PACK: packFile },
  });
  const dir = join(out, target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  if (run.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`wxt ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  }
  return dir;
}
