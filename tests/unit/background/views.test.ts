import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupView } from '../../../background/views';
import { setDatabaseUpdating } from '../../../storage/open-state';
import { loadSnapshot } from '../../../storage/queries';
import { snapshot } from '../ui/fixtures';

vi.mock('../../../storage/queries', () => ({ loadSnapshot: vi.fn(), searchParticipants: vi.fn() }));
vi.mock('../../../background/reminders', () => ({
  reminderStatus: vi.fn(async () => ({ notificationsFailed: false, pending: null })),
}));

const loadSnapshotMock = vi.mocked(loadSnapshot);
let finish!: (value: ReturnType<typeof snapshot>) => void;

beforeEach(() => {
  fakeBrowser.reset();
  loadSnapshotMock.mockReset().mockReturnValue(new Promise((resolve) => (finish = resolve)));
});
afterEach(() => setDatabaseUpdating(false));

describe('the popup view while the database is upgraded', () => {
  it('answers "updating" at once when the upgrade starts before the data is there', async () => {
    const answer = popupView(false);
    setDatabaseUpdating(true);
    expect(await answer).toEqual({ updating: true });
  });

  it('answers "updating" at once when an upgrade is already under way', async () => {
    setDatabaseUpdating(true);
    expect(await popupView(false)).toEqual({ updating: true });
  });

  it('with `wait`, answers with the data once it is there', async () => {
    setDatabaseUpdating(true);
    const answer = popupView(true);
    finish(snapshot());
    expect(await answer).toMatchObject({ updating: false, snapshot: snapshot() });
  });

  it('answers with the data when nothing is being upgraded', async () => {
    const answer = popupView(false);
    finish(snapshot());
    expect(await answer).toMatchObject({ updating: false, settings: { verifiedOnly: false } });
  });
});
