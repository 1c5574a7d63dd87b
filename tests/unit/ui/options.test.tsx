import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '../../../core/send';
import { loadSnapshot } from '../../../storage/queries';
import { getSettings } from '../../../storage/settings';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { pack, snapshot } from './fixtures';
import { installMessages } from './messages';

vi.mock('../../../storage/queries', () => ({ loadSnapshot: vi.fn(), searchParticipants: vi.fn() }));
vi.mock('../../../core/send', () => ({ send: vi.fn() }));

const loadSnapshotMock = vi.mocked(loadSnapshot);
const sendMock = vi.mocked(send);

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

  it('imports a pack from a file and reports success', async () => {
    sendMock.mockResolvedValue({ ok: true, packId: 'mine', version: 2 } as never);
    render(<OptionsApp />);
    const input = (await screen.findByLabelText('Choose a pack file (JSON)')) as HTMLInputElement;
    const file = new File(['{"x":1}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(announcer().textContent).toBe('Imported pack mine, version 2.'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'importPack', text: '{"x":1}' });
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
