// The pack built into the extension. Isolated here so unit tests can `vi.mock` this module
// (the virtual module only exists inside the WXT/Vite build).
import bundled from 'virtual:picket-bundled-pack';
import { validatePack } from '../core/pack/validate';
import type { Pack } from '../core/pack/types';

let cached: { pack: Pack | null; error?: string } | undefined;

/**
 * The bundled pack, validated again at run time: the build validated it, but the background must
 * not trust anything it did not check itself. Null (with the reason) when it does not validate.
 */
export function bundledPack(): { pack: Pack | null; error?: string } {
  if (!cached) {
    const result = validatePack(bundled);
    cached = result.ok
      ? { pack: result.pack }
      : {
          pack: null,
          error: result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
        };
  }
  return cached;
}
