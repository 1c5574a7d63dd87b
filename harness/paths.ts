// Where the harness finds things: the repository root, the built extension, our demo pages and
// the shared saved pages. Computed from this file's location so tests, `npm start` and the bench
// agree no matter which directory they are started from.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Our own hand-written demo pages (never copies of saved pages). */
export const demoDir = resolve(repoRoot, 'demo');

/** Real saved Instagram/Facebook pages, shared read-only beside the repository. */
export const fixturesDir = resolve(repoRoot, '../shared/fixtures');

export function fixturesAvailable(): boolean {
  return existsSync(fixturesDir);
}

/** The build output root; PICKET_OUT_DIR lets parallel builds and test runs not clash. */
export function outDir(): string {
  return resolve(repoRoot, process.env.PICKET_OUT_DIR ?? '.output');
}

/** The unpacked Chromium MV3 build the browser tests load. */
export function extensionDir(): string {
  return resolve(outDir(), 'chrome-mv3');
}

/**
 * Builds the Chromium extension once when no build is there. `npm test` builds before the e2e
 * step, so this only costs time when a test file is run on its own.
 */
export function ensureBuilt(dir: string = extensionDir()): string {
  if (existsSync(resolve(dir, 'manifest.json'))) return dir;
  execFileSync(resolve(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, PICKET_OUT_DIR: outDir() },
  });
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`The build did not produce ${dir}/manifest.json`);
  }
  return dir;
}
