// Scenario 5, size: the JavaScript the browser loads for the content script (what every
// Instagram/Facebook page pays) and for the popup (every toolbar click), as built — the
// production build is minified — and gzipped with zlib's default level. Taken from the build
// as shipped (default bundled pack), not from the bench build.
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

export interface SizeResult {
  contentScript: BundleSize;
  popup: BundleSize;
}

function measure(extensionDir: string, files: string[]): BundleSize {
  const sizes = files.map((file) => {
    const data = readFileSync(join(extensionDir, file));
    return { file, bytes: data.length, gzipBytes: gzipSync(data).length };
  });
  return {
    files: sizes,
    bytes: sizes.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: sizes.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

/** Static imports of an ES module chunk (`import … from "./x.js"`, `import "./x.js"`). */
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g;
/** Dynamic imports: loaded by the page too, as soon as the code path runs (Vite preloads them). */
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** Every JS file an HTML page loads: its module scripts, modulepreloads and their imports. */
export function scriptsOfPage(extensionDir: string, page: string): string[] {
  const html = readFileSync(join(extensionDir, page), 'utf8');
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (file: string) => {
    const normalized = posix.normalize(file.replace(/^\//, ''));
    if (!found.has(normalized)) {
      found.add(normalized);
      queue.push(normalized);
    }
  };
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.js)"/g))
    add(match[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(join(extensionDir, file), 'utf8');
    for (const pattern of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
      for (const match of code.matchAll(pattern)) {
        const spec = match[1]!;
        if (spec.startsWith('/')) add(spec);
        else if (spec.startsWith('.')) add(posix.join(dirname(file), spec));
      }
    }
  }
  return [...found].sort();
}

export function measureSize(extensionDir: string): SizeResult {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
    action?: { default_popup?: string };
  };
  const contentFiles = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const popupPage = manifest.action?.default_popup ?? 'popup.html';
  return {
    contentScript: measure(extensionDir, contentFiles),
    popup: measure(extensionDir, scriptsOfPage(extensionDir, popupPage)),
  };
}
