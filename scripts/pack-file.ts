// Reading a pack file for the node tools (pack:check, pack:sign, the build plugin): one place that turns
// every way a file can be unusable into a plain message, so none of them shows a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { validatePackText } from '../core/pack/validate';
import { PACK_LIMITS } from '../core/pack/validate-issues';
import type { PackResult } from '../core/pack/types';

export type PackFileResult = PackResult & { bytes?: Uint8Array };

function problem(message: string): PackFileResult {
  return { ok: false, issues: [{ path: '', message }] };
}

/** Reads, decodes (strict UTF-8) and validates a pack file; never throws. */
export function readPackFile(file: string): PackFileResult {
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return problem('cannot read: not a regular file');
    if (stat.size > PACK_LIMITS.maxBytes) return problem('larger than 10 MB (the limit per pack)');
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (code ?? 'unknown error');
    return problem(`cannot read: ${reason}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem('not UTF-8 text');
  }
  const result = validatePackText(text);
  return result.ok ? { ...result, bytes } : result;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Paths and messages come from untrusted files: keep terminal control characters out. */
export function printable(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
