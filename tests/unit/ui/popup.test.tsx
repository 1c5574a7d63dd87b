import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '../../../core/messages';
import type { Request } from '../../../core/messages';
import { send } from '../../../core/send';
import { reminderStatus } from '../../../background/reminders';
import { loadSnapshot, searchParticipants } from '../../../storage/queries';
import { getSettings } from '../../../storage/settings';
import { settingsItem } from '../../../storage/items';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { setDatabaseUpdating } from '../../../storage/open-state';
import { PopupApp } from '../../../components/popup/PopupApp';
import { prepareDocument } from '../../../components/shared/document';
import { campaign, pack, participant, people, searchIn, snapshot } from './fixtures';
import type { ParticipantView } from '../../../core/store-views';
import { answeredByBackground } from './background';
import { installMessages } from './messages';
import { failingQuota } from '../storage/fixtures';

vi.mock('../../../storage/queries', () => ({ loadSnapshot: vi.fn(), searchParticipants: vi.fn() }));
vi.mock('../../../core/send', () => ({ send: vi.fn() }));
vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);
vi.mock('../../../background/reminders', () => ({
  reminderStatus: vi.fn(),
  currentNotice: vi.fn(),
  dismissNotice: vi.fn(),
}));

const loadSnapshotMock = vi.mocked(loadSnapshot);
const searchMock = vi.mocked(searchParticipants);
/** The requests the background's views do not answer (the tab's state). */
const sendMock = vi.fn<(request: Request) => Promise<unknown>>();

let tabState: TabState;
let notificationsFailed: boolean;
let pendingReminder: { id: string; title: string; message: string } | null;

