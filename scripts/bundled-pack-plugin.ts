// Vite plugin: provides `virtual:picket-bundled-pack`, the campaign pack built into the extension.
// PICKET_PACK=/abs/path.json swaps in another pack (a campaign-specific build). The pack goes through
// the same validator as pack:check and import; an invalid pack fails the build with its messages.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatIssues } from '../core/pack/validate';
import type { Pack } from '../core/pack/types';
import { readPackFile } from './pack-file';

const VIRTUAL_ID = 'virtual:picket-bundled-pack';
export const DEFAULT_PACK = resolve(import.meta.dirname, '../packs/stophateforprofit-2020.json');

/** The pack file a build uses: PICKET_PACK when set, else the built-in pack. */
export function bundledPackFile(): string {
  return process.env.PICKET_PACK ? resolve(process.env.PICKET_PACK) : DEFAULT_PACK;
}

/** Reads and validates the pack; throws an Error listing the validator's messages when invalid. */
export function loadBundledPack(file = bundledPackFile()): Pack {
  const result = readPackFile(file);
  if (!result.ok) {
    const error = new Error(
      `The campaign pack ${file} is invalid, so it cannot be bundled:\n` +
        formatIssues(result.issues),
    );
    // The messages are the whole story; a stack trace into the build tool would only bury them.
    error.stack = `Error: ${error.message}`;
    throw error;
  }
  return result.pack;
}

export function bundledPack(): Plugin {
  const file = bundledPackFile();
  return {
    name: 'picket-bundled-pack',
    // Checked at the start of every build, whether or not an entrypoint imports the pack yet.
    buildStart() {
      loadBundledPack(file);
    },
    resolveId: (id) => (id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : null),
    load(id) {
      if (id !== '\0' + VIRTUAL_ID) return null;
      this.addWatchFile(file);
      return `export default ${JSON.stringify(loadBundledPack(file))};`;
    },
  };
}
