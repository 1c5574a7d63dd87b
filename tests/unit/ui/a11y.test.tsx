// Structural accessibility of the rendered pages with axe-core. Colour contrast can't be computed
// in happy-dom (no layout or cascade); the real-browser axe runs in e2e cover it.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '../../../core/send';
import { reminderStatus } from '../../../background/reminders';
import { loadSnapshot, searchParticipants } from '../../../storage/queries';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { PopupApp } from '../../../components/popup/PopupApp';
import { pack, people, searchIn, snapshot } from './fixtures';
import { answeredByBackground } from './background';
import { installMessages } from './messages';

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

beforeEach(async () => {
  fakeBrowser.reset();
  await installMessages('en');
  document.documentElement.lang = 'en';
  document.title = 'Picket';
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-09-16T12:00:00Z') });
  vi.mocked(searchParticipants).mockReset().mockImplementation(searchIn(people));
  vi.mocked(reminderStatus)
    .mockReset()
    .mockResolvedValue({ notificationsFailed: true, pending: null });
  vi.mocked(send)
    .mockReset()
    .mockImplementation(
      answeredByBackground(async (request) =>
        request.type === 'getTabState'
          ? {
              ok: true,
              state: { platform: 'instagram', pageType: 'profile', accounts: [], unreadable: true },
            }
          : { ok: true },
      ),
    );
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function seriousViolations(container: Element) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility (axe, structure only)', () => {
  it('the popup with every section shown has no serious or critical violations', async () => {
    vi.mocked(loadSnapshot)
      .mockReset()
      .mockResolvedValue(
        snapshot({
          usingBundledFallback: true,
          campaigns: [
            snapshot().campaigns[0]!,
            { ...snapshot().campaigns[0]!, key: 'shfp/b', name: 'Other' },
          ],
        }),
      );
    const { container } = render(<PopupApp search="?tab=3" />);
    await waitFor(() => expect(screen.getAllByTestId('participant').length).toBeGreaterThan(0));
    await screen.findByTestId('fallback-banner');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('the options page has no serious or critical violations', async () => {
    vi.mocked(loadSnapshot)
      .mockReset()
      .mockResolvedValue(
        snapshot({
          packs: [
            pack,
            {
              ...pack,
              id: 'sub',
              origin: 'subscribed',
              subscription: {
                url: 'https://lists.example/p.json',
                lastError: { at: '2026-09-01T00:00:00Z', message: 'offline' },
              },
            },
          ],
        }),
      );
    const { container } = render(<OptionsApp />);
    await screen.findAllByTestId('pack');
    await screen.findByLabelText('Reminder time');
    expect(await seriousViolations(container)).toEqual([]);
  });
});
