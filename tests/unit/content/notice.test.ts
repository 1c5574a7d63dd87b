import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noticeShadowRoot } from '../../../content/notice';
import type { Harness } from './harness';
import { createHarness, defaultConfig, tick, trusted } from './harness';

const NOTICE = {
  id: 'shfp-2020/freeze-day/2020-09-16',
  title: 'Boycott day',
  message: 'Stay off Instagram today.',
};

let harness: Harness | null = null;
beforeEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  expect(harness?.background.invalid ?? []).toEqual([]);
  harness?.runtime.stop();
});

async function startWith(notice: typeof NOTICE | null) {
  harness = createHarness(new Map());
  harness.background.state.config = defaultConfig({ notice });
  await harness.runtime.start();
  await harness.settle();
  return harness;
}

const notices = () => [...document.querySelectorAll('picket-notice')];

describe('<picket-notice>', () => {
  it('appears once on boycott day, as text, in a status box', async () => {
    const h = await startWith({ ...NOTICE, title: '<img src=x onerror=alert(1)>' });
    await h.runtime.refresh();
    await h.runtime.refresh();
    expect(notices()).toHaveLength(1);
    const host = notices()[0]!;
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual([]);
    const shadow = noticeShadowRoot(host)!;
    const box = shadow.querySelector('[role="status"]')!;
    expect(box.querySelector('.title')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(box.querySelector('.message')!.textContent).toBe(NOTICE.message);
    expect(shadow.querySelectorAll('img')).toHaveLength(0);
  });

  it('does not appear on other days', async () => {
    await startWith(null);
    expect(notices()).toHaveLength(0);
  });

  it('is dismissed by the user’s click only, and tells the background', async () => {
    const h = await startWith(NOTICE);
    const button = noticeShadowRoot(notices()[0]!)!.querySelector('button')!;
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(notices()).toHaveLength(1);
    expect(h.background.ofType('dismissNotice')).toHaveLength(0);

    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    await tick();
    expect(notices()).toHaveLength(0);
    expect(h.background.ofType('dismissNotice')).toEqual([
      { type: 'dismissNotice', noticeId: NOTICE.id },
    ]);
  });

  it('goes away when the config no longer has a notice', async () => {
    const h = await startWith(NOTICE);
    h.background.state.config = defaultConfig({ notice: null });
    await h.runtime.refresh();
    expect(notices()).toHaveLength(0);
  });
});
