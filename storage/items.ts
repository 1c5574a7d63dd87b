// Every key Picket keeps in storage.local and storage.session, defined once: the names on disk
// must never change, or the user's packs, settings and reminder records would be lost.
import { storage } from 'wxt/utils/storage';
import type { PackRegistry } from './userdata-types';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';

/** The user's settings; filled in with defaults for fields a previous version did not have. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export const EMPTY_REGISTRY: PackRegistry = { revision: 0, packs: [], disabled: [] };

/** The packs the user imported or subscribed to, and which packs are switched off. */
export const registryItem = storage.defineItem<PackRegistry>('local:packRegistry', {
  fallback: EMPTY_REGISTRY,
  version: 1,
});

/**
 * Bumped after any pack change (once the database has it too). Content scripts watch it through
 * storage.onChanged to drop their cached answers.
 */
export const packsRevisionItem = storage.defineItem<number>('local:packsRevision', {
  fallback: 0,
  version: 1,
});

/** Where the exact text of one imported or subscribed pack is kept (one key per pack). */
export function packTextKey(packId: string): `local:${string}` {
  return `local:packText:${packId}`;
}

/** Reminder id → when it fired (epoch ms). */
export const remindersFiredItem = storage.defineItem<Record<string, number>>(
  'local:remindersFired',
  { fallback: {} },
);

/**
 * The same record where a full storage.local cannot lose it: storage.session keeps it across
 * worker restarts until the browser closes.
 */
export const remindersFiredSessionItem = storage.defineItem<Record<string, number>>(
  'session:remindersFired',
  { fallback: {} },
);

/** True after a notification could not be shown; the popup and the "!" badge take over. */
export const notificationsFailedItem = storage.defineItem<boolean>('local:notificationsFailed', {
  fallback: false,
});

/** Notice id → the user-local date (YYYY-MM-DD) on which the user dismissed it. */
export const noticeDismissedItem = storage.defineItem<Record<string, string>>(
  'local:noticeDismissed',
  { fallback: {} },
);

/** The campaign the user last picked in the popup's switcher (`<packId>/<campaignId>`). */
export const lastCampaignItem = storage.defineItem<string | null>('local:popup.lastCampaign', {
  fallback: null,
});

/** An item's key as the browser's storage area names it (what storage.onChanged reports). */
export function areaKey(item: { key: string }): string {
  return item.key.slice(item.key.indexOf(':') + 1);
}

/**
 * Every key of the storage area that holds an item: its value, and its metadata, which WXT keeps
 * under the same name with a `$` after it (the item's version lives there).
 */
export function areaKeysOf(item: { key: string }): string[] {
  return [areaKey(item), `${areaKey(item)}$`];
}

/**
 * What "clear all data" keeps: the record of reminders already shown (forgetting it would show
 * today's notification a second time). It holds no user data, only reminder ids and times.
 */
export const KEPT_ON_CLEAR: readonly string[] = areaKeysOf(remindersFiredItem);
