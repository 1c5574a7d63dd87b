// `npm run pack:from-csv`: the real command on a 200-row sheet, its output checked by the real
// `npm run pack:check`; broken rows listed by row and column with nothing written; no stack traces.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BREAKS, peopleSheet } from '../../data/sheets/people';

// Each test runs the command in a child process (tsx starting up is seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = resolve(import.meta.dirname, '../../..');
const campaign = 'tests/data/sheets/campaign.json';
const dir = mkdtempSync(join(tmpdir(), 'pack-from-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npmRun(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm run pack:from-csv', () => {
  it('turns a good 200-row sheet into a pack that pack:check accepts', () => {
    const sheet = join(dir, 'people.csv');
    const pack = join(dir, 'pack.json');
    writeFileSync(sheet, peopleSheet(200));
    const made = npmRun('pack:from-csv', '--', sheet, '--campaign', campaign, '--out', pack);
    expect(made.out.trim()).toBe(`Wrote ${pack}: 200 participants, 300 accounts, 21 sources`);
    expect(made.code).toBe(0);
    const checked = npmRun('pack:check', '--', pack);
    expect(checked.out.trim()).toBe(
      `${pack}: valid — 1 campaign, 200 participants, 300 accounts, 1 event`,
    );
    expect(checked.code).toBe(0);
  });

  it('writes a pack with evidence warnings and lists them by row and column', () => {
    const sheet = join(dir, 'thin.csv');
    const pack = join(dir, 'thin.json');
    writeFileSync(
      sheet,
      'name,kind,role,instagram,source url\nAna,person,participant,ana,https://a.example/1\n',
    );
    const { code, out } = npmRun(
      'pack:from-csv',
      '--',
      sheet,
      '--campaign',
      campaign,
      '--out',
      pack,
    );
    expect(out.trim().split('\n')).toEqual([
      `Wrote ${pack}: 1 participant, 1 account, 2 sources`,
      '3 warnings:',
      '  row 2: badged on sources of no stated kind: a badge needs an own statement or a major outlet among its sources (give each source a "kind")',
      "  row 2, column 'instagram': no confidence (verified or likely): read as verified",
      "  row 2, column 'source kind': no kind (own-statement, major-outlet or other)",
    ]);
    expect(code).toBe(0);
    expect(existsSync(pack)).toBe(true);
  });

  it('lists exactly the 3 broken rows by row and column, writes nothing, exits 1', () => {
    const sheet = join(dir, 'broken.csv');
    const pack = join(dir, 'broken.json');
    writeFileSync(sheet, peopleSheet(200, { 14: 'instagram', 77: 'sourceUrl', 150: 'sourceDate' }));
    const { code, out } = npmRun(
      'pack:from-csv',
      '--',
      sheet,
      '--campaign',
      campaign,
      '--out',
      pack,
    );
    expect(out.trim().split('\n')).toEqual([
      `${sheet}: 3 problems; nothing written`,
      `  row 14, column 'Instagram': ${BREAKS.instagram.message}`,
      `  row 77, column 'Source URL': ${BREAKS.sourceUrl.message}`,
      `  row 150, column 'Source date': ${BREAKS.sourceDate.message}`,
    ]);
    expect(code).toBe(1);
    expect(existsSync(pack)).toBe(false);
  });

  it('says plainly what is wrong with its arguments and files, never with a stack trace', () => {
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('name\nCaf\xe9\n', 'latin1'));
    const notJson = join(dir, 'campaign.txt');
    writeFileSync(notJson, '{ nope');
    const small = join(dir, 'small.csv');
    writeFileSync(small, peopleSheet(2));
    const cases: [string[], string][] = [
      [
        [],
        'pack:from-csv: usage: npm run pack:from-csv -- people.csv --campaign campaign.json --out pack.json',
      ],
      [
        [latin1, '--campaign', campaign, '--out', join(dir, 'x.json')],
        `pack:from-csv: spreadsheet ${latin1}: not UTF-8 text (in a spreadsheet program, save as "CSV UTF-8")`,
      ],
      [
        [join(dir, 'missing.csv'), '--campaign', campaign, '--out', join(dir, 'x.json')],
        `pack:from-csv: spreadsheet ${join(dir, 'missing.csv')}: cannot read it (no such file)`,
      ],
      [
        [small, '--campaign', notJson, '--out', join(dir, 'x.json')],
        `pack:from-csv: campaign file ${notJson}: not valid JSON`,
      ],
      [
        [latin1, '--campaign', campaign, '--out', latin1],
        'pack:from-csv: --out must be a new file, not one of the inputs',
      ],
    ];
    for (const [args, expected] of cases) {
      const run = spawnSync(
        resolve(repoRoot, 'node_modules/.bin/tsx'),
        ['scripts/pack-from-csv.ts', ...args],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain(expected);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
