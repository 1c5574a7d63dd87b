// A machine without a browser: `npm start` (and start.ts run on its own) stop before building,
// with exit code 1 and one line naming what to install, never a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs the command in a child process (tsx starting up is seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = resolve(import.meta.dirname, '../../..');

/** npm's own entry script, run with this Node so PATH can stay nearly empty. */
function npmCli(): string {
  const candidates = [
    process.env.npm_execpath,
    resolve(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js'),
  ].filter((path): path is string => !!path && /npm-cli\.js$/.test(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`npm-cli.js not found among ${candidates.join(', ')}`);
  return found;
}

describe('with no browser installed', () => {
  let searchPath: string;
  beforeAll(() => {
    // PATH holds only node and sh (npm runs scripts through sh): no browser can be found on it.
    searchPath = mkdtempSync(join(tmpdir(), 'picket-no-browser-'));
    symlinkSync(process.execPath, join(searchPath, 'node'));
    symlinkSync('/bin/sh', join(searchPath, 'sh'));
  });
  afterAll(() => rmSync(searchPath, { recursive: true, force: true }));

  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, {
      cwd: repoRoot,
      env: { HOME: process.env.HOME, PATH: searchPath, PICKET_CHROMIUM: '/nonexistent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const LINE =
    'PICKET_CHROMIUM is set to /nonexistent, but there is no browser there: point it at ' +
    'Chromium, Chrome for Testing or Brave, or unset it and install Chromium: ';

  it('npm start exits 1 with the one-line instruction, before building', () => {
    const { code, stdout, stderr } = run(process.execPath, [npmCli(), 'start']);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(LINE);
    expect(lines[0]).toMatch(/install Chromium: (sudo |brew |winget |install )/);
    expect(stdout).not.toContain('wxt build');
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
  });

  it('scripts/start.ts on its own exits 1 with the same single line', () => {
    const { code, stdout, stderr } = run(process.execPath, [
      resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/start.ts',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(LINE)]);
  });
});
