import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeShadowRoot } from '../../../content/badge';
import type { BadgeInfo } from '../../../core/messages';
import type { Translate } from '../../../content/strings';
import type { Harness } from './harness';
import {
  accountLink,
  badgeInfoFor,
  createHarness,
  defaultConfig,
  seeEverything,
  testTranslate,
  tick,
  trusted,
} from './harness';

let harness: Harness | null = null;

beforeEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  // Everything the runtime sent passes the protocol's validation.
  expect(harness?.background.invalid ?? []).toEqual([]);
  harness?.runtime.stop();
  harness = null;
});

function dataset(...keys: string[]): Map<string, BadgeInfo> {
  return new Map(keys.map((key) => [key, badgeInfoFor(key)]));
}

async function started(data: Map<string, BadgeInfo>) {
  harness = createHarness(data);
  await harness.runtime.start();
  await harness.settle();
  return harness;
}

const badges = () => [...document.querySelectorAll('picket-badge')];

describe('content runtime', () => {
  it('looks up the keys of one flush in one message and badges the hits', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `user${i}`);
    const hits = keys.filter((_, i) => i % 3 === 0);
    const h = await started(dataset(...hits));
    const container = document.createElement('div');
    for (let i = 0; i < 300; i += 1) container.append(accountLink(keys[i % 120]!));
    document.body.append(container);
    await h.settle();

    const lookups = h.background.ofType('lookup');
    expect(lookups).toHaveLength(1);
    expect(new Set(lookups[0]!.keys)).toEqual(new Set(keys));
    expect(lookups[0]!.keys).toHaveLength(120);
    // Every reference to a hit is badged (300 refs, every third key a hit → 100 badges).
    expect(badges()).toHaveLength(100);
    expect(new Set(badges().map((b) => b.getAttribute('data-handle')))).toEqual(new Set(hits));

    // A second flush with only known keys asks nothing.
    const more = document.createElement('div');
    for (const key of keys.slice(0, 30)) more.append(accountLink(key));
    document.body.append(more);
    await h.settle();
    expect(h.background.ofType('lookup')).toHaveLength(1);
    expect(badges()).toHaveLength(110);
  });

  it('neither looks up nor badges a name nobody can see; badges it once it is seen', async () => {
    const hiddenNames = new Set<Element>();
    harness = createHarness(dataset('kimk', 'nike'), {
      createSightings: seeEverything((element) => hiddenNames.has(element)),
    });
    const h = harness;
    await h.runtime.start();
    await h.settle();
    const planted = accountLink('kimk');
    hiddenNames.add(planted);
    const shown = accountLink('nike');
    document.body.append(planted, shown);
    await h.settle();
    expect(h.background.ofType('lookup').flatMap((r) => r.keys)).toEqual(['nike']);
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['nike']);
    // The same account shown where it can be seen is asked for then, and only that name badged.
    const visible = accountLink('kimk');
    document.body.append(visible);
    await h.settle();
    expect(h.background.ofType('lookup').flatMap((r) => r.keys)).toEqual(['nike', 'kimk']);
    expect(planted.nextElementSibling?.localName).not.toBe('picket-badge');
    expect(visible.nextElementSibling?.getAttribute('data-handle')).toBe('kimk');
  });

  it('a badge the page moves next to another account does not open there, and goes', async () => {
    const h = await started(dataset('kimk'));
    const kim = accountLink('kimk');
    const other = accountLink('someoneelse');
    document.body.append(kim, other);
    await h.settle();
    const badge = kim.nextElementSibling!;
    expect(badge.localName).toBe('picket-badge');
    // The page moves the genuine badge after another account's name.
    other.after(badge);
    const shadow = badgeShadowRoot(badge)!;
    shadow
      .querySelector('button')!
      .dispatchEvent(
        trusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })),
      );
    expect(shadow.querySelector('.pop:not([hidden])')).toBeNull();
    expect(badge.isConnected).toBe(false);
    // Its own name gets a badge again the next time it is looked at.
    kim.setAttribute('href', '/kimk');
    await h.settle();
    expect(kim.nextElementSibling?.getAttribute('data-handle')).toBe('kimk');
  });

  it('a badge whose name now shows another account does not open either', async () => {
    const h = await started(dataset('kimk'));
    const kim = accountLink('kimk');
    document.body.append(kim);
    await h.settle();
    const badge = kim.nextElementSibling!;
    // Same place, but the link now names someone else, and the card is asked for before the
    // runtime's next frame has re-read it.
    kim.setAttribute('href', '/someoneelse/');
    const shadow = badgeShadowRoot(badge)!;
    badge.dispatchEvent(trusted(new MouseEvent('mouseenter')));
    expect(shadow.querySelector('.pop:not([hidden])')).toBeNull();
    expect(badge.isConnected).toBe(false);
  });

  it('a badge still beside its name opens as before', async () => {
    const h = await started(dataset('kimk'));
    const kim = accountLink('kimk');
    document.body.append(kim);
    await h.settle();
    const badge = kim.nextElementSibling!;
    badge.dispatchEvent(trusted(new MouseEvent('mouseenter')));
    const popover = badgeShadowRoot(badge)!.querySelector<HTMLElement>('.pop');
    expect(popover && !popover.hidden).toBe(true);
    expect(badge.isConnected).toBe(true);
  });

  it('inserts a badge right after the name element, with only the two contract attributes', async () => {
    const h = await started(dataset('nike'));
    const link = accountLink('Nike');
    const line = document.createElement('div');
    line.append(link, ' follows you');
    document.body.append(line);
    await h.settle();

    const badge = link.nextElementSibling!;
    expect(badge.localName).toBe('picket-badge');
    expect(badge.getAttributeNames().sort()).toEqual(['data-handle', 'data-platform']);
    expect(badge.getAttribute('data-handle')).toBe('nike');
    expect(badge.getAttribute('data-platform')).toBe('instagram');
    expect(badge.shadowRoot).toBeNull();
    expect(badgeShadowRoot(badge)?.mode).toBe('closed');
    // The site's nodes are untouched: the link still holds only its text.
    expect(link.childNodes).toHaveLength(1);
    expect(link.textContent).toBe('Nike');
  });

  it('never puts a badge inside a site link when the name is a span within it', async () => {
    const h = await started(dataset('nike'));
    const link = document.createElement('a');
    link.href = '/nike/';
    const name = document.createElement('span');
    name.setAttribute('data-name', '');
    name.textContent = 'nike';
    link.append(name);
    document.body.append(link);
    await h.settle();
    expect(link.querySelector('picket-badge')).toBeNull();
    expect(link.nextElementSibling?.localName).toBe('picket-badge');
  });

  it('adds one badge when two references name the same element', async () => {
    const h = await started(dataset('nike'));
    const avatar = accountLink('nike', '');
    avatar.setAttribute('data-name-id', 'name-1');
    const name = document.createElement('span');
    name.id = 'name-1';
    name.textContent = 'Nike';
    const nameLink = accountLink('nike', '');
    nameLink.setAttribute('data-name-id', 'name-1');
    const header = document.createElement('header');
    header.append(avatar, name, nameLink);
    document.body.append(header);
    await h.settle();
    expect(badges()).toHaveLength(1);
    expect(name.nextElementSibling?.localName).toBe('picket-badge');
    expect(h.runtime.stats.badgesInserted).toBe(1);
  });

  it('re-checks a recycled node whose link changes, and drops the old badge', async () => {
    const h = await started(dataset('nike', 'adidas'));
    const link = accountLink('nike');
    document.body.append(link);
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['nike']);

    link.setAttribute('href', '/adidas/');
    link.textContent = 'adidas';
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['adidas']);
    expect(link.nextElementSibling?.getAttribute('data-handle')).toBe('adidas');

    link.setAttribute('href', '/explore/tags/x/');
    await h.settle();
    expect(badges()).toHaveLength(0);
  });

  it('does not re-process a node it has seen', async () => {
    const h = await started(dataset('nike'));
    const link = accountLink('nike');
    document.body.append(link);
    await h.settle();
    const badge = link.nextElementSibling;
    // The site moves the node elsewhere (virtualised list).
    const other = document.createElement('section');
    document.body.append(other);
    other.append(link);
    await h.settle();
    // The badge follows the name; it is the same element, not a second one.
    expect(link.nextElementSibling).toBe(badge);
    expect(badges()).toHaveLength(1);
    expect(h.runtime.stats.badgesInserted).toBe(1);
    expect(h.runtime.stats.badgesUpdated).toBe(0);
    expect(h.background.ofType('lookup')).toHaveLength(1);
  });

  it('badges a node whose answer arrived while the site had detached it', async () => {
    const h = await started(dataset('nike'));
    const link = accountLink('nike');
    const row = document.createElement('div');
    row.append(link);
    document.body.append(row);
    await tick();
    h.frames.run(); // looked at; the lookup is on its way
    row.remove(); // the virtualised list drops the row before the answer comes
    await h.settle();
    expect(badges()).toHaveLength(0);
    document.body.append(row); // and brings the same node back
    await h.settle();
    expect(link.nextElementSibling?.getAttribute('data-handle')).toBe('nike');
    expect(h.background.ofType('lookup')).toHaveLength(1);
  });

  it('honours per-surface settings', async () => {
    harness = createHarness(dataset('nike', 'adidas'));
    const surfaces = { ...defaultConfig().surfaces, comment: false };
    harness.background.state.config = defaultConfig({ surfaces });
    await harness.runtime.start();
    const comment = accountLink('nike');
    comment.setAttribute('data-surface', 'comment');
    document.body.append(comment, accountLink('adidas'));
    await harness.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['adidas']);
  });

  it('on a settings or pack change re-checks every badge and drops the ones no longer valid', async () => {
    const data = dataset('nike', 'adidas');
    const h = await started(data);
    document.body.append(accountLink('nike'), accountLink('adidas'));
    await h.settle();
    expect(badges()).toHaveLength(2);

    data.delete('adidas');
    h.background.state.config = defaultConfig({ badgeStyle: 'compact' });
    await h.runtime.refresh();
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['nike']);
    // The cache was cleared: both keys were asked again.
    expect(h.background.ofType('lookup').at(-1)!.keys.sort()).toEqual(['adidas', 'nike']);
    // The style change reached the badge that stayed.
    const shadow = badgeShadowRoot(badges()[0]!)!;
    expect(shadow.querySelector('.wrap')!.classList.contains('compact')).toBe(true);

    h.background.state.config = defaultConfig({ enabled: false });
    await h.runtime.refresh();
    await h.settle();
    expect(badges()).toHaveLength(0);
    expect(h.background.ofType('pageReport').at(-1)).toMatchObject({ badged: [] });
    // Switched off, it does not look at the page any more.
    const sent = h.background.requests.length;
    document.body.append(accountLink('adidas'));
    await h.settle();
    h.timers.advance(5_000);
    expect(h.background.requests.length).toBe(sent);
    expect(badges()).toHaveLength(0);
  });

  it('badges in the stories tray are icon-only, whatever the chosen style', async () => {
    const h = await started(dataset('nike', 'adidas'));
    const story = accountLink('nike');
    story.setAttribute('data-surface', 'stories-tray');
    document.body.append(story, accountLink('adidas'));
    await h.settle();
    const compact = (badge: Element) =>
      badgeShadowRoot(badge)!.querySelector('.wrap')!.classList.contains('compact');
    const [inTray, inFeed] = badges();
    expect(inTray!.getAttribute('data-handle')).toBe('nike');
    expect(compact(inTray!)).toBe(true);
    expect(compact(inFeed!)).toBe(false);

    h.background.state.config = defaultConfig({ badgeStyle: 'compact' });
    await h.runtime.refresh();
    await h.settle();
    h.background.state.config = defaultConfig({ badgeStyle: 'label' });
    await h.runtime.refresh();
    await h.settle();
    expect(badges().map(compact)).toEqual([true, false]);
  });

  it('reports the badged keys in page order, once per change', async () => {
    const h = await started(dataset('nike', 'adidas'));
    document.body.append(accountLink('adidas'), accountLink('unknown'), accountLink('nike'));
    await h.settle();
    h.timers.advance(500);
    const reports = h.background.ofType('pageReport');
    expect(reports.at(-1)).toEqual({
      type: 'pageReport',
      platform: 'instagram',
      pageType: 'home',
      badged: ['adidas', 'nike'],
      unreadable: false,
    });
    const count = reports.length;
    // Nothing changed: no new report.
    document.body.append(accountLink('unknown'));
    await h.settle();
    h.timers.advance(500);
    expect(h.background.ofType('pageReport')).toHaveLength(count);
  });

  it('calls a page unreadable when it expects accounts and none appear after settling', async () => {
    const h = await started(dataset('nike'));
    h.timers.advance(3_000);
    h.timers.advance(500);
    expect(h.background.ofType('pageReport').at(-1)).toMatchObject({
      pageType: 'home',
      unreadable: true,
      badged: [],
    });
    // References appear later: the page is readable after all.
    document.body.append(accountLink('nike'));
    await h.settle();
    h.timers.advance(500);
    expect(h.background.ofType('pageReport').at(-1)).toMatchObject({
      unreadable: false,
      badged: ['nike'],
    });
  });

  it('notices same-document navigation and reports the new page type', async () => {
    const h = await started(dataset('nike'));
    document.body.append(accountLink('nike'));
    await h.settle();
    history.pushState(null, '', '/p/abc123/');
    // The page's pushState is invisible from here; the popstate/DOM change path catches it.
    window.dispatchEvent(new PopStateEvent('popstate'));
    await h.settle();
    h.timers.advance(500);
    expect(h.background.ofType('pageReport').at(-1)).toMatchObject({
      pageType: 'post',
      badged: ['nike'],
    });
  });

  it('notices a URL change at the next DOM change, without any event', async () => {
    const h = await started(dataset('nike'));
    history.pushState(null, '', '/p/xyz/');
    document.body.append(accountLink('nike'));
    await h.settle();
    h.timers.advance(500);
    expect(h.background.ofType('pageReport').at(-1)).toMatchObject({ pageType: 'post' });
  });

  it('looks again after a navigation, for names the site changed in place', async () => {
    const h = await started(dataset('nike', 'adidas'));
    // A profile heading whose name is its text (no link): the site keeps the element and only
    // rewrites the text node, which no observer option here reports.
    const heading = document.createElement('h2');
    heading.setAttribute('data-account-text', '');
    heading.textContent = 'nike';
    document.body.append(heading);
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['nike']);

    history.pushState(null, '', '/adidas/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await h.settle();
    heading.firstChild!.nodeValue = 'adidas'; // rendered a moment after the URL changed
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['nike']);
    h.timers.advance(1_000);
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['adidas']);
    expect(heading.nextElementSibling?.getAttribute('data-handle')).toBe('adidas');
  });

  it('removes the badges of a previous instance when it starts', async () => {
    const leftover = document.createElement('picket-badge');
    leftover.setAttribute('data-platform', 'instagram');
    leftover.setAttribute('data-handle', 'old');
    document.body.append(leftover);
    await started(dataset());
    expect(leftover.isConnected).toBe(false);
  });

  it('teardown removes everything and later changes send nothing', async () => {
    harness = createHarness(dataset('nike'));
    harness.background.state.config = defaultConfig({
      notice: { id: 'day', title: 'Boycott today', message: 'Stay off.' },
    });
    await harness.runtime.start();
    document.body.append(accountLink('nike'));
    await harness.settle();
    expect(badges()).toHaveLength(1);
    expect(document.querySelectorAll('picket-notice')).toHaveLength(1);

    harness.runtime.stop();
    expect(badges()).toHaveLength(0);
    expect(document.querySelectorAll('picket-notice')).toHaveLength(0);
    const sent = harness.background.requests.length;
    document.body.append(accountLink('nike'), accountLink('adidas'));
    await tick();
    harness.frames.run();
    harness.timers.advance(10_000);
    await harness.runtime.refresh();
    await tick();
    expect(harness.background.requests.length).toBe(sent);
    expect(harness.frames.pending).toBe(0);
    expect(harness.timers.pending).toBe(0);
    expect(badges()).toHaveLength(0);
  });

  it('tears itself down at the next DOM change once the extension context is gone', async () => {
    let invalid = false;
    harness = createHarness(dataset('nike'), { isInvalid: () => invalid });
    await harness.runtime.start();
    document.body.append(accountLink('nike'));
    await harness.settle();
    expect(badges()).toHaveLength(1);
    invalid = true;
    const sent = harness.background.requests.length;
    document.body.append(accountLink('adidas'));
    await harness.settle();
    harness.timers.advance(10_000);
    await tick();
    expect(badges()).toHaveLength(0);
    expect(harness.background.requests.length).toBe(sent);
  });

  it('an orphan meeting an account it already knows builds nothing (no call into the gone extension)', async () => {
    let invalid = false;
    const t = vi.fn<Translate>((key, substitutions) => {
      // Like browser.i18n after an extension reload.
      if (invalid) throw new Error('Extension context invalidated.');
      return testTranslate(key, substitutions);
    });
    harness = createHarness(dataset('nike'), { isInvalid: () => invalid, t });
    await harness.runtime.start();
    document.body.append(accountLink('nike'));
    await harness.settle();
    expect(badges()).toHaveLength(1);
    invalid = true;
    t.mockClear();
    // The answer for nike is cached: without the check before visiting, this would build a badge.
    document.body.append(accountLink('nike'));
    await harness.settle();
    expect(t).not.toHaveBeenCalled();
    expect(badges()).toHaveLength(0);
  });

  it('drops answers that arrive after teardown', async () => {
    const h = await started(dataset('nike'));
    document.body.append(accountLink('nike'));
    await tick();
    h.frames.run(); // the lookup is now on its way
    h.runtime.stop();
    await tick();
    await tick();
    expect(badges()).toHaveLength(0);
  });

  it('asks again after a failed lookup, backing off instead of asking every frame', async () => {
    const h = await started(dataset('nike'));
    h.background.state.failLookups = true;
    document.body.append(accountLink('nike'));
    await h.settle();
    expect(badges()).toHaveLength(0);
    expect(h.background.ofType('lookup')).toHaveLength(1);
    // The page keeps changing; no new question before the retry is due.
    document.body.append(accountLink('adidas'));
    await h.settle();
    expect(h.background.ofType('lookup')).toHaveLength(1);
    h.background.state.failLookups = false;
    h.timers.advance(1_000);
    await h.settle();
    const lookups = h.background.ofType('lookup');
    expect(lookups).toHaveLength(2);
    expect(lookups[1]!.keys.sort()).toEqual(['adidas', 'nike']);
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['nike']);
  });

  it('never sends a key the protocol would refuse, so one bad key cannot block the batch', async () => {
    const h = await started(dataset('nike'));
    const long = document.createElement('a');
    long.href = '/x/';
    long.setAttribute('data-alt-keys', 'k'.repeat(65));
    document.body.append(long, accountLink('nike'));
    await h.settle();
    const keys = h.background.ofType('lookup').flatMap((lookup) => lookup.keys);
    expect(keys.every((key) => key.length <= 64)).toBe(true);
    expect(keys).toContain('x');
    expect(badges()).toHaveLength(1);
  });

  it('asks for alternative keys in the same message and badges the one the pack lists', async () => {
    const data = new Map([['id:100200300', { ...badgeInfoFor('x'), handle: 'id:100200300' }]]);
    const h = await started(data);
    const link = accountLink('brandvanity');
    link.setAttribute('data-alt-keys', 'id:100200300');
    const plain = accountLink('othervanity');
    plain.setAttribute('data-alt-keys', 'id:999999999');
    document.body.append(link, plain);
    await h.settle();
    const lookups = h.background.ofType('lookup');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.keys.sort()).toEqual([
      'brandvanity',
      'id:100200300',
      'id:999999999',
      'othervanity',
    ]);
    expect(badges().map((b) => b.getAttribute('data-handle'))).toEqual(['id:100200300']);
    expect(link.nextElementSibling).toBe(badges()[0]);
    h.timers.advance(500);
    // The report names the account by the key the pack matched.
    expect(h.background.ofType('pageReport').at(-1)).toMatchObject({ badged: ['id:100200300'] });
  });
});

