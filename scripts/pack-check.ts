// npm run pack:check -- FILE...   Validates campaign packs (contracts §1).
// Valid: one summary line per file, exit 0. Any invalid or unreadable file: its problems with their
// JSON paths, exit 1. Never a stack trace.
import { formatIssues, packStats } from '../core/pack/validate';
import { printable, readPackFile } from './pack-file';

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

function main(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run pack:check -- FILE...');
    return 1;
  }
  let failed = false;
  for (const file of files) {
    const result = readPackFile(file);
    if (result.ok) {
      const s = packStats(result.pack);
      console.log(
        `${printable(file)}: valid — ${count(s.campaigns, 'campaign')}, ` +
          `${count(s.participants, 'participant')}, ${count(s.accounts, 'account')}, ` +
          `${count(s.events, 'event')}`,
      );
    } else {
      failed = true;
      console.log(`${printable(file)}: invalid`);
      for (const line of formatIssues(result.issues).split('\n'))
        console.log(`  ${printable(line)}`);
    }
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Not expected (readPackFile never throws); still no stack trace for the user.
  console.error(`pack:check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