beforeEach(async () => {
  process.env.TZ = 'UTC';
  fakeBrowser.reset();
  await installMessages('en');
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-09-14T10:00:00Z') });
  tabState = { platform: null, pageType: null, accounts: [], unreadable: false };
  notificationsFailed = false;
  pendingReminder = null;
  loadSnapshotMock.mockReset().mockResolvedValue(snapshot());
  searchMock.mockReset().mockImplementation(searchIn(people));
  vi.mocked(reminderStatus)
    .mockReset()
    .mockImplementation(async () => ({ notificationsFailed, pending: pendingReminder }));
  vi.mocked(send).mockReset().mockImplementation(answeredByBackground(sendMock));
  sendMock.mockReset().mockImplementation(async (request) => {
    if (request.type === 'getTabState') return { ok: true, state: tabState };
    return { ok: false, error: 'unexpected' };
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('popup', () => {
  it('shows the campaign, its status, schedule and demands from the snapshot', async () => {
    render(<PopupApp search="?tab=7" />);
    const heading = await screen.findByRole('heading', { level: 2, name: campaign.name });
    expect(heading).toBeTruthy();
    expect(screen.getByText('#StopHateForProfit')).toBeTruthy();
    expect(screen.getByText('Facebook, Inc.')).toBeTruthy();
    expect(screen.getByText(campaign.summary!)).toBeTruthy();
    // The boycott day is two calendar days away in the user's zone.
    expect(screen.getByTestId('campaign-status').textContent).toBe(
      'Coming up: Boycott day, in 2 days',
    );

    // Coalition: https links open safely in a new tab; http is not a link.
    const adl = screen.getByRole('link', { name: 'ADL' });
    expect(adl.getAttribute('href')).toBe('https://www.adl.org/');
    expect(adl.getAttribute('target')).toBe('_blank');
    expect(adl.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.queryByRole('link', { name: 'Insecure Example' })).toBeNull();
    expect(screen.getByText('Insecure Example')).toBeTruthy();

    const items = screen.getAllByTestId('schedule-item');
    expect(items.map((li) => li.querySelector('.timeline-title')?.textContent)).toEqual([
      'July ad pause',
      'Boycott day',
      'Week of action',
    ]);
    // ICU puts thin spaces around the range dash.
    expect(items[0]!.textContent).toMatch(/July 1\s–\s31, 2020/);
    expect(items[0]!.textContent).toContain('Ad pause');
    expect(items[1]!.textContent).toContain('Next');
    expect(items[1]!.textContent).toContain('September 16, 2026');
    expect(items[1]!.textContent).toContain('No posting.');
    expect(items.some((li) => li.getAttribute('aria-current') === 'date')).toBe(false);

    const groups = document.querySelectorAll('details.demand-group');
    expect([...groups].map((g) => g.querySelector('summary')?.textContent)).toEqual([
      'Accountability (2)',
      'Support (1)',
    ]);
    expect(within(groups[1] as HTMLElement).getByText('Find and remove them.')).toBeTruthy();

    expect(screen.getByTestId('pack-info').textContent).toBe(
      'Stop Hate for Profit volunteers · version 3 · updated Sep 1, 2026',
    );
  });

  it("marks today's event in words and with aria-current, and shows the reminder when due", async () => {
    vi.setSystemTime(new Date('2026-09-16T12:00:00Z'));
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      reminders: { ...DEFAULT_SETTINGS.reminders, enabled: true },
    });
    render(<PopupApp search="?tab=7" />);
    await screen.findByRole('heading', { level: 2, name: campaign.name });
    const today = document.querySelector('[aria-current="date"]');
    expect(today?.querySelector('.timeline-title')?.textContent).toBe('Boycott day');
    expect(today?.textContent).toContain('Today');
    const items = screen.getAllByTestId('schedule-item');
    expect(items[2]!.textContent).toContain('Next');
    expect(screen.getByTestId('campaign-status').textContent).toBe('Today: Boycott day');
    const banner = await screen.findByTestId('reminder-banner');
    expect(banner.textContent).toContain('Today: Boycott day');
    expect(banner.textContent).toContain('No posting.');
  });

  it('shows the reminder in the popup when notifications failed, even with reminders off', async () => {
    vi.setSystemTime(new Date('2026-09-16T12:00:00Z'));
    notificationsFailed = true;
    render(<PopupApp search="?tab=7" />);
    const banner = await screen.findByTestId('reminder-banner');
    expect(banner.textContent).toContain("couldn't show a system notification");
  });

  it("shows the background's pending reminder in its own words", async () => {
    notificationsFailed = true;
    pendingReminder = { id: 'r1', title: 'Boycott day', message: "Don't post or scroll today." };
    render(<PopupApp search="?tab=7" />);
    const banner = await screen.findByTestId('reminder-banner');
    expect(banner.textContent).toContain('Boycott day');
    expect(banner.textContent).toContain("Don't post or scroll today.");
    expect(banner.textContent).toContain("couldn't show a system notification");
  });

  it('does not show a reminder banner on a day without events', async () => {
    notificationsFailed = true;
    render(<PopupApp search="?tab=7" />);
    await screen.findByRole('heading', { level: 2, name: campaign.name });
    await waitFor(() => expect(reminderStatus).toHaveBeenCalled());
    expect(screen.queryByTestId('reminder-banner')).toBeNull();
  });

  it('opens with one request for its whole view, and asks again when settings change', async () => {
    render(<PopupApp search="?tab=7" />);
    await screen.findByRole('heading', { level: 2, name: campaign.name });
    const types = () => vi.mocked(send).mock.calls.map(([request]) => request.type);
    expect(types().filter((type) => type === 'getPopupView')).toHaveLength(1);
    expect(types()).not.toContain('getStatus');
    expect(loadSnapshotMock).toHaveBeenCalledTimes(1);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, campaigns: { [campaign.key]: false } });
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    expect(types().filter((type) => type === 'getPopupView')).toHaveLength(2);
  });

  it('searches participants by name or handle and filters by role', async () => {
    render(<PopupApp search="?tab=7" />);
    await waitFor(() => expect(screen.getAllByTestId('participant')).toHaveLength(5));
    fireEvent.input(screen.getByLabelText('Search by name or handle'), {
      target: { value: 'pata' },
    });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('participant').map((li) => li.querySelector('strong')?.textContent),
      ).toEqual(['Patagonia']),
    );
    expect(screen.getByTestId('participants-count').textContent).toBe('Showing 1 of 1');
    const patagonia = screen.getByTestId('participant');
    expect(patagonia.textContent).toContain('Patagonia paused its ads');
    expect(within(patagonia).getByRole('link', { name: 'Example News' }).getAttribute('href')).toBe(
      'https://news.example/patagonia',
    );

    // By handle.
    fireEvent.input(screen.getByLabelText('Search by name or handle'), {
      target: { value: '@kimkard' },
    });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('participant').map((li) => li.querySelector('strong')?.textContent),
      ).toEqual(['Kim Kardashian']),
    );

    // Organisers are organizers and coalition members together.
    fireEvent.input(screen.getByLabelText('Search by name or handle'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'organisers' } });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('participant').map((li) => li.querySelector('strong')?.textContent),
      ).toEqual(['ADL', 'Color Of Change']),
    );
    expect(searchMock).toHaveBeenCalledWith(
      campaign.key,
      expect.objectContaining({ role: 'organizer' }),
    );
    expect(searchMock).toHaveBeenCalledWith(
      campaign.key,
      expect.objectContaining({ role: 'coalition-member' }),
    );
  });

  it('pages participants 50 at a time', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      participant(`p${i}`, `Brand ${String(i).padStart(3, '0')}`, 'advertiser', `brand${i}`),
    );
    searchMock.mockImplementation(searchIn(many));
    render(<PopupApp search="?tab=7" />);
    await waitFor(() => expect(screen.getAllByTestId('participant')).toHaveLength(50));
    expect(screen.getByTestId('participants-count').textContent).toBe('Showing 50 of 120');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByTestId('participant')).toHaveLength(100));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByTestId('participant')).toHaveLength(120));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('writes the reminders switch to settings and says when the next reminder comes', async () => {
    render(<PopupApp search="?tab=7" />);
    const toggle = (await screen.findByRole('switch', {
      name: 'Remind me on boycott and action days',
    })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(false);
    // The next reminder is the boycott day at the default 09:00 in the user's zone (UTC here).
    expect(screen.getByTestId('reminders-line').textContent).toBe(
      'Turn on to get a notification at 9:00 AM on boycott and action days. ' +
        'Next: September 16, 2026 at 9:00 AM (Boycott day).',
    );
    fireEvent.click(toggle);
    await waitFor(async () => expect((await getSettings()).reminders.enabled).toBe(true));
    await waitFor(() =>
      expect(screen.getByTestId('reminders-line').textContent).toBe(
        "You'll get a notification at 9:00 AM on boycott and action days. " +
          'Next: September 16, 2026 at 9:00 AM (Boycott day).',
      ),
    );
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await getSettings()).reminders.enabled).toBe(false));
  });

  it('a reminders switch that cannot be saved says so beside it and shows the stored state', async () => {
    render(<PopupApp search="?tab=7" />);
    const toggle = (await screen.findByRole('switch', {
      name: 'Remind me on boycott and action days',
    })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    const restore = failingQuota(fakeBrowser.storage.local);
    try {
      fireEvent.click(toggle);
      await waitFor(() =>
        expect(screen.getByTestId('reminders-error').textContent).toBe(
          "Not saved: the browser's storage for Picket is full. Remove a pack you no longer use, then try again.",
        ),
      );
      await waitFor(() => expect(toggle.checked).toBe(false));
      expect((await getSettings()).reminders.enabled).toBe(false);
      expect(screen.getByTestId('reminders-line').textContent).toMatch(/^Turn on to get/);
    } finally {
      restore();
    }
    // Saved on the next try; the message goes.
    fireEvent.click(toggle);
    await waitFor(async () => expect((await getSettings()).reminders.enabled).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('reminders-error')).toBeNull());
    expect(toggle.checked).toBe(true);
  });

  it('follows reminder settings changed elsewhere (time, evening before)', async () => {
    render(<PopupApp search="?tab=7" />);
    await screen.findByRole('switch', { name: 'Remind me on boycott and action days' });
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      reminders: { enabled: true, time: '07:30', dayBefore: true },
    });
    // With the evening-before reminder on, the next one is on the 15th at 18:00.
    await waitFor(() =>
      expect(screen.getByTestId('reminders-line').textContent).toBe(
        "You'll get a notification at 7:30 AM on boycott and action days, and at 6:00 PM the " +
          'evening before. Next: September 15, 2026 at 6:00 PM (Boycott day).',
      ),
    );
  });

  it('explains a tab that is not Instagram or Facebook', async () => {
    render(<PopupApp search="?tab=7" />);
    const section = await screen.findByTestId('on-this-page');
    await waitFor(() =>
      expect(section.textContent).toContain("This tab isn't Instagram or Facebook"),
    );
    expect(sendMock).toHaveBeenCalledWith({ type: 'getTabState', tabId: 7 });
  });

  it("says when it can't read the page's layout", async () => {
    tabState = { platform: 'instagram', pageType: 'profile', accounts: [], unreadable: true };
    render(<PopupApp search="?tab=7" />);
    const section = await screen.findByTestId('on-this-page');
    await waitFor(() =>
      expect(section.textContent).toContain(
        "Picket can't read this page's layout — Instagram may have changed it.",
      ),
    );
  });

  it('lists the accounts badged on the tab', async () => {
    tabState = {
      platform: 'instagram',
      pageType: 'feed',
      unreadable: false,
      accounts: [
        {
          platform: 'instagram',
          handle: 'patagonia',
          entries: [
            {
              packId: 'shfp',
              campaignId: 'ad-pause',
              participantId: 'patagonia',
              campaignName: campaign.name,
              hashtag: '#StopHateForProfit',
              participantName: 'Patagonia',
              role: 'advertiser',
              status: 'paused-ads',
              actions: [{ summary: 'Paused its ads', date: '2020-06-21', eventKind: 'pause' }],
              sources: [{ url: 'https://news.example/patagonia' }],
              account: { confidence: 'verified' },
            },
          ],
        },
      ],
    };
    render(<PopupApp search="?tab=7" />);
    const [account] = await screen.findAllByTestId('page-account');
    expect(account!.textContent).toContain('@patagonia');
    expect(account!.textContent).toContain(
      'Patagonia · #StopHateForProfit · Paused ads · Jun 2020',
    );
    expect(within(account!).getByRole('link', { name: 'Source' }).getAttribute('href')).toBe(
      'https://news.example/patagonia',
    );
    expect(screen.getByTestId('on-this-page').textContent).toContain(
      '1 participating account badged here:',
    );
  });

  it('asks the active tab when no ?tab= is given', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 } as never]);
    render(<PopupApp search="" />);
    await waitFor(() => expect(sendMock).toHaveBeenCalledWith({ type: 'getTabState', tabId: 42 }));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('shows a banner when the built-in campaign is shown from memory', async () => {
    loadSnapshotMock.mockResolvedValue(snapshot({ usingBundledFallback: true }));
    render(<PopupApp search="?tab=7" />);
    expect((await screen.findByTestId('fallback-banner')).textContent).toBe(
      'Showing the built-in campaign: the local database is unavailable.',
    );
    expect(screen.getByRole('heading', { level: 2, name: campaign.name })).toBeTruthy();
  });

  it('shows an empty state linking to the options when no pack is enabled', async () => {
    loadSnapshotMock.mockResolvedValue(snapshot({ packs: [{ ...pack, enabled: false }] }));
    const openOptions = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = openOptions;
    render(<PopupApp search="?tab=7" />);
    const empty = await screen.findByTestId('empty-state');
    fireEvent.click(within(empty).getByRole('link'));
    expect(openOptions).toHaveBeenCalled();
  });

  it('shows the loading skeleton, then an error with a retry when the store fails', async () => {
    let fail!: (error: Error) => void;
    loadSnapshotMock.mockReturnValueOnce(new Promise((_, reject) => (fail = reject)));
    render(<PopupApp search="?tab=7" />);
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
    fail(new Error('database closed'));
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: campaign.name })).toBeTruthy();
  });

  it('says "updating" while the store waits for a long upgrade of its data, then shows the campaign', async () => {
    let finish!: (value: ReturnType<typeof snapshot>) => void;
    loadSnapshotMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    render(<PopupApp search="?tab=7" />);
    await waitFor(() => expect(loadSnapshotMock).toHaveBeenCalled());
    expect(screen.queryByTestId('updating-banner')).toBeNull();
    // The background answers "updating" at once; the popup says so and waits for the data.
    act(() => setDatabaseUpdating(true));
    expect((await screen.findByTestId('updating-banner')).textContent).toBe(
      'Updating the campaign data… This can take a few seconds after Picket was updated.',
    );
    act(() => setDatabaseUpdating(false));
    finish(snapshot());
    expect(await screen.findByRole('heading', { level: 2, name: campaign.name })).toBeTruthy();
    expect(screen.queryByTestId('updating-banner')).toBeNull();
    expect(screen.queryByTestId('fallback-banner')).toBeNull();
  });

  it('switches campaigns and remembers the choice', async () => {
    const second = {
      ...campaign,
      key: 'shfp/second',
      id: 'second',
      name: 'Second campaign',
      hashtag: undefined,
    };
    loadSnapshotMock.mockResolvedValue(snapshot({ campaigns: [campaign, second] }));
    render(<PopupApp search="?tab=7" />);
    const select = await screen.findByLabelText('Campaign');
    fireEvent.change(select, { target: { value: 'shfp/second' } });
    await screen.findByRole('heading', { level: 2, name: 'Second campaign' });
    cleanup();
    render(<PopupApp search="?tab=7" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Second campaign' })).toBeTruthy();
  });

  it('focuses the campaign section for ?view=campaign', async () => {
    render(<PopupApp search="?tab=7&view=campaign" />);
    const heading = await screen.findByRole('heading', { level: 2, name: campaign.name });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('folds older past dates away and labels a long event in progress', async () => {
    vi.setSystemTime(new Date('2026-10-07T12:00:00Z'));
    const events = [
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `past${i}`,
        title: `Past ${i}`,
        kind: 'action' as const,
        start: `2026-0${i + 1}-10`,
      })),
      ...campaign.events,
    ];
    loadSnapshotMock.mockResolvedValue(snapshot({ campaigns: [{ ...campaign, events }] }));
    render(<PopupApp search="?tab=7" />);
    await screen.findByRole('heading', { level: 2, name: campaign.name });
    const earlier = document.querySelector('details.earlier')!;
    // Seven past events (five + July 2020 + the September boycott day), two stay in view.
    expect(earlier.querySelector('summary')?.textContent).toBe('Show 5 earlier dates');
    expect(earlier.querySelectorAll('li')).toHaveLength(5);
    const week = screen
      .getAllByTestId('schedule-item')
      .find((li) => li.textContent?.includes('Week of action'))!;
    expect(week.textContent).toContain('Under way');
    expect(screen.getByTestId('campaign-status').textContent).toBe(
      'Under way: Week of action, until October 9, 2026',
    );
  });

  it('speaks Spanish, dates included, when the browser does', async () => {
    await installMessages('es');
    render(<PopupApp search="?tab=7" />);
    await screen.findByRole('heading', { level: 2, name: campaign.name });
    expect(screen.getByTestId('campaign-status').textContent).toBe(
      'Próximamente: Boycott day, pasado mañana',
    );
    expect(screen.getByRole('heading', { name: 'Calendario' })).toBeTruthy();
    expect(screen.getAllByTestId('schedule-item')[1]!.textContent).toContain(
      '16 de septiembre de 2026',
    );
  });

  it('sets <html lang> from the UI language', async () => {
    await installMessages('es');
    prepareDocument('Picket');
    expect(document.documentElement.lang).toBe('es');
    await installMessages('en');
    prepareDocument('Picket');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('popup: what each claim rests on', () => {
  const thin: ParticipantView = {
    ...participant('dawson', 'Rosario Dawson', 'participant', 'rosariodawson'),
    relation: 'listed',
    status: undefined,
    badgeable: false,
    actions: [
      { summary: 'Named in a list of people joining the freeze', event: 'sept', sources: ['s9'] },
    ],
    resolvedSources: [
      { id: 's9', url: 'https://radio.example/list', publisher: 'Radio', kind: 'other' },
    ],
  };
  const brand: ParticipantView = {
    ...participant('ko', 'The Coca-Cola Company', 'advertiser', 'cocacola'),
    status: 'paused-ads',
    relation: 'aligned',
    accounts: [
      {
        platform: 'instagram',
        handle: 'cocacola',
        confidence: 'likely',
        holder: 'Coca-Cola brand',
      },
      { platform: 'facebook', numericId: '100044000111' },
    ],
    actions: [
      { summary: 'Paused its social ads', event: 'july', date: '2020-06-26', sources: ['s2'] },
    ],
    // Strongest first, as the store keeps them.
    resolvedSources: [
      {
        id: 's1',
        url: 'https://coke.example/statement',
        publisher: 'Coca-Cola',
        title: 'Our pause',
        kind: 'own-statement',
      },
      {
        id: 's2',
        url: 'https://paper.example/story',
        publisher: 'Paper',
        date: '2020-06-27',
        kind: 'major-outlet',
      },
      { id: 's3', url: 'http://blog.example/', publisher: 'Blog', kind: 'other' },
    ],
  };

  it('shows each participant’s claim, dates, sources, account confidence and a report link', async () => {
    searchMock.mockImplementation(searchIn([brand, thin]));
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(<PopupApp search="?tab=7" />);
    await waitFor(() => expect(screen.getAllByTestId('participant')).toHaveLength(2));
    const [ko, dawson] = screen.getAllByTestId('participant') as [HTMLElement, HTMLElement];

    expect(within(ko).getByTestId('participant-claim').textContent).toBe(
      "Paused, didn't join · Jun 26, 2020",
    );
    expect(within(ko).queryByTestId('not-badged')).toBeNull();
    expect(ko.textContent).toContain(
      "@cocacola (Coca-Cola brand) — Account not verified by the pack's publisher",
    );
    expect(ko.textContent).toContain('id:100044000111');
    expect(ko.textContent).toContain('Jun 26, 2020: Paused its social ads');
    expect(
      within(ko)
        .getAllByTestId('source')
        .map((li) => li.textContent),
    ).toEqual(['Coca-Cola: Our pause', 'Paper, Jun 27, 2020', 'Blog']);
    expect(within(ko).queryByRole('link', { name: 'Blog' })).toBeNull();

    // Thin evidence: listed, marked, its action dated by its event.
    expect(within(dawson).getByTestId('participant-claim').textContent).toBe(
      'Named as joining · Sep 16, 2026',
    );
    expect(within(dawson).getByTestId('not-badged').textContent).toBe(
      'Not badged: only lists or aggregators cite it',
    );

    const report = within(ko).getByRole('link', {
      name: 'Report a mistake about The Coca-Cola Company',
    });
    expect(report.getAttribute('href')).toBe(
      '/report.html?pack=shfp&campaign=ad-pause&participant=ko&platform=instagram&handle=cocacola',
    );
    fireEvent.click(report);
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(
        /\/report\.html\?pack=shfp&campaign=ad-pause&participant=ko&platform=instagram&handle=cocacola$/,
      ),
    });
  });

  it('shows the sources of demands and events, strongest first', async () => {
    loadSnapshotMock.mockResolvedValue(
      snapshot({
        campaigns: [
          {
            ...campaign,
            sources: [
              { id: 'blog', url: 'https://blog.example/demands', publisher: 'Blog', kind: 'other' },
              {
                id: 'own',
                url: 'https://coalition.example/demands',
                publisher: 'Coalition',
                title: 'Our demands',
                kind: 'own-statement',
              },
            ],
            demands: campaign.demands.map((d, i) =>
              i === 0 ? { ...d, sources: ['blog', 'own'] } : d,
            ),
            events: campaign.events.map((e) => (e.id === 'sept' ? { ...e, sources: ['own'] } : e)),
          },
        ],
      }),
    );
    render(<PopupApp search="?tab=7" />);
    const [first] = await screen.findAllByTestId('demand');
    expect(
      within(first!)
        .getAllByTestId('source')
        .map((li) => li.textContent),
    ).toEqual(['Coalition: Our demands', 'Blog']);
    const boycott = screen
      .getAllByTestId('schedule-item')
      .find((li) => li.textContent?.includes('Boycott day'))!;
    expect(within(boycott).getByRole('link', { name: 'Our demands' }).getAttribute('href')).toBe(
      'https://coalition.example/demands',
    );
  });
});
