import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request } from '../../../core/messages';
import { send } from '../../../core/send';
import { loadSnapshot } from '../../../storage/queries';
import { getSettings } from '../../../storage/settings';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { pack, snapshot } from './fixtures';
import { answeredByBackground } from './background';
import { installMessages } from './messages';
import { failingQuota } from '../storage/fixtures';

vi.mock('../../../storage/queries', () => ({ loadSnapshot: vi.fn(), searchParticipants: vi.fn() }));
vi.mock('../../../core/send', () => ({ send: vi.fn() }));
vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);

const loadSnapshotMock = vi.mocked(loadSnapshot);
/** The requests the background's views do not answer (imports, packs, subscriptions…). */
const sendMock = vi.fn<(request: Request) => Promise<unknown>>();

const subscribedPack = {
  ...pack,
  id: 'community',
  publisherName: 'Community list',
  origin: 'subscribed' as const,
  subscription: {
    url: 'https://lists.example/pack.json',
    lastCheckedAt: '2026-09-10T08:00:00Z',
    lastError: { at: '2026-09-11T08:00:00Z', message: 'Signature did not verify' },
  },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await installMessages('en');
  loadSnapshotMock.mockReset().mockResolvedValue(snapshot({ packs: [pack, subscribedPack] }));
  vi.mocked(send).mockReset().mockImplementation(answeredByBackground(sendMock));
  sendMock.mockReset().mockResolvedValue({ ok: true } as never);
});

afterEach(cleanup);

const announcer = () => screen.getByTestId('announcer');

