// Test support: the extension pages' `send`, with the view requests (popup, options, participants,
// settings) answered by the real background router, so a page test also proves that what the page
// asks passes the schema and what it gets is what the background shapes. Every other request goes
// to `others`, which the test scripts.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../background/router';
import type { Request } from '../../../core/messages';

const VIEW_REQUESTS: ReadonlySet<string> = new Set([
  'getPopupView',
  'getOptionsView',
  'rememberCampaign',
  'searchParticipants',
  'changeSettings',
]);

export function answeredByBackground(
  others: (request: Request) => Promise<unknown>,
): (request: Request) => Promise<never> {
  return async (request) =>
    (VIEW_REQUESTS.has(request.type)
      ? await handleMessage(request, {
          id: fakeBrowser.runtime.id,
          url: fakeBrowser.runtime.getURL('/popup.html'),
          frameId: 0,
        })
      : await others(request)) as never;
}
