import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../core/send';

export async function startContent(_ctx: ContentScriptContext): Promise<void> {
  const platform = location.hostname.endsWith('instagram.com') ? 'instagram' : 'facebook';
  await send({ type: 'pageReport', platform, pageType: 'other', badged: [], unreadable: false });
}
