// Sends a typed request to the background and never throws: a failure comes back as { ok: false }.
import { browser } from 'wxt/browser';
import type { Request, Response } from './messages';

/** Sends one request to the background and returns its typed answer; never rejects. */
export async function send<R extends Request>(request: R): Promise<Response<R['type']>> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as Response<R['type']> | undefined;
    return answer ?? { ok: false, error: 'No answer from the background.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
