// The strings the content script shows. The runtime takes a `Translate` function instead of
// importing `#i18n` itself so that unit tests (where `browser.i18n` does not exist) inject one.
import type { ClaimKey, MONTHS_KEY } from '../core/claim';

export type ContentStringKey =
  | 'badge.label'
  | 'badge.buttonName'
  | 'badge.dialogName'
  | 'badge.actionsHeading'
  | ClaimKey
  | typeof MONTHS_KEY
  | 'claim.account'
  | 'claim.accountHolder'
  | 'claim.accountLikely'
  | 'claim.sources'
  | 'claim.report'
  | 'notice.label'
  | 'notice.dismiss';

export type Translate = (key: ContentStringKey, substitutions?: string[]) => string;

/** Distinct strings kept; past this the memo starts over. */
const TRANSLATIONS_KEPT = 2_000;
/** Stands for the i-th substitution in a message asked for once (private-use characters). */
const slot = (index: number): string => `\uE000${index}\uE001`;

/**
 * `t` with its answers remembered: the browser's i18n call crosses into the extension's
 * message catalogue (~50 µs a call in Chrome), and every account's badge has a name of its own.
 * A message with substitutions is asked for once with placeholders, and the values are put in
 * here, literally, as `i18n.getMessage` does; a value holding a placeholder's characters is
 * asked for the usual way.
 */
export function rememberingTranslate(t: Translate): Translate {
  const known = new Map<string, string>();
  const withSlots = new Map<string, string[]>();
  return (key, substitutions) => {
    if (substitutions?.length) {
      if (substitutions.some((value) => value.includes('\uE000'))) return t(key, substitutions);
      const id = `${key}\u0000${substitutions.length}`;
      let pieces = withSlots.get(id);
      if (!pieces) {
        // Split at the placeholders: even pieces are message text, odd ones substitution indices.
        const template = t(
          key,
          substitutions.map((_, index) => slot(index)),
        );
        pieces = template.split(/\uE000(\d+)\uE001/);
        withSlots.set(id, pieces);
      }
      let text = '';
      pieces.forEach((piece, index) => {
        text += index % 2 === 0 ? piece : (substitutions[Number(piece)] ?? '');
      });
      return text;
    }
    let text = known.get(key);
    if (text === undefined) {
      text = t(key);
      if (known.size >= TRANSLATIONS_KEPT) known.clear();
      known.set(key, text);
    }
    return text;
  };
}
