// npm run pack:from-csv -- people.csv --campaign campaign.json --out pack.json
// Builds a pack from a spreadsheet of participants (CSV or TSV, columns in core/pack/spreadsheet.ts)
// and a campaign file (a pack without participants). Every problem is printed with its spreadsheet
// row and column (or the campaign file's JSON path) and nothing is written; exit 1. Warnings of the
// evidence rules are printed the same way after the pack is written. Never a stack trace.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeProblem, packFromSheet } from '../core/pack/spreadsheet';
import { packStats, validatePackText } from '../core/pack/validate';
import { formatIssues } from '../core/pack/validate-issues';
import { printable } from './pack-file';

const USAGE = 'usage: npm run pack:from-csv -- people.csv --campaign campaign.json --out pack.json';
/** A spreadsheet far above what a 10 MB pack can hold is refused before it is read. */
const MAX_SHEET_BYTES = 50 * 1024 * 1024;
const MAX_WARNINGS_SHOWN = 20;

class Failure extends Error {}

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The file as UTF-8 text, or a Failure saying plainly why not. */
function readText(file: string, what: string): string {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Failure(`${what} ${file}: not a regular file`);
    if (statSync(file).size > MAX_SHEET_BYTES)
      throw new Failure(`${what} ${file}: larger than 50 MB`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof Failure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new Failure(
      `${what} ${file}: cannot read it (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Failure(
      `${what} ${file}: not UTF-8 text (in a spreadsheet program, save as "CSV UTF-8")`,
    );
  }
}

function main(args: string[]): number {
  const campaignFile = option(args, '--campaign');
  const outFile = option(args, '--out');
  const rest = args.filter(
    (arg, i) =>
      !['--campaign', '--out'].includes(arg) &&
      !['--campaign', '--out'].includes(args[i - 1] ?? ''),
  );
  if (!campaignFile || !outFile || rest.length !== 1) throw new Failure(USAGE);
  const sheetFile = rest[0]!;
  if ([sheetFile, campaignFile].some((file) => resolve(file) === resolve(outFile)))
    throw new Failure('--out must be a new file, not one of the inputs');

  const sheet = readText(sheetFile, 'spreadsheet');
  let campaign: unknown;
  try {
    campaign = JSON.parse(readText(campaignFile, 'campaign file').replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(
      `campaign file ${campaignFile}: not valid JSON (${(error as Error).message})`,
    );
  }

  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const result = packFromSheet(sheet, campaign, { now });
  if (!result.ok) {
    const count = result.problems.length;
    console.log(
      `${printable(sheetFile)}: ${count} problem${count === 1 ? '' : 's'}; nothing written`,
    );
    for (const problem of result.problems)
      console.log(`  ${printable(describeProblem(problem, campaignFile))}`);
    return 1;
  }
  const text = JSON.stringify(result.pack, null, 2) + '\n';
  // The object passed every rule; the text adds the one rule only text has (10 MB).
  const check = validatePackText(text);
  if (!check.ok) throw new Failure(`the pack would not be valid: ${formatIssues(check.issues)}`);
  writeFileSync(outFile, text);
  const stats = packStats(check.pack);
  const sources = result.pack.campaigns[0]!.sources.length;
  console.log(
    `Wrote ${outFile}: ${count(stats.participants, 'participant')}, ` +
      `${count(stats.accounts, 'account')}, ${count(sources, 'source')}`,
  );
  if (result.warningCount > 0) {
    // The evidence rules' warnings, as pack:check gives them, but by row and column.
    console.log(`${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}:`);
    const shown = result.warnings.slice(0, MAX_WARNINGS_SHOWN);
    for (const warning of shown)
      console.log(`  ${printable(describeProblem(warning, campaignFile))}`);
    const more = result.warningCount - shown.length;
    if (more > 0)
      console.log(`  …and ${more} more (npm run pack:check -- ${outFile} lists them by JSON path)`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(
    `pack:from-csv: ${printable(error instanceof Error ? error.message : String(error))}`,
  );
  process.exitCode = 1;
}
