// STUB — replaced by the pack validator (campaign packs work). Signatures are the contract.
import type { PackResult } from './types';

export function validatePack(_value: unknown): PackResult {
  return { ok: false, issues: [{ path: '', message: 'validator not implemented yet' }] };
}

/** Parses and validates a pack given as text; never throws. */
export function validatePackText(text: string): PackResult {
  try {
    return validatePack(JSON.parse(text));
  } catch {
    return { ok: false, issues: [{ path: '', message: 'not valid JSON' }] };
  }
}
