// <picket-notice>: the one boycott-day notice, a small status box in a bottom corner. It covers
// nothing but itself (no overlay) and holds only text; dismissing it is remembered for the day
// by the background, which the slot below tells.
import type { ContentConfig, NoticeInfo } from '../core/messages';
import noticeCss from './notice.css?inline';
import panelCss from './panel.css?inline';
import { applyShadowStyle } from './shadow-style';
import type { Translate } from './strings';

export const NOTICE_TAG = 'picket-notice';
const NOTICE_CSS = panelCss + noticeCss;

export interface NoticeHandle {
  readonly element: HTMLElement;
  readonly id: string;
  remove(): void;
}

const shadows = new WeakMap<Element, ShadowRoot>();

/** Appends the notice to `<body>`; `onDismiss` runs once, on the user's own click. */
export function showNotice(
  document: Document,
  info: NoticeInfo,
  t: Translate,
  onDismiss: () => void,
): NoticeHandle {
  const host = document.createElement(NOTICE_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  shadows.set(host, shadow);
  applyShadowStyle(shadow, NOTICE_CSS);
  const box = document.createElement('div');
  box.className = 'box panel';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-label', t('notice.label'));
  const text = document.createElement('div');
  const title = document.createElement('div');
  title.className = 'title';
  title.dir = 'auto';
  title.textContent = info.title;
  const message = document.createElement('div');
  message.className = 'message';
  message.dir = 'auto';
  message.textContent = info.message;
  text.append(title, message);
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = t('notice.dismiss');
  box.append(text, dismiss);
  shadow.append(box);
  // Keep our clicks and keys away from the site's delegated handlers.
  for (const type of ['click', 'mousedown', 'pointerdown', 'keydown'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  const handle: NoticeHandle = {
    element: host,
    id: info.id,
    remove: () => host.remove(),
  };
  dismiss.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    handle.remove();
    onDismiss();
  });
  document.body.append(host);
  return handle;
}

/** The closed shadow root of a notice made here; for tests inside the content script only. */
export function noticeShadowRoot(host: Element): ShadowRoot | undefined {
  return shadows.get(host);
}

export interface NoticeSlot {
  /** Shows the notice the config asks for (none when Picket is off), replacing another. */
  sync(config: ContentConfig | null): void;
  remove(): void;
}

/** The page's one notice place: `dismissed` is told which notice the user closed. */
export function createNoticeSlot(
  document: Document,
  t: Translate,
  dismissed: (noticeId: string) => void,
): NoticeSlot {
  let notice: NoticeHandle | null = null;
  const remove = () => {
    notice?.remove();
    notice = null;
  };
  return {
    sync(config) {
      const wanted = config?.enabled ? config.notice : null;
      if (notice && (!wanted || wanted.id !== notice.id)) remove();
      if (!wanted || notice || !document.body) return;
      notice = showNotice(document, wanted, t, () => {
        notice = null;
        dismissed(wanted.id);
      });
    },
    remove,
  };
}