describe('rescans once the page has settled', () => {
  /** Runs both settling timers and the frames they queue; returns how many scans ran meanwhile. */
  async function scansWhileSettling(h: Harness): Promise<number> {
    const before = h.adapter.calls;
    h.timers.advance(5_000);
    await h.settle();
    return h.adapter.calls - before;
  }

  it('on a page the site may rebuild from the last one (a post), the whole page is scanned again', async () => {
    history.replaceState(null, '', '/p/abc/');
    const h = await started(dataset('nike'));
    document.body.append(accountLink('nike'));
    await h.settle();
    expect(await scansWhileSettling(h)).toBeGreaterThan(0);
  });

  it('not on an endless feed whose adapter says it gets new elements: the observer saw them all', async () => {
    harness = createHarness(dataset('nike'));
    const h = harness;
    h.adapter.reusesElements = (pageType) => pageType !== 'home';
    await h.runtime.start();
    await h.settle();
    document.body.append(accountLink('nike'));
    await h.settle();
    expect(badges()).toHaveLength(1);
    expect(await scansWhileSettling(h)).toBe(0);
    // A navigation to another kind of page brings the settling rescans back.
    history.pushState(null, '', '/p/abc/');
    document.body.append(document.createElement('div'));
    await h.settle();
    expect(await scansWhileSettling(h)).toBeGreaterThan(0);
  });
});
