// <picket-notice>: the one boycott-day notice, a small status box in a bottom corner. It covers
// nothing but itself (no overlay) and holds only text; dismissing it is remembered for the day
// by the background.
import type { NoticeInfo } from '../core/messages';
import { applyShadowStyle } from './shadow-style';
import type { Translate } from './strings';

export const NOTICE_TAG = 'picket-notice';

const CSS = `
/* Above the bottom edge: Facebook floats its new-message button in the bottom corner and
   Instagram shows a bottom navigation bar in narrow windows; neither may be covered. */
:host { all: initial; position: fixed; z-index: 2147483646; inset-block-end: 88px;
  inset-inline-end: 16px; max-width: min(22rem, calc(100vw - 32px)); pointer-events: auto;
  color-scheme: light dark; }
.box { display: flex; align-items: flex-start; gap: 0.75rem; box-sizing: border-box;
  padding: 0.75rem 0.9rem; border-radius: 0.5rem; border: 1px solid #8a1c12;
  background: #fff8f6; color: #1c1b1f; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
  font: 400 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.title { font-weight: 700; }
.message { margin-top: 0.25rem; }
button { all: unset; cursor: pointer; flex: none; padding: 0.2rem 0.5rem; border-radius: 0.25rem;
  font: 600 13px/1.2 system-ui, sans-serif; border: 1px solid currentColor; color: #8a1c12; }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .box { background: #2b2930; color: #e6e0e9; border-color: #ffb4a8; }
  button { color: #ffb4a8; }
}
`;

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
  applyShadowStyle(shadow, CSS);
  const box = document.createElement('div');
  box.className = 'box';
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
