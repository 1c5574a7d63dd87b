import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './messages';

/** Every message key as `a.b.c`, with the `$n` count (plural forms merged) and plural flag. */
async function flatten(locale: string) {
  const parsed = await parseMessagesFile(path.join(repoRoot, 'locales', `${locale}.yml`));
  const keys = new Map<string, { substitutions: number; plural: boolean; texts: string[] }>();
  for (const message of parsed as ParsedMessage[]) {
    if (message.type === 'chrome' && message.key[0]?.startsWith('@@')) continue;
    const texts = message.type === 'plural' ? Object.values(message.plurals) : [message.message];
    keys.set(message.key.join('.'), {
      substitutions: message.substitutions,
      plural: message.type === 'plural',
      texts,
    });
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  let files: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files = files.concat(sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name)) files.push(full);
  }
  return files;
}

/** `i18n.t('key'` references (string literals only; dynamic keys can't be checked statically). */
function referencedKeys(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const dirs = ['components', 'content', 'entrypoints'].map((d) => path.join(repoRoot, d));
  for (const file of dirs.flatMap((d) => sourceFiles(d))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bi18n\.t\(\s*['"`]([^'"`]+)['"`]/g)) {
      const list = found.get(match[1]!) ?? [];
      list.push(path.relative(repoRoot, file));
      found.set(match[1]!, list);
    }
  }
  return found;
}

describe('locales', () => {
  it('English and Spanish have exactly the same keys', async () => {
    const en = await flatten('en');
    const es = await flatten('es');
    const missingInSpanish = [...en.keys()].filter((k) => !es.has(k));
    const missingInEnglish = [...es.keys()].filter((k) => !en.has(k));
    expect({ missingInSpanish, missingInEnglish }).toEqual({
      missingInSpanish: [],
      missingInEnglish: [],
    });
    expect(en.size).toBeGreaterThan(100);
  });

  it('translations use the same substitutions and plural shape as English', async () => {
    const en = await flatten('en');
    const es = await flatten('es');
    const mismatches: string[] = [];
    for (const [key, english] of en) {
      const spanish = es.get(key);
      if (!spanish) continue;
      if (spanish.substitutions !== english.substitutions || spanish.plural !== english.plural) {
        mismatches.push(key);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('no message is empty', async () => {
    for (const locale of ['en', 'es']) {
      const empty = [...(await flatten(locale))]
        .filter(([, m]) => m.texts.some((t) => !t.trim()))
        .map(([k]) => `${locale}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('every key the source code asks for exists in en.yml', async () => {
    const en = await flatten('en');
    const referenced = referencedKeys();
    expect(referenced.size).toBeGreaterThan(100);
    const missing = [...referenced]
      .filter(([key]) => !en.has(key))
      .map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });
});
