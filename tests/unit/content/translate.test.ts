// The runtime asks the browser for a message with substitutions once, with placeholders, and
// puts each badge's values in itself. It must give exactly what the browser would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rememberingTranslate } from '../../../content/strings';
import type { ContentStringKey, Translate } from '../../../content/strings';

/** Chrome's getMessage: `$n` takes the n-th substitution literally, `$$` is a dollar sign. */
function chromeLike(messages: Record<string, string>): Translate & { calls: number } {
  const translate = ((key: ContentStringKey, substitutions?: string[]) => {
    translate.calls += 1;
    return (messages[key] ?? '').replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions?.[Number(which) - 1] ?? ''),
    );
  }) as Translate & { calls: number };
  translate.calls = 0;
  return translate;
}

const MESSAGES = {
  'badge.buttonName': 'Picket: $1 — $2. Show details ($$5)',
  'badge.dialogName': '$1',
  'badge.label': 'Picket',
};

describe('remembering translator', () => {
  it('gives what the browser gives, for any values, asking once per message', () => {
    const browser = chromeLike(MESSAGES);
    const remembered = rememberingTranslate(browser);
    const tricky = ['$1', '$&', "$'", '$$', '\uE0001\uE001', 'مقاطعة', '', 'a|b'];
    for (const who of tricky) {
      for (const what of tricky) {
        expect(remembered('badge.buttonName', [who, what])).toBe(
          chromeLike(MESSAGES)('badge.buttonName', [who, what]),
        );
      }
    }
    fc.assert(
      fc.property(fc.string(), fc.string(), (who, what) => {
        expect(remembered('badge.buttonName', [who, what])).toBe(
          chromeLike(MESSAGES)('badge.buttonName', [who, what]),
        );
      }),
    );
    // One template call, plus the direct calls for the values holding a placeholder's characters.
    const direct = tricky.length * 2 - 1;
    expect(browser.calls).toBe(1 + direct);
    expect(remembered('badge.label')).toBe('Picket');
    expect(remembered('badge.label')).toBe('Picket');
    expect(browser.calls).toBe(2 + direct);
  });
});
