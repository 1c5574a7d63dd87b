// npm run pack:check -- FILE...   Validates campaign packs (docs/packs.md) and checks their evidence.
// Valid: one summary line per file, then the evidence rules' errors and warnings with their JSON
// paths (core/pack/evidence-rules.ts). Exit 1 when a file is invalid or unreadable or breaks an
// evidence rule marked error; warnings alone exit 0. Never a stack trace.
import { checkEvidence } from '../core/pack/evidence-rules';
import { packStats } from '../core/pack/validate';
import { formatIssues } from '../core/pack/validate-issues';
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
      const report = checkEvidence(result.pack);
      for (const { level, path, message } of report.findings)
        console.log(`  ${level}: ${printable(path)}: ${printable(message)}`);
      const listed = report.findings.length;
      if (report.errors + report.warnings > listed)
        console.log(
          `  …and ${(report.errors + report.warnings - listed).toLocaleString('en')} more`,
        );
      if (report.errors + report.warnings > 0)
        console.log(
          `  evidence: ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')}` +
            ' (docs/packs.md, "Evidence")',
        );
      if (report.errors > 0) failed = true;
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
