import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { checkEvidence } from '../../../core/pack/evidence-rules';
import { packStats, validatePackText } from '../../../core/pack/validate';
import { formatIssues } from '../../../core/pack/validate-issues';

it('the complete example in docs/packs.md is a valid pack', () => {
  const guide = readFileSync(resolve(import.meta.dirname, '../../../docs/packs.md'), 'utf8');
  const example = /```json\n([\s\S]*?)\n```/.exec(guide)?.[1];
  expect(example).toBeDefined();
  const result = validatePackText(example!);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  expect(packStats(result.pack)).toEqual({ campaigns: 1, participants: 1, accounts: 2, events: 1 });
  // It shows the evidence fields as meant: pack:check has nothing to say about it.
  expect(checkEvidence(result.pack)).toEqual({ findings: [], errors: 0, warnings: 0 });
});
