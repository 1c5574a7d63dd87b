// Run before `npm run zip` and `npm run zip:firefox`: a store package must not carry a placeholder
// corrections address, or "Report a mistake" would reach no one. Prints one line and exits 1 then.
import { pathToFileURL } from 'node:url';
import {
  bundledPackFile,
  correctionsFromEnv,
  isPlaceholderCorrections,
  loadBundledPack,
} from './bundled-pack-plugin';

/** Why a store package may not be made with this environment, in one line; null when it may. */
export function storeBuildProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  let corrections: string | undefined;
  try {
    corrections = correctionsFromEnv(env.PICKET_CORRECTIONS);
    const file = bundledPackFile(env);
    const pack = loadBundledPack(file, corrections);
    const address = pack.publisher.corrections;
    if (!isPlaceholderCorrections(address)) return null;
    return (
      `PICKET_CORRECTIONS is not set: the bundled pack's corrections address is ` +
      `${address ? `the placeholder ${address}` : 'missing'}, so "Report a mistake" would reach ` +
      `no one. Set PICKET_CORRECTIONS=https://… or mailto:… to where people named in the pack ` +
      `can ask for a fix.`
    );
  } catch (error) {
    // Already worded for the user (see bundled-pack-plugin.ts); the first line says it.
    return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = storeBuildProblem();
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
  }
}