describe('options page', () => {
  it('lists packs with their origin, version and counts', async () => {
    render(<OptionsApp />);
    const items = await screen.findAllByTestId('pack');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Built in · version 3');
    expect(items[0]!.textContent).toContain('Campaigns: 1 · participants: 4 · accounts: 5');
    // The bundled pack can't be removed; an imported/subscribed one can.
    expect(within(items[0]!).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(within(items[1]!).getByRole('button', { name: 'Remove' })).toBeTruthy();
  });

  it('shows the validator issues with their JSON paths when an import fails', async () => {
    sendMock.mockResolvedValue({
      ok: false,
      error: 'invalid pack',
      issues: [
        { path: '/campaigns/0/name', message: 'must be a non-empty string' },
        { path: '/version', message: 'must be a positive integer' },
      ],
    });
    render(<OptionsApp />);
    const textarea = await screen.findByLabelText("Or paste the pack's JSON");
    fireEvent.input(textarea, { target: { value: '{"format":"picket-pack/1"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const issues = await screen.findByTestId('import-issues');
    expect(sendMock).toHaveBeenCalledWith({
      type: 'importPack',
      text: '{"format":"picket-pack/1"}',
      importId: expect.any(String),
    });
    const rows = within(issues)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual([
      '/campaigns/0/name must be a non-empty string',
      '/version must be a positive integer',
    ]);
    expect(within(issues).getByRole('heading').textContent).toBe('2 problems');
    expect(announcer().textContent).toBe('The pack was not imported: 2 problems found.');
  });

  it('shows the running import as a labelled bar with its step, and Cancel stops it', async () => {
    let finish: (answer: unknown) => void = () => undefined;
    sendMock.mockImplementation(async (request) => {
      if (request.type === 'importPack') return new Promise((resolve) => (finish = resolve));
      if (request.type === 'cancelImport') {
        finish({ ok: false, cancelled: true, error: 'The import was cancelled.' });
        return { ok: true, running: true };
      }
      return { ok: true };
    });
    render(<OptionsApp />);
    const textarea = await screen.findByLabelText("Or paste the pack's JSON");
    fireEvent.input(textarea, { target: { value: '{"id":"big"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const bar = (await screen.findByRole('progressbar', {
      name: 'Import progress',
    })) as HTMLProgressElement;
    const status = within(screen.getByTestId('import')).getByTestId('import-phase');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Checking the pack…');
    expect(bar.hasAttribute('value')).toBe(false);

    const sent = sendMock.mock.calls.find(([r]) => r.type === 'importPack')![0];
    const importId = (sent as { importId: string }).importId;
    const progress = {
      type: 'importProgress',
      importId,
      phase: 'writing',
      done: 2500,
      total: 10000,
    };
    const background = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger(progress, background);
    // Another import's news and a malformed message change nothing.
    await fakeBrowser.runtime.onMessage.trigger(
      { ...progress, importId: 'other', done: 9 },
      background,
    );
    await fakeBrowser.runtime.onMessage.trigger({ ...progress, done: -1 }, background);
    await waitFor(() => expect(status.textContent).toBe('Writing participants: 2,500 of 10,000'));
    expect(bar.value).toBe(2500);
    expect(bar.max).toBe(10000);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sendMock).toHaveBeenCalledWith({ type: 'cancelImport', importId });
    await waitFor(() =>
      expect(announcer().textContent).toBe('Import cancelled. Nothing was changed.'),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(status.textContent).toBe('');
  });

  it('imports a pack from a file and reports success', async () => {
    sendMock.mockResolvedValue({ ok: true, packId: 'mine', version: 2 } as never);
    render(<OptionsApp />);
    const input = (await screen.findByLabelText('Choose a pack file (JSON)')) as HTMLInputElement;
    const file = new File(['{"x":1}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(announcer().textContent).toBe('Imported pack mine, version 2.'));
    expect(sendMock).toHaveBeenCalledWith({
      type: 'importPack',
      text: '{"x":1}',
      importId: expect.any(String),
    });
  });

  it('clears all data only after confirmation', async () => {
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear all data…' }));
    expect(sendMock).not.toHaveBeenCalledWith({ type: 'clearAllData' });
    // Cancelling leaves everything as it was.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sendMock).not.toHaveBeenCalledWith({ type: 'clearAllData' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear everything' }));
    await waitFor(() => expect(sendMock).toHaveBeenCalledWith({ type: 'clearAllData' }));
    await waitFor(() => expect(announcer().textContent).toBe('All data cleared.'));
  });

  it('removes a pack only after confirmation', async () => {
    render(<OptionsApp />);
    const [, community] = await screen.findAllByTestId('pack');
    fireEvent.click(within(community!).getByRole('button', { name: 'Remove' }));
    expect(sendMock).not.toHaveBeenCalled();
    fireEvent.click(within(community!).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() =>
      expect(sendMock).toHaveBeenCalledWith({ type: 'removePack', packId: 'community' }),
    );
  });

  it('turns a pack off', async () => {
    render(<OptionsApp />);
    const toggle = await screen.findByRole('switch', {
      name: 'Use the pack from Stop Hate for Profit volunteers',
    });
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(sendMock).toHaveBeenCalledWith({
        type: 'setPackEnabled',
        packId: 'shfp',
        enabled: false,
      }),
    );
    expect(announcer().textContent).toBe('The pack from Stop Hate for Profit volunteers is off.');
  });

  it('asks for the host permission before subscribing, and not at all for http', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request;
    sendMock.mockResolvedValue({ ok: true, packId: 'community' } as never);
    render(<OptionsApp />);
    const url = await screen.findByLabelText('Pack address (https)');
    const key = screen.getByLabelText("Publisher's public key");

    fireEvent.input(url, { target: { value: 'http://lists.example/pack.json' } });
    fireEvent.input(key, { target: { value: 'KEY' } });
    fireEvent.submit(url.closest('form')!);
    expect(request).not.toHaveBeenCalled();
    expect(announcer().textContent).toBe('The address must start with https://.');

    fireEvent.input(url, { target: { value: 'https://lists.example/pack.json' } });
    fireEvent.submit(url.closest('form')!);
    // Requested synchronously inside the submit handler (the user gesture).
    expect(request).toHaveBeenCalledWith({ origins: ['https://lists.example/*'] });
    await waitFor(() =>
      expect(sendMock).toHaveBeenCalledWith({
        type: 'subscribe',
        url: 'https://lists.example/pack.json',
        publicKey: 'KEY',
        importId: expect.any(String),
      }),
    );
  });

  it('does not subscribe when the permission is refused', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false);
    render(<OptionsApp />);
    const url = await screen.findByLabelText('Pack address (https)');
    fireEvent.input(url, { target: { value: 'https://lists.example/pack.json' } });
    fireEvent.input(screen.getByLabelText("Publisher's public key"), { target: { value: 'K' } });
    fireEvent.submit(url.closest('form')!);
    await waitFor(() =>
      expect(announcer().textContent).toBe(
        'Picket needs permission to reach https://lists.example to subscribe.',
      ),
    );
    expect(sendMock).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'subscribe' }));
  });

  it('shows subscription status and refreshes on demand', async () => {
    sendMock.mockResolvedValue({ ok: true, updated: true, version: 4 } as never);
    render(<OptionsApp />);
    const [row] = await screen.findAllByTestId('subscription');
    expect(row!.textContent).toContain('https://lists.example/pack.json');
    expect(row!.textContent).toContain('Signature did not verify');
    fireEvent.click(within(row!).getByRole('button', { name: 'Refresh now' }));
    await waitFor(() =>
      expect(announcer().textContent).toBe('Community list was updated to version 4.'),
    );
    expect(sendMock).toHaveBeenCalledWith({ type: 'refreshSubscription', packId: 'community' });
  });

  it('adds and removes allowlist accounts as platform:handle', async () => {
    render(<OptionsApp />);
    const handle = await screen.findByLabelText('Username or page name');
    fireEvent.input(handle, { target: { value: '@Patagonia' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () =>
      expect((await getSettings()).allowlist).toEqual(['instagram:patagonia']),
    );
    expect((await screen.findByTestId('allowlist-entry')).textContent).toContain(
      'instagram:patagonia',
    );

    fireEvent.input(handle, { target: { value: 'not a handle!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(
      await screen.findByText("That doesn't look like a valid username for this site."),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove instagram:patagonia' }));
    await waitFor(async () => expect((await getSettings()).allowlist).toEqual([]));
  });

  it('saves site, surface, badge style and reminder settings', async () => {
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Facebook' }));
    await waitFor(async () => expect((await getSettings()).sites.facebook).toBe(false));
    fireEvent.click(screen.getByRole('switch', { name: 'Comments' }));
    await waitFor(async () => expect((await getSettings()).surfaces.comment).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: /Compact/ }));
    await waitFor(async () => expect((await getSettings()).badgeStyle).toBe('compact'));
    fireEvent.change(screen.getByLabelText('Reminder time'), { target: { value: '07:30' } });
    await waitFor(async () => expect((await getSettings()).reminders.time).toBe('07:30'));
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Also remind me the evening before, at 6:00 PM' }),
    );
    await waitFor(async () => expect((await getSettings()).reminders.dayBefore).toBe(true));
    expect(announcer().textContent).toBe("You'll also be reminded the evening before.");
  });

  it('offers to badge only accounts the publisher verified, off by default', async () => {
    render(<OptionsApp />);
    const toggle = (await screen.findByRole('switch', {
      name: 'Badge only accounts the publisher verified',
    })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('aria-describedby')).toBe('verified-only-hint');
    fireEvent.click(toggle);
    await waitFor(async () => expect((await getSettings()).verifiedOnly).toBe(true));
    expect(announcer().textContent).toBe('Only accounts the publisher verified will be badged.');
  });

  it("hides one campaign's badges without turning its pack off", async () => {
    render(<OptionsApp />);
    const toggle = await screen.findByRole('switch', {
      name: 'Stop Hate for Profit (#StopHateForProfit)',
    });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () =>
      expect((await getSettings()).campaigns).toEqual({ 'shfp/ad-pause': false }),
    );
    expect(announcer().textContent).toBe('Stop Hate for Profit: badges hidden.');
    expect(sendMock).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'setPackEnabled' }));
  });
});

