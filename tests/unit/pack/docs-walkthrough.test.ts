// docs/packs.md tried end to end: every command of its "On the command line" walkthrough is run as
// written (the `npm run` scripts as package.json defines them, in a fresh folder standing for the
// top of a Picket copy, with the doc's example files), and each prints what the doc shows after it
// (`…` standing for text that differs from run to run, such as folders and keys). The results are
// then checked for what the doc promises: a pack the validator accepts, a signature that verifies.
// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { verifyPackSignature } from '../../../core/pack/signature';
import { validatePackText } from '../../../core/pack/validate';

// Each test runs the command in a child process (tsx starting up is seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = resolve(import.meta.dirname, '../../..');
const guide = readFileSync(join(repoRoot, 'docs/packs.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const work = mkdtempSync(join(tmpdir(), 'picket-docs-walkthrough-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Step {
  commands: string[];
  /** The output the doc shows after the commands. */
  output: string[];
}

/** The walkthrough's ```sh blocks, each with the ```text block that follows it. */
function walkthrough(): Step[] {
  const start = guide.indexOf('### On the command line');
  const end = guide.indexOf('\n## ', start);
  expect(start).toBeGreaterThan(0);
  const section = guide.slice(start, end);
  const blocks = [...section.matchAll(/```(sh|text)\n([\s\S]*?)\n```/g)];
  const steps: Step[] = [];
  for (const [, kind, body] of blocks) {
    if (kind === 'sh') steps.push({ commands: body!.split('\n'), output: [] });
    else steps.at(-1)!.output = body!.split('\n');
  }
  return steps;
}

/** Words split as a shell would for these plain commands (no quotes or variables in them). */
const words = (command: string) => command.trim().split(/\s+/);

/** Runs one line of the doc in the work folder; returns what it printed. */
function run(command: string): string {
  const [program, ...args] = words(command);
  if (program === 'cp') {
    // `cp docs/examples/x.csv … .`: the files are the repository's.
    for (const file of args.slice(0, -1))
      copyFileSync(join(repoRoot, file), join(work, basename(file)));
    return '';
  }
  expect(program).toBe('npm');
  expect(args.slice(0, 1)).toEqual(['run']);
  const [, script, dashes, ...rest] = args;
  expect(dashes).toBe('--');
  // The script as package.json runs it: `tsx scripts/….ts`, the file taken from this repository.
  const [runner, file, ...fixed] = words(scripts[script!]!);
  expect(runner).toBe('tsx');
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, file!), ...fixed, ...rest],
    { cwd: work, encoding: 'utf8', timeout: 60_000 },
  );
  expect(result.stderr, command).toBe('');
  expect(result.status, command).toBe(0);
  return result.stdout;
}

/** A line of the doc as a pattern: `…` stands for any text. */
const pattern = (line: string) =>
  new RegExp(
    `^${line
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );

describe('docs/packs.md, on the command line', () => {
  const steps = walkthrough();

  it('shows the five commands, each with its output', () => {
    const shown = steps.flatMap((step) => step.commands).filter((c) => c.startsWith('npm run'));
    expect(shown.map((command) => words(command)[2])).toEqual([
      'pack:from-csv',
      'pack:check',
      'pack:keygen',
      'pack:sign',
      'pack:publish',
    ]);
    for (const step of steps)
      expect(step.output.length, step.commands.join('; ')).toBeGreaterThan(0);
  });

  it('runs as written and prints what the doc shows', () => {
    for (const step of steps) {
      const printed = step.commands.map(run).join('').trimEnd().split('\n');
      expect(printed.length, step.commands.join('; ')).toBe(step.output.length);
      printed.forEach((line, i) => expect(line).toMatch(pattern(step.output[i]!)));
    }
  });

  it('leaves a valid pack, its signature and a site whose files match it', async () => {
    const pack = readFileSync(join(work, 'pack.json'));
    const checked = validatePackText(pack.toString('utf8'));
    expect(checked.ok).toBe(true);
    const publicKey = readFileSync(join(work, 'keys/picket-publisher.public.txt'), 'utf8').trim();
    const signature = readFileSync(join(work, 'pack.json.sig'), 'utf8');
    expect(await verifyPackSignature(pack, signature, publicKey)).toBe(true);
    expect(readFileSync(join(work, 'site/pack.json'))).toEqual(pack);
    const siteSignature = readFileSync(join(work, 'site/pack.json.sig'), 'utf8');
    expect(await verifyPackSignature(pack, siteSignature, publicKey)).toBe(true);
    const page = readFileSync(join(work, 'site/index.html'), 'utf8');
    expect(page).toContain('Corner Bakery');
    expect(page).toContain(publicKey);
  });
});
