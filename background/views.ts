// What the extension pages ask to see, shaped for each view: the popup's data in one answer, the
// options page's, a page of participants, and settings changes. Pages never open the store.
import type {
  OptionsView,
  PageRequest,
  ParticipantsPage,
  PopupView,
  ResponseMap,
} from '../core/messages';
import type { ParticipantRole } from '../core/pack/types';
import type { Settings } from '../core/settings';
import { applySettingsPatch, type SettingsPatch } from '../core/settings-patch';
import { lastCampaignItem } from '../storage/items';
import { watchDatabaseUpdating } from '../storage/open-state';
import { loadSnapshot, searchParticipants } from '../storage/queries';
import { getSettings, updateSettings } from '../storage/settings';
import { reminderStatus } from './reminders';

async function readyPopupView(): Promise<PopupView> {
  const [snapshot, settings, reminders, lastCampaign] = await Promise.all([
    loadSnapshot(),
    getSettings(),
    reminderStatus(),
    lastCampaignItem.getValue().catch(() => null),
  ]);
  return {
    updating: false,
    snapshot,
    settings,
    notificationsFailed: reminders.notificationsFailed,
    pendingReminder: reminders.pending,
    lastCampaign,
  };
}

/**
 * The popup's data. Unless asked to `wait`, a database that starts (or is) upgrading its data
 * answers `{ updating: true }` at once, so the popup can say so and ask again with `wait`.
 */
export function popupView(wait: boolean): Promise<PopupView> {
  const ready = readyPopupView();
  if (wait) return ready;
  let stop = (): void => undefined;
  const updating = new Promise<PopupView>((resolve) => {
    stop = watchDatabaseUpdating((now) => now && resolve({ updating: true }));
  });
  // The data keeps loading after an "updating" answer; a failure then is the next request's.
  ready.catch(() => undefined);
  return Promise.race([ready, updating]).finally(() => stop());
}

export async function optionsView(): Promise<OptionsView> {
  const [snapshot, settings] = await Promise.all([
    loadSnapshot().catch((error: unknown) => {
      console.warn('[picket] options without the store', error);
      return null;
    }),
    getSettings(),
  ]);
  return { snapshot, settings };
}

/** The first `limit` participants of one campaign in one or several roles, merged by name. */
export async function participantsPage(
  campaignKey: string,
  query: { text?: string | undefined; roles?: ParticipantRole[] | undefined; limit: number },
): Promise<ParticipantsPage> {
  const base = { text: query.text || undefined, limit: query.limit, offset: 0 };
  const roles = query.roles?.length ? [...new Set(query.roles)] : undefined;
  if (!roles) return searchParticipants(campaignKey, base);
  if (roles.length === 1) return searchParticipants(campaignKey, { ...base, role: roles[0] });
  // Several roles: the first `limit` of each, merged, so "Show more" stays exact.
  const pages = await Promise.all(
    roles.map((role) => searchParticipants(campaignKey, { ...base, role })),
  );
  const items = pages
    .flatMap((page) => page.items)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, query.limit);
  return { total: pages.reduce((sum, page) => sum + page.total, 0), items };
}

export function changeSettings(patch: SettingsPatch): Promise<Settings> {
  return updateSettings((current) => applySettingsPatch(current, patch));
}

type ViewRequest = Extract<
  PageRequest,
  {
    type:
      | 'getPopupView'
      | 'getOptionsView'
      | 'rememberCampaign'
      | 'searchParticipants'
      | 'changeSettings';
  }
>;

/** The answer to one of the pages' view requests (already checked against its schema). */
export async function answerViewRequest(
  request: ViewRequest,
): Promise<ResponseMap[ViewRequest['type']]> {
  switch (request.type) {
    case 'getPopupView':
      return { ok: true, view: await popupView(request.wait === true) };
    case 'getOptionsView':
      return { ok: true, view: await optionsView() };
    case 'rememberCampaign':
      await lastCampaignItem.setValue(request.campaignKey);
      return { ok: true };
    case 'searchParticipants': {
      const { campaignKey, text, roles, limit } = request;
      return { ok: true, ...(await participantsPage(campaignKey, { text, roles, limit })) };
    }
    case 'changeSettings':
      return { ok: true, settings: await changeSettings(request.patch) };
  }
}
