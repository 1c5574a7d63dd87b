// Builds what the bench drives: the campaign-specific build of Picket with the bench's stream
// pack bundled (`PICKET_PACK=… PICKET_OUT_DIR=… wxt build`, the supported way), plus the
// bench-only store page added to that copy of the build (see bench/extension-page/store-page.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { bundledPack } from '../../scripts/bundled-pack-plugin';
import { repoRoot } from '../../harness/paths';
import { makePack } from './packs';

/**
 * The pack bundled into the bench build: 1,000 Instagram accounts, the stream page's members among
 * them, plus those members' Facebook accounts for the saved Facebook pages.
 */
export const STREAM_PACK_ACCOUNTS = 1_000;
export const STREAM_PACK_ID = 'bench-stream';
export const STORE_PAGE = 'bench-store.html';

export interface BenchBuild {
  outDir: string;
  extensionDir: string;
  packFile: string;
  buildMs: number;
}

export function writeStreamPack(workDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, 'stream-pack.json');
  writeFileSync(
    file,
    JSON.stringify(makePack(STREAM_PACK_ACCOUNTS, STREAM_PACK_ID, undefined, { facebook: true })),
  );
  return file;
}

/**
 * `reuse`: skip `wxt build` when the output exists (e.g. PICKET_OUT_DIR already holds a bench
 * build); the store page is always rebuilt, it takes a second.
 */
export async function buildBench(
  outDir: string,
  workDir: string,
  { reuse = false, log = (_: string) => {} } = {},
): Promise<BenchBuild> {
  const packFile = writeStreamPack(workDir);
  const extensionDir = join(outDir, 'chrome-mv3');
  const started = performance.now();
  if (!(reuse && existsSync(join(extensionDir, 'manifest.json')))) {
    log(`building Picket with the bench pack into ${outDir}`);
    execFileSync(resolve(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PICKET_PACK: packFile, PICKET_OUT_DIR: outDir },
    });
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`The build did not produce ${extensionDir}/manifest.json`);
  }
  await buildStorePage(extensionDir, packFile);
  return { outDir, extensionDir, packFile, buildMs: performance.now() - started };
}

/**
 * The product as shipped (the default bundled pack): what the size figures are taken from, so
 * the bench pack in the bench build does not change them.
 */
export function buildDefault(
  outDir: string,
  { reuse = false, log = (_: string) => {} } = {},
): string {
  const dir = join(outDir, 'default');
  const extensionDir = join(dir, 'chrome-mv3');
  if (!(reuse && existsSync(join(extensionDir, 'manifest.json')))) {
    log(`building Picket as shipped (default pack) into ${dir}`);
    const env: NodeJS.ProcessEnv = { ...process.env, PICKET_OUT_DIR: dir };
    delete env.PICKET_PACK;
    execFileSync(resolve(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`The build did not produce ${extensionDir}/manifest.json`);
  }
  return extensionDir;
}

/** Bundles the store page with the same bundled pack, so both sides agree on the source signature. */
async function buildStorePage(extensionDir: string, packFile: string): Promise<void> {
  const previous = process.env.PICKET_PACK;
  process.env.PICKET_PACK = packFile;
  try {
    await build({
      configFile: false,
      root: repoRoot,
      logLevel: 'warn',
      plugins: [bundledPack()],
      build: {
        outDir: extensionDir,
        emptyOutDir: false,
        minify: true,
        copyPublicDir: false,
        lib: {
          entry: resolve(repoRoot, 'bench/extension-page/store-page.ts'),
          formats: ['es'],
          fileName: () => 'bench-store.js',
        },
      },
    });
  } finally {
    if (previous === undefined) delete process.env.PICKET_PACK;
    else process.env.PICKET_PACK = previous;
  }
  writeFileSync(
    join(extensionDir, STORE_PAGE),
    '<!doctype html><meta charset="utf-8"><title>bench-store</title>' +
      '<script type="module" src="/bench-store.js"></script>\n',
  );
}
