import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BadgeStyle } from '../../../content/badge-state';
import {
  badgeShadowRoot,
  createBadge,
  followSiteTheme,
  removeBadge,
  updateBadge,
} from '../../../content/badge';
import type { BadgeInfo } from '../../../core/messages';
import { badgeInfoFor, testTranslate, trusted } from './harness';

interface HappyDomWindow {
  happyDOM: {
    settings: {
      navigation: { disableChildPageNavigation: boolean; disableMainFrameNavigation: boolean };
    };
  };
}

const context = { t: testTranslate, locale: 'en-US', report: () => {} };

function mount(info: BadgeInfo, style: BadgeStyle = 'label') {
  const name = document.createElement('span');
  name.textContent = info.handle;
  document.body.append(name);
  const badge = createBadge(document, info, style, context);
  name.after(badge);
  const shadow = badgeShadowRoot(badge)!;
  const button = shadow.querySelector('button')!;
  return { badge, shadow, button };
}

function popoverOf(shadow: ShadowRoot) {
  return shadow.querySelector<HTMLElement>('.pop');
}

function isOpen(shadow: ShadowRoot): boolean {
  const popover = popoverOf(shadow);
  return Boolean(popover && !popover.hidden);
}

const click = () =>
  trusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));

beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  for (const badge of document.querySelectorAll('picket-badge')) removeBadge(badge);
});

const XSS_CORPUS = [
  '<img src=x onerror=window.__pwn=1>',
  '<svg onload=window.__pwn=1>',
  '</style><script>window.__pwn=1</script>',
  '\u202Eevil\u202C name \u200B\u200D\u2066x\u2069',
  'مقاطعة <b>bold</b>',
  '"\'><a href=javascript:alert(1)>x</a>',
];

