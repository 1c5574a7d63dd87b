// The claim words (core/claim.ts) in the extension pages' language.
import { i18n } from '#i18n';
import { claimText, type ClaimFacts } from '../../core/claim';
import { uiLanguage } from './format';

/** "Paused ads · Jul 2020" (`month`), or with the full date (`day`). */
export function claimLine(facts: ClaimFacts, style: 'month' | 'day' = 'month'): string {
  return claimText(facts, (key) => i18n.t(key), uiLanguage(), style);
}
