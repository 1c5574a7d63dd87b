// Vite plugin: provides `virtual:picket-bundled-pack`, the campaign pack built into the extension.
// PICKET_PACK=/abs/path.json swaps in another pack (a campaign-specific build).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:picket-bundled-pack';
export const DEFAULT_PACK = resolve(import.meta.dirname, '../packs/stophateforprofit-2020.json');

export function bundledPack(): Plugin {
  const file = process.env.PICKET_PACK ? resolve(process.env.PICKET_PACK) : DEFAULT_PACK;
  return {
    name: 'picket-bundled-pack',
    resolveId: (id) => (id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : null),
    load(id) {
      if (id !== '\0' + VIRTUAL_ID) return null;
      this.addWatchFile(file);
      const text = readFileSync(file, 'utf8');
      return `export default ${JSON.stringify(JSON.parse(text))};`;
    },
  };
}