describe('options page: refusals, limits and faults say what happened', () => {
  const conflict = {
    packId: 'community',
    installed: {
      publisherName: 'Community list',
      origin: 'subscribed' as const,
      url: 'https://lists.example/pack.json',
    },
    incoming: { publisherName: 'Look-alike', origin: 'imported' as const },
  };

  it('an over-limit paste is refused in the page with its size and the limit; nothing is sent', async () => {
    render(<OptionsApp />);
    const textarea = await screen.findByLabelText("Or paste the pack's JSON");
    // 10 MB of UTF-8 plus one byte: "é" is two bytes.
    const text = 'é' + 'x'.repeat(10 * 1024 * 1024 - 1);
    fireEvent.input(textarea, { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const expected =
      'This pack is too large to import: 10,485,761 bytes, and the limit is 10,485,760 bytes (10 MB).';
    expect((await screen.findByTestId('import-size-error')).textContent).toBe(expected);
    expect(announcer().textContent).toBe(expected);
    expect(sendMock).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'importPack' }));
  });

  it('file and paste share the limit: a 10,066,240-byte file is sent, a larger-than-limit one is not', async () => {
    sendMock.mockResolvedValue({ ok: true, packId: 'big', version: 1 } as never);
    render(<OptionsApp />);
    const input = (await screen.findByLabelText('Choose a pack file (JSON)')) as HTMLInputElement;
    const pick = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    pick(new File(['x'.repeat(10_066_240)], 'pack.json'));
    await waitFor(() =>
      expect(sendMock).toHaveBeenCalledWith(expect.objectContaining({ type: 'importPack' })),
    );
    sendMock.mockClear();
    pick(new File([new Uint8Array(10 * 1024 * 1024 + 5)], 'huge.json'));
    await waitFor(() =>
      expect(screen.getByTestId('import-size-error').textContent).toBe(
        'This pack is too large to import: 10,485,765 bytes, and the limit is 10,485,760 bytes (10 MB).',
      ),
    );
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('a pack id held by another source shows both publishers; only the confirm sends replace', async () => {
    sendMock.mockResolvedValueOnce({ ok: false, error: 'conflict', conflict } as never);
    render(<OptionsApp />);
    const textarea = await screen.findByLabelText("Or paste the pack's JSON");
    fireEvent.input(textarea, { target: { value: '{"id":"community"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const box = await screen.findByTestId('conflict');
    expect(within(box).getByTestId('conflict-installed').textContent).toBe(
      'Installed: Community list, subscribed from https://lists.example/pack.json',
    );
    expect(within(box).getByTestId('conflict-incoming').textContent).toBe(
      'This pack: Look-alike, imported from a file',
    );
    expect(announcer().textContent).toBe(
      'Not installed: another source already uses the pack id “community”. Both are shown below.',
    );
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(sendMock).toHaveBeenLastCalledWith({
      type: 'importPack',
      text: '{"id":"community"}',
      importId: expect.any(String),
    });

    sendMock.mockResolvedValueOnce({ ok: true, packId: 'community', version: 1 } as never);
    fireEvent.click(within(box).getByRole('button', { name: 'Replace the installed pack' }));
    await waitFor(() =>
      expect(sendMock).toHaveBeenCalledWith({
        type: 'importPack',
        text: '{"id":"community"}',
        importId: expect.any(String),
        replace: true,
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(announcer().textContent).toBe('Imported pack community, version 1.');
  });

  it("the built-in pack's id: explained, with no way to replace it", async () => {
    sendMock.mockResolvedValueOnce({
      ok: false,
      error: 'refused',
      conflict: {
        packId: 'shfp',
        installed: { publisherName: 'Picket', origin: 'bundled' },
        incoming: { publisherName: 'Impostor', origin: 'imported' },
      },
    } as never);
    render(<OptionsApp />);
    fireEvent.input(await screen.findByLabelText("Or paste the pack's JSON"), {
      target: { value: '{"id":"shfp"}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const box = await screen.findByTestId('conflict');
    expect(box.textContent).toContain(
      '“shfp” is the id of the pack built into Picket (Picket): a pack from a file or a subscription cannot take it.',
    );
    expect(within(box).queryByRole('button', { name: 'Replace the installed pack' })).toBeNull();
  });

  it('a subscription refused for its id is confirmed the same way, then sent with replace', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => true);
    sendMock.mockResolvedValueOnce({
      ok: false,
      error: 'conflict',
      conflict: {
        ...conflict,
        incoming: {
          publisherName: 'Other feed',
          origin: 'subscribed',
          url: 'https://other.example/p.json',
        },
      },
    } as never);
    render(<OptionsApp />);
    const url = await screen.findByLabelText('Pack address (https)');
    fireEvent.input(url, { target: { value: 'https://other.example/p.json' } });
    fireEvent.input(screen.getByLabelText("Publisher's public key"), { target: { value: 'K' } });
    fireEvent.submit(url.closest('form')!);
    const box = await screen.findByTestId('conflict');
    expect(within(box).getByTestId('conflict-incoming').textContent).toBe(
      'This pack: Other feed, subscribed from https://other.example/p.json',
    );
    sendMock.mockResolvedValueOnce({ ok: true, packId: 'community' } as never);
    fireEvent.click(within(box).getByRole('button', { name: 'Replace the installed pack' }));
    await waitFor(() =>
      expect(sendMock).toHaveBeenCalledWith({
        type: 'subscribe',
        url: 'https://other.example/p.json',
        publicKey: 'K',
        importId: expect.any(String),
        replace: true,
      }),
    );
  });

  it("the worker going away: a plain sentence instead of Chrome's, and reads are retried once", async () => {
    const raw =
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
    sendMock.mockResolvedValueOnce({ ok: false, error: raw } as never);
    render(<OptionsApp />);
    fireEvent.input(await screen.findByLabelText("Or paste the pack's JSON"), {
      target: { value: '{}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(announcer().textContent).toBe(
        "That didn't work: Picket's background stopped before it answered, so this may or may not have been done. Check the page, then try again if needed.",
      ),
    );
    // An import is not repeated behind the user's back.
    expect(sendMock.mock.calls.filter(([r]) => r.type === 'importPack')).toHaveLength(1);

    // A refresh is: the second attempt answers.
    sendMock.mockReset();
    sendMock
      .mockResolvedValueOnce({
        ok: false,
        error: 'Could not establish connection. Receiving end does not exist.',
      } as never)
      .mockResolvedValueOnce({ ok: true, updated: true, version: 5 } as never);
    const [row] = await screen.findAllByTestId('subscription');
    fireEvent.click(within(row!).getByRole('button', { name: 'Refresh now' }));
    await waitFor(() =>
      expect(announcer().textContent).toBe('Community list was updated to version 5.'),
    );
    expect(sendMock).toHaveBeenCalledTimes(2);
  });

  it('a setting that cannot be saved says so in its card, and the switch shows what is stored', async () => {
    render(<OptionsApp />);
    const facebook = (await screen.findByRole('switch', { name: 'Facebook' })) as HTMLInputElement;
    const restore = failingQuota(fakeBrowser.storage.local);
    try {
      fireEvent.click(facebook);
      const sites = facebook.closest('section')!;
      await waitFor(() =>
        expect(within(sites).getByTestId('save-error').textContent).toBe(
          "Not saved: the browser's storage for Picket is full. Remove a pack you no longer use, then try again.",
        ),
      );
      await waitFor(() => expect(facebook.checked).toBe(true));
      expect((await getSettings()).sites.facebook).toBe(true);
      // Only that card says so.
      expect(screen.getAllByTestId('save-error')).toHaveLength(1);
    } finally {
      restore();
    }
    fireEvent.click(facebook);
    await waitFor(async () => expect((await getSettings()).sites.facebook).toBe(false));
    await waitFor(() => expect(screen.queryByTestId('save-error')).toBeNull());
  });

  it('a subscription that has not advanced for a long time, or keeps failing, is shown as stale', async () => {
    const day = 24 * 60 * 60 * 1000;
    const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    loadSnapshotMock.mockResolvedValue(
      snapshot({
        packs: [
          pack,
          {
            ...subscribedPack,
            installedAt: iso(45),
            subscription: {
              url: subscribedPack.subscription.url,
              lastCheckedAt: iso(0),
              lastSuccessAt: iso(0),
            },
          },
          {
            ...subscribedPack,
            id: 'failing',
            publisherName: 'Failing feed',
            installedAt: iso(10),
            subscription: {
              url: 'https://failing.example/p.json',
              lastCheckedAt: iso(0),
              lastSuccessAt: iso(5),
              lastError: { at: iso(0), message: 'The pack was not found (404).' },
            },
          },
          {
            ...subscribedPack,
            id: 'fresh',
            publisherName: 'Fresh feed',
            installedAt: iso(2),
            subscription: {
              url: 'https://fresh.example/p.json',
              lastCheckedAt: iso(0),
              lastSuccessAt: iso(0),
            },
          },
        ],
      }),
    );
    render(<OptionsApp />);
    const rows = await screen.findAllByTestId('subscription');
    const stale = rows.map((row) => within(row).queryByTestId('subscription-stale')?.textContent);
    expect(stale[0]).toMatch(/^Stale: no newer version since /);
    expect(stale[1]).toMatch(/^Stale: no successful check since /);
    expect(stale[2]).toBeUndefined();

    // Refreshing the one that has not advanced does not call it "up to date".
    sendMock.mockResolvedValueOnce({ ok: true, updated: false, version: 3 } as never);
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Refresh now' }));
    await waitFor(() =>
      expect(announcer().textContent).toMatch(
        /^Community list has published no newer version since /,
      ),
    );
    // A publisher serving an older version says so.
    sendMock.mockResolvedValueOnce({
      ok: true,
      updated: false,
      version: 3,
      olderVersion: 2,
    } as never);
    fireEvent.click(within(rows[2]!).getByRole('button', { name: 'Refresh now' }));
    await waitFor(() =>
      expect(announcer().textContent).toBe(
        'Fresh feed served version 2, older than the installed version 3, which was kept.',
      ),
    );
  });
});
