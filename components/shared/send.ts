// Sending from the extension pages. When the background went away mid-request (the browser
// stopped its worker, or Picket was reloaded), the browser's own words become a plain sentence
// in the user's language, and requests that are safe to repeat are sent once more.
import { i18n } from '#i18n';
import type { Request, Response } from '../../core/messages';
import { send } from '../../core/send';

/** Reads, and writes that set an absolute state: sending them twice does no harm. */
const REPEATABLE: ReadonlySet<Request['type']> = new Set([
  'getTabState',
  'getStatus',
  'exportPack',
  'setPackEnabled',
  'refreshSubscription',
  'getPopupView',
  'getOptionsView',
  'rememberCampaign',
  'searchParticipants',
  // A patch sets the fields it names to absolute values (an allowlist entry is added once).
  'changeSettings',
]);

/**
 * What the browser's error says happened: the background stopped before answering ('gone'), or
 * this page belongs to a Picket that was reloaded or updated ('invalidated').
 */
export function backgroundGone(error: string): 'gone' | 'invalidated' | null {
  if (/extension context invalidated/i.test(error)) return 'invalidated';
  return /message channel closed|message port closed|receiving end does not exist|could not establish connection|went out of scope|no answer from the background/i.test(
    error,
  )
    ? 'gone'
    : null;
}

export async function sendFromPage<R extends Request>(request: R): Promise<Response<R['type']>> {
  let answer = await send(request);
  if (!answer.ok && REPEATABLE.has(request.type) && backgroundGone(answer.error) === 'gone') {
    answer = await send(request);
  }
  if (answer.ok) return answer;
  const gone = backgroundGone(answer.error);
  if (!gone) return answer;
  return {
    ok: false,
    error:
      gone === 'invalidated'
        ? i18n.t('common.extensionReloaded')
        : REPEATABLE.has(request.type)
          ? i18n.t('common.backgroundGone')
          : i18n.t('common.backgroundGoneCheck'),
  };
}
