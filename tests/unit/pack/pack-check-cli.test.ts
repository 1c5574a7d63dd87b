import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each test runs the command in a child process (tsx starting up is seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = resolve(import.meta.dirname, '../../..');
const data = (name: string) => `tests/data/packs/${name}`;

function packCheck(...files: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/pack-check.ts', ...files], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm run pack:check', () => {
  it('prints one summary line per valid file and exits 0', () => {
    const { code, out } = packCheck(data('good-full.json'), data('good-minimal.json'));
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      `${data('good-full.json')}: valid — 1 campaign, 2 participants, 3 accounts, 3 events`,
      `${data('good-minimal.json')}: valid — 1 campaign, 0 participants, 0 accounts, 0 events`,
    ]);
  });

  it('lists each problem with its JSON path, reads unreadable files calmly, exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
    const hostile = join(dir, 'hostile.json');
    // An unknown key carrying a terminal escape sequence must not reach the terminal raw.
    writeFileSync(
      hostile,
      JSON.stringify({
        format: 'picket-pack/1',
        id: 'abc',
        version: 1,
        updatedAt: '2020-01-01',
        publisher: { name: 'x' },
        campaigns: [{ id: 'c', name: 'c', participants: [], sources: [], '\u001b[31mred': 1 }],
      }),
    );
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const { code, out } = packCheck(
      data('good-minimal.json'),
      data('bad-handle.json'),
      join(dir, 'missing.json'),
      data('not-json.txt'),
      hostile,
      latin1,
      dir,
    );
    expect(code).toBe(1);
    expect(out).toContain(
      '  /campaigns/0/participants/0/accounts/0/handle: not a valid Instagram username',
    );
    expect(out).toContain(`${join(dir, 'missing.json')}: invalid\n  cannot read: no such file`);
    expect(out).toMatch(/not-json\.txt: invalid\n {2}not valid JSON/);
    expect(out).toContain(
      '  /campaigns/0/\\u001b[31mred: unknown key "\\u001b[31mred" (extensions must start with "x-")',
    );
    expect(out).not.toContain('\u001b');
    expect(out).toContain(`${latin1}: invalid\n  not UTF-8 text`);
    expect(out).toContain(`${dir}: invalid\n  cannot read: not a regular file`);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints evidence warnings after the summary and still exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
    const pack = JSON.parse(readFileSync(resolve(repoRoot, data('good-full.json')), 'utf8'));
    delete pack.campaigns[0].sources[1].kind;
    delete pack.campaigns[0].participants[0].accounts[0].confidence;
    const file = join(dir, 'warnings.json');
    writeFileSync(file, JSON.stringify(pack));
    const { code, out } = packCheck(file);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      `${file}: valid — 1 campaign, 2 participants, 3 accounts, 3 events`,
      '  warning: /campaigns/0/sources/1: no kind (own-statement, major-outlet or other)',
      '  warning: /campaigns/0/participants/0/accounts/0: no confidence (verified or likely): read as verified',
      '  warning: /campaigns/0/participants/1: badged on sources of no stated kind: a badge needs an own statement or a major outlet among its sources (give each source a "kind")',
      '  evidence: 0 errors, 3 warnings (docs/packs.md, "Evidence")',
    ]);
  });

  it('exits 1 when an evidence rule marked error is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
    const pack = JSON.parse(readFileSync(resolve(repoRoot, data('good-full.json')), 'utf8'));
    pack.campaigns[0].participants[1].accounts.push({
      platform: 'instagram',
      handle: 'ANA.tenant_1',
      confidence: 'likely',
    });
    const file = join(dir, 'twice.json');
    writeFileSync(file, JSON.stringify(pack));
    const { code, out } = packCheck(data('good-minimal.json'), file);
    expect(code).toBe(1);
    expect(out).toContain(`${file}: valid — 1 campaign, 2 participants, 4 accounts, 3 events\n`);
    expect(out).toContain(
      '  error: /campaigns/0/participants/1/accounts/1: the same account (instagram ana.tenant_1) as /campaigns/0/participants/0/accounts/0',
    );
    expect(out).toContain('  evidence: 1 error, 0 warnings');
  });

  it('the bundled pack passes with no finding at all', () => {
    const { code, out } = packCheck('packs/stophateforprofit-2020.json');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('without files prints usage and exits 1', () => {
    const { code, out } = packCheck();
    expect(code).toBe(1);
    expect(out).toContain('usage: npm run pack:check -- FILE...');
  });
});
