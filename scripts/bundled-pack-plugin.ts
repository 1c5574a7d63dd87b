// Vite plugin: provides `virtual:picket-bundled-pack`, the campaign pack built into the extension.
// PICKET_PACK=/abs/path.json swaps in another pack (a campaign-specific build), and
// PICKET_CORRECTIONS=https://… or mailto:… sets where its "Report a mistake" goes. The pack goes
// through the same validator as pack:check and import; an invalid pack fails the build with its
// messages.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { validatePack } from '../core/pack/validate';
import { formatIssues } from '../core/pack/validate-issues';
import type { Pack } from '../core/pack/types';
import { readPackFile } from './pack-file';

const VIRTUAL_ID = 'virtual:picket-bundled-pack';
export const DEFAULT_PACK = resolve(import.meta.dirname, '../packs/stophateforprofit-2020.json');

/**
 * The corrections address the built-in pack carries in the repository: fine for development and
 * demo builds, never for a store package (scripts/check-store-build.ts).
 */
export const PLACEHOLDER_CORRECTIONS = 'https://picket.invalid/corrections';

/** The pack file a build uses: PICKET_PACK when set, else the built-in pack. */
export function bundledPackFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.PICKET_PACK ? resolve(env.PICKET_PACK) : DEFAULT_PACK;
}

/** An error whose message is the whole story: a stack trace into the build tool would bury it. */
function plainError(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/**
 * PICKET_CORRECTIONS, checked: an `https:` address or a `mailto:` one with an address in it.
 * Undefined when not set; throws a one-line Error when set to anything else.
 */
export function correctionsFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Reported below, with what was given.
  }
  const ok =
    url !== null &&
    ((url.protocol === 'https:' && url.hostname !== '') ||
      (url.protocol === 'mailto:' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(url.pathname)));
  if (!ok) {
    throw plainError(
      `PICKET_CORRECTIONS must be an https: address or a mailto: address, not ${JSON.stringify(text)}`,
    );
  }
  return text;
}

/** Whether an address is missing or stands for none (a reserved `.invalid` host, RFC 2606). */
export function isPlaceholderCorrections(address: string | undefined): boolean {
  if (!address) return true;
  try {
    const url = new URL(address);
    const host = url.protocol === 'mailto:' ? (url.pathname.split('@')[1] ?? '') : url.hostname;
    return host === 'invalid' || host.endsWith('.invalid');
  } catch {
    return true;
  }
}

/**
 * Reads and validates the pack, with `corrections` (PICKET_CORRECTIONS by default) as its
 * publisher's corrections address when given; throws an Error listing the validator's messages
 * when invalid.
 */
export function loadBundledPack(
  file = bundledPackFile(),
  corrections = correctionsFromEnv(process.env.PICKET_CORRECTIONS),
): Pack {
  const result = readPackFile(file);
  if (!result.ok) {
    throw plainError(
      `The campaign pack ${file} is invalid, so it cannot be bundled:\n` +
        formatIssues(result.issues),
    );
  }
  if (corrections === undefined) return result.pack;
  const changed = validatePack({
    ...result.pack,
    publisher: { ...result.pack.publisher, corrections },
  });
  if (!changed.ok) {
    throw plainError(
      `The campaign pack ${file} does not accept PICKET_CORRECTIONS=${corrections}:\n` +
        formatIssues(changed.issues),
    );
  }
  return changed.pack;
}

export function bundledPack(): Plugin {
  const file = bundledPackFile();
  const corrections = correctionsFromEnv(process.env.PICKET_CORRECTIONS);
  return {
    name: 'picket-bundled-pack',
    // Checked at the start of every build, whether or not an entrypoint imports the pack yet.
    buildStart() {
      loadBundledPack(file, corrections);
    },
    resolveId: (id) => (id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : null),
    load(id) {
      if (id !== '\0' + VIRTUAL_ID) return null;
      this.addWatchFile(file);
      return `export default ${JSON.stringify(loadBundledPack(file, corrections))};`;
    },
  };
}