describe('<picket-badge>', () => {
  it('shows every datum as text, exactly, and makes no element from data', () => {
    const [campaign, participant, summary, publisher, title, eventTitle] = XSS_CORPUS as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const info: BadgeInfo = {
      platform: 'instagram',
      handle: 'nike',
      entries: [
        {
          packId: 'p',
          campaignId: 'c',
          participantId: 'x',
          campaignName: campaign,
          hashtag: XSS_CORPUS[4],
          participantName: participant,
          role: 'advertiser',
          actions: [{ summary, eventTitle }],
          sources: [{ url: 'https://example.org/s', publisher, title }],
          account: { confidence: 'likely', holder: XSS_CORPUS[5] },
        },
      ],
    };
    const { shadow, button } = mount(info);
    button.dispatchEvent(click());
    expect(isOpen(shadow)).toBe(true);
    const popover = popoverOf(shadow)!;
    const texts = [...popover.querySelectorAll('*')].map((element) => element.textContent);
    for (const datum of [campaign, participant, summary, publisher, title, eventTitle]) {
      expect(texts).toContain(datum);
    }
    // The holder goes into the account line as a substitution, as text.
    expect(texts).toContain(`claim.accountHolder(@nike|${XSS_CORPUS[5]})`);
    // The badge's words come from the fixed vocabulary, never from the pack's text.
    expect(shadow.querySelector('.label')!.textContent).toBe('claim.tookPart');
    // Only the elements the badge itself builds; nothing parsed out of the data.
    const tags = new Set([...shadow.querySelectorAll('*')].map((element) => element.localName));
    for (const tag of tags) {
      expect([
        'style',
        'span',
        'button',
        'svg',
        'path',
        'div',
        'section',
        'h3',
        'ul',
        'li',
        'p',
        'a',
      ]).toContain(tag);
    }
    expect(popover.querySelectorAll('img, script, b, svg, style')).toHaveLength(0);
    // The only link is the https source we gave it.
    expect([...popover.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/s',
    ]);
    expect((window as unknown as { __pwn?: number }).__pwn).toBeUndefined();
    // The button's accessible name starts with the visible label (WCAG 2.5.3) and carries the
    // participant and campaign, as text.
    expect(button.getAttribute('aria-label')).toBe(
      `claim.tookPart — badge.buttonName(${participant}|${campaign})`,
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'blob:https://example.org/x',
    'http://example.org/plain',
    'not a url',
  ])('makes no link from the source URL %j', (url) => {
    const { shadow, button } = mount(
      badgeInfoFor('nike', { sources: [{ url, publisher: 'Pub' }] }),
    );
    button.dispatchEvent(click());
    expect(popoverOf(shadow)!.querySelectorAll('a')).toHaveLength(0);
    expect(popoverOf(shadow)!.textContent).toContain('Pub');
  });

  it('opens https links in a new tab without an opener or referrer', () => {
    const { shadow, button } = mount(badgeInfoFor('nike'));
    button.dispatchEvent(click());
    const links = [...popoverOf(shadow)!.querySelectorAll('a')];
    expect(links.map((a) => a.href)).toEqual(['https://example.org/source']);
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
  });

  it('ignores synthetic clicks and hovers from the page', () => {
    const { badge, shadow, button } = mount(badgeInfoFor('nike'));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    badge.dispatchEvent(new MouseEvent('mouseenter'));
    badge.click();
    expect(isOpen(shadow)).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens on a user click, wires aria-expanded/aria-controls, and Escape closes it', () => {
    const { shadow, button } = mount(badgeInfoFor('nike'));
    button.dispatchEvent(click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // The click's mousedown is prevented, so focus is moved to the button for Escape to reach us.
    expect(shadow.activeElement).toBe(button);
    const popover = popoverOf(shadow)!;
    expect(button.getAttribute('aria-controls')).toBe(popover.id);
    expect(popover.textContent).toContain('Stop Hate for Profit');
    // The card opens with the badge's words, with the full date.
    expect(popover.querySelector('.claim')!.textContent).toBe('claim.boycotted · Sep 16, 2020');
    // The all-day date is the calendar day in the reader's locale, not shifted by time zone.
    expect(popover.textContent).toContain('Sep 16, 2020');

    button.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })),
    );
    expect(isOpen(shadow)).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(button);
  });

  it('opens on hover and on keyboard focus, and closes shortly after the pointer leaves', () => {
    vi.useFakeTimers();
    try {
      const { badge, shadow, button } = mount(badgeInfoFor('nike'));
      badge.dispatchEvent(trusted(new MouseEvent('mouseenter')));
      expect(isOpen(shadow)).toBe(true);
      badge.dispatchEvent(trusted(new MouseEvent('mouseleave')));
      // A short grace period lets the pointer cross the gap to the popover.
      expect(isOpen(shadow)).toBe(true);
      badge.dispatchEvent(trusted(new MouseEvent('mouseenter')));
      vi.advanceTimersByTime(500);
      expect(isOpen(shadow)).toBe(true);
      badge.dispatchEvent(trusted(new MouseEvent('mouseleave')));
      vi.advanceTimersByTime(500);
      expect(isOpen(shadow)).toBe(false);

      button.dispatchEvent(trusted(new FocusEvent('focus')));
      expect(isOpen(shadow)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a click pins the popover; pressing elsewhere closes it', () => {
    vi.useFakeTimers();
    try {
      const { badge, shadow, button } = mount(badgeInfoFor('nike'));
      button.dispatchEvent(click());
      badge.dispatchEvent(trusted(new MouseEvent('mouseleave')));
      vi.advanceTimersByTime(500);
      expect(isOpen(shadow)).toBe(true);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(isOpen(shadow)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('only one popover is open at a time', () => {
    const first = mount(badgeInfoFor('a1'));
    const second = mount(badgeInfoFor('b2'));
    first.button.dispatchEvent(click());
    second.button.dispatchEvent(click());
    expect(isOpen(first.shadow)).toBe(false);
    expect(isOpen(second.shadow)).toBe(true);
  });

  it('keeps its clicks from the site’s delegated handlers', () => {
    const { button } = mount(badgeInfoFor('nike'));
    const seen: string[] = [];
    for (const type of ['click', 'mousedown', 'pointerdown', 'keydown']) {
      document.addEventListener(type, () => seen.push(type));
    }
    button.dispatchEvent(click());
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
    const event = click();
    button.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('does not prevent its own links from opening', () => {
    const { shadow, button } = mount(badgeInfoFor('nike'));
    button.dispatchEvent(click());
    const link = popoverOf(shadow)!.querySelector('a')!;
    // happy-dom would really open the new tab; only the decision matters here.
    const settings = (window as unknown as HappyDomWindow).happyDOM.settings.navigation;
    const saved = { ...settings };
    settings.disableChildPageNavigation = true;
    settings.disableMainFrameNavigation = true;
    try {
      const seen: string[] = [];
      document.addEventListener('click', () => seen.push('click'), { once: true });
      const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      link.dispatchEvent(event);
      // The site never hears of it, and the browser is left to follow the link.
      expect(seen).toEqual([]);
      expect(event.defaultPrevented).toBe(false);
    } finally {
      Object.assign(settings, saved);
    }
  });

  it('compact style is an icon named by the words; updates re-render', () => {
    const { badge, shadow, button } = mount(badgeInfoFor('nike'), 'compact');
    expect(shadow.querySelector('.wrap')!.classList.contains('compact')).toBe(true);
    expect(button.getAttribute('aria-label')).toMatch(
      /^claim\.boycotted · Sep 2020 — .*Participant nike/,
    );
    updateBadge(
      badge,
      badgeInfoFor('nike', { status: 'paused-ads', relation: 'aligned' }),
      'label',
    );
    expect(shadow.querySelector('.wrap')!.classList.contains('compact')).toBe(false);
    expect(shadow.querySelector('.label')!.textContent).toBe('claim.pausedNotJoined · Sep 2020');
    // The words shown start the accessible name, in both styles.
    expect(button.getAttribute('aria-label')).toMatch(
      /^claim\.pausedNotJoined · Sep 2020 — .*Participant nike/,
    );
    updateBadge(badge, badgeInfoFor('nike', { status: 'withdrew', actions: [] }), 'compact');
    expect(button.getAttribute('aria-label')).toMatch(/^claim\.withdrew — /);
    expect(badge.getAttributeNames().sort()).toEqual(['data-handle', 'data-platform']);
  });

  it('handles the first event to reach an untouched badge like any later one', () => {
    // Badges get their own listeners only when an event first reaches them: a keyboard focus
    // (composed, as browsers send it) must still open the popover, and a first press must
    // still be kept from the page.
    const focused = mount(badgeInfoFor('a1'));
    focused.button.dispatchEvent(trusted(new FocusEvent('focus', { composed: true })));
    expect(isOpen(focused.shadow)).toBe(true);

    const pressed = mount(badgeInfoFor('b2'));
    const seen: string[] = [];
    const listener = () => seen.push('pointerdown');
    document.addEventListener('pointerdown', listener);
    try {
      pressed.button.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      expect(seen).toEqual([]);
      // A page script's own events elsewhere are untouched.
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(seen).toEqual(['pointerdown']);
    } finally {
      document.removeEventListener('pointerdown', listener);
    }
  });

  it("follows Facebook's theme class on <html>, also when it changes", () => {
    const html = document.documentElement;
    html.classList.add('__fb-dark-mode');
    try {
      const { shadow } = mount({ ...badgeInfoFor('nike'), platform: 'facebook' });
      const wrapper = shadow.querySelector('.wrap')!;
      // The theme is a class set on the badge, not an ancestor lookup in its style sheet.
      expect(wrapper.classList.contains('fb-dark')).toBe(true);
      expect(wrapper.classList.contains('fb-light')).toBe(false);
      html.classList.replace('__fb-dark-mode', '__fb-light-mode');
      // The runtime's observer calls this when <html>'s class changes (tested there).
      followSiteTheme(document);
      expect(wrapper.classList.contains('fb-dark')).toBe(false);
      expect(wrapper.classList.contains('fb-light')).toBe(true);
      // Instagram badges never carry a Facebook theme.
      const instagram = mount(badgeInfoFor('ig'));
      expect(instagram.shadow.querySelector('.wrap')!.className).toBe('wrap');
    } finally {
      html.classList.remove('__fb-dark-mode', '__fb-light-mode');
    }
  });

  it('uses one shared stylesheet object for all badges', () => {
    const a = mount(badgeInfoFor('a1')).shadow;
    const b = mount(badgeInfoFor('b2')).shadow;
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
  });

  it('adopts the rules of content/badge.css, and Facebook badges those of its theme too', () => {
    const selectors = (shadow: ShadowRoot) =>
      [...shadow.adoptedStyleSheets[0]!.cssRules].map(
        (rule) => (rule as CSSStyleRule).selectorText ?? '',
      );
    const instagram = selectors(mount(badgeInfoFor('a1')).shadow);
    expect(instagram).toEqual(expect.arrayContaining([':host', '.pop', '.compact .label']));
    expect(instagram.some((selector) => selector.includes('fb-dark'))).toBe(false);
    const facebook = selectors(mount({ ...badgeInfoFor('f1'), platform: 'facebook' }).shadow);
    expect(facebook).toEqual(expect.arrayContaining([':host', '.fb-dark button']));
  });
});

describe('the card', () => {
  const sources = [
    {
      url: 'https://brand.example/statement',
      publisher: 'Brand',
      title: 'Our pause',
      kind: 'own-statement' as const,
      date: '2020-06-26',
    },
    {
      url: 'https://news.example/story',
      publisher: 'Big News',
      title: 'Brands pause',
      kind: 'major-outlet' as const,
    },
    { url: 'http://list.example/all', publisher: 'A list', kind: 'other' as const },
  ];

  it('opens with the claim, then who and what, the account, every source in order and a report button', () => {
    const { shadow, button } = mount(
      badgeInfoFor('brand', {
        status: 'paused-ads',
        relation: 'aligned',
        actions: [{ summary: 'Paused its ads', date: '2020-07-01', eventKind: 'pause' }],
        sources,
      }),
    );
    button.dispatchEvent(click());
    const popover = popoverOf(shadow)!;
    const entry = popover.querySelector('.entry')!;
    expect(entry.firstElementChild!.textContent).toBe('claim.pausedNotJoined · Jul 1, 2020');
    expect(popover.querySelector('.who')!.textContent).toBe(
      'Participant brand · Stop Hate for Profit',
    );
    expect(popover.querySelector('.account')!.textContent).toBe('claim.account(@brand)');
    expect(popover.querySelector('.unverified')).toBeNull();
    const items = [...popover.querySelectorAll('.sources li')].map((li) => li.textContent);
    expect(items).toEqual(['Brand: Our pause, Jun 26, 2020', 'Big News: Brands pause', 'A list']);
    // https only as links: the http list is named, not linked.
    expect([...popover.querySelectorAll('.sources a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://brand.example/statement',
      'https://news.example/story',
    ]);
    const report = popover.querySelector<HTMLButtonElement>('button.report')!;
    expect(report.textContent).toBe('claim.report');
    expect(report.type).toBe('button');
  });

  it('says when the publisher has not verified the account, and who runs it', () => {
    const { shadow, button } = mount(
      badgeInfoFor('brandco', { account: { confidence: 'likely', holder: 'Brand Co.' } }),
    );
    button.dispatchEvent(click());
    const popover = popoverOf(shadow)!;
    expect(popover.querySelector('.account')!.textContent).toBe(
      'claim.accountHolder(@brandco|Brand Co.)',
    );
    expect(popover.querySelector('.unverified')!.textContent).toBe('claim.accountLikely');
  });

  it('"Report a mistake" tells the runtime which claim, on user clicks only', () => {
    const reported: [string, string, string][] = [];
    const info = badgeInfoFor('nike');
    const name = document.createElement('span');
    document.body.append(name);
    const badge = createBadge(document, info, 'label', {
      ...context,
      report: (entry, shown) => reported.push([entry.participantId, shown.platform, shown.handle]),
    });
    name.after(badge);
    const shadow = badgeShadowRoot(badge)!;
    shadow.querySelector('button')!.dispatchEvent(click());
    const report = popoverOf(shadow)!.querySelector<HTMLButtonElement>('button.report')!;
    report.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(reported).toEqual([]);
    report.dispatchEvent(click());
    expect(reported).toEqual([['p-nike', 'instagram', 'nike']]);
  });
});
