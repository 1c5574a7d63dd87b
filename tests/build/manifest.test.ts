// Static checks on the built extension (checklist D1, D2, C4, B5): run after `npm run build`
// and `npm run build:firefox`. Any change to the manifest's permissions or surface fails here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const outDir = resolve(process.env.PICKET_OUT_DIR ?? '.output');
const chromeDir = join(outDir, 'chrome-mv3');
const firefoxDir = join(outDir, 'firefox-mv2');

function manifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const CONTENT_MATCHES = ['https://*.facebook.com/*', 'https://*.instagram.com/*'];
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe.each([
  ['chrome-mv3', chromeDir],
  ['firefox-mv2', firefoxDir],
])('built %s', (name, dir) => {
  it.skipIf(!existsSync(dir))('has exactly the permissions, hosts and surface we promise', () => {
    const m = manifest(dir);
    expect(m.name).toBe('Picket');
    expect([...(m.permissions as string[])].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    const scripts = m.content_scripts as { matches: string[] }[];
    expect(scripts).toHaveLength(1);
    expect([...scripts[0]!.matches].sort()).toEqual(CONTENT_MATCHES);
    if (name === 'chrome-mv3') {
      expect(m.manifest_version).toBe(3);
      expect(m.optional_host_permissions).toEqual(['https://*/*']);
      expect(m.content_security_policy).toEqual({ extension_pages: CSP });
      expect(m.browser_specific_settings).toBeUndefined();
      expect(m.externally_connectable).toEqual({ ids: [] });
    } else {
      expect(m.manifest_version).toBe(2);
      expect(m.externally_connectable).toBeUndefined();
      expect(m.optional_permissions).toEqual(['https://*/*']);
      expect(m.content_security_policy).toBe(CSP);
      expect(m.browser_specific_settings).toEqual({
        gecko: {
          id: 'picket@picket-extension.org',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      });
      expect(m.background).toMatchObject({ persistent: false });
    }
  });

  it.skipIf(!existsSync(dir))('builds its pages, none of them web-accessible', () => {
    const m = manifest(dir);
    for (const page of ['popup.html', 'options.html', 'report.html', 'builder.html'])
      expect(existsSync(join(dir, page)), page).toBe(true);
    // No page, the pack builder included, can be loaded or probed by a website.
    expect(m.web_accessible_resources).toBeUndefined();
    expect(JSON.stringify(m)).not.toContain('builder');
  });

  it.skipIf(!existsSync(dir))('ships no remote code, no eval and no source maps', () => {
    const all = files(dir);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of all.filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(/);
      expect(text, file).not.toMatch(/\bnew Function\s*\(/);
      expect(text, file).not.toMatch(/<script[^>]+src=["']?https?:/i);
      expect(text, file).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
    }
  });
});
