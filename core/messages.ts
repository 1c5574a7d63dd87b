// The one typed message protocol between the content script, the extension pages and the
// background. Every request is validated by the background with these schemas:
// unknown types, extra keys and oversized payloads are rejected with { ok: false }.
import * as v from 'valibot';
import type { Surface } from './accounts';
import type { Settings } from './settings';
import { settingsPatch } from './settings-patch';
import type { ParticipantView, StoreSnapshot } from './store-views';
import type { DatedAction } from './claim';
import type { KeyFilterData } from './key-filter';
import type {
  AccountConfidence,
  PackIssue,
  ParticipantRelation,
  ParticipantRole,
  ParticipantStatus,
  SourceKind,
  Platform,
} from './pack/types';
import { MAX_IMPORT_BYTES } from './import-size';
import { IMPORT_PHASES } from './import-progress';
import { MAX_BADGED, MAX_KEY_LENGTH, MAX_LOOKUP_KEYS, MAX_PAGE_TYPE_LENGTH } from './limits';

const platform = v.picklist(['instagram', 'facebook']);
const accountKey = v.pipe(v.string(), v.maxLength(MAX_KEY_LENGTH));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const participantRole = v.picklist(['participant', 'advertiser', 'organizer', 'coalition-member']);

/** Which claim a mistake report is about: a pack's participant, seen on one account. */
const reportTarget = {
  packId: shortText,
  campaignId: shortText,
  participantId: shortText,
  platform,
  handle: accountKey,
};

/** The page's name for one import it started, so it can follow and cancel that import only. */
const importId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

// ---- Requests a content script may send: read-only, plus its own page report ----
export const contentRequest = v.variant('type', [
  v.strictObject({
    type: v.literal('lookup'),
    platform,
    keys: v.pipe(v.array(accountKey), v.maxLength(MAX_LOOKUP_KEYS)),
  }),
  v.strictObject({
    type: v.literal('pageReport'),
    platform,
    pageType: v.pipe(v.string(), v.maxLength(MAX_PAGE_TYPE_LENGTH)),
    /** Keys of the participating accounts badged on the page, in order of appearance. */
    badged: v.pipe(v.array(accountKey), v.maxLength(MAX_BADGED)),
    /** True when the page type should show accounts and the adapter found none after settling. */
    unreadable: v.boolean(),
  }),
  v.strictObject({ type: v.literal('getContentConfig') }),
  v.strictObject({ type: v.literal('dismissNotice'), noticeId: shortText }),
  /** The user chose "Report a mistake" on a badge's card: open the report page in a new tab. */
  v.strictObject({ type: v.literal('openReport'), ...reportTarget }),
]);

// ---- Requests only extension pages (popup, options) may send ----
export const pageRequest = v.variant('type', [
  v.strictObject({ type: v.literal('getTabState'), tabId: v.pipe(v.number(), v.integer()) }),
  v.strictObject({ type: v.literal('getStatus') }),
  v.strictObject({
    type: v.literal('importPack'),
    // A UTF-8 byte is at least one UTF-16 unit, so a longer text is surely over the limit (the
    // router then says so with its size, rather than "invalid request").
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES)),
    /** The user chose, after seeing both publishers, to replace a pack from another source. */
    replace: v.optional(v.boolean()),
    /** Set to get `importProgress` messages about this import and to be able to cancel it. */
    importId: v.optional(importId),
  }),
  /** Stops a running import; the pack installed before (if any) stays as it was. */
  v.strictObject({ type: v.literal('cancelImport'), importId }),
  v.strictObject({ type: v.literal('setPackEnabled'), packId: shortText, enabled: v.boolean() }),
  v.strictObject({ type: v.literal('removePack'), packId: shortText }),
  v.strictObject({ type: v.literal('exportPack'), packId: shortText }),
  v.strictObject({
    type: v.literal('subscribe'),
    url: shortText,
    publicKey: v.pipe(v.string(), v.maxLength(4_000)),
    replace: v.optional(v.boolean()),
    importId: v.optional(importId),
  }),
  v.strictObject({ type: v.literal('refreshSubscription'), packId: shortText }),
  v.strictObject({ type: v.literal('clearAllData') }),
  v.strictObject({ type: v.literal('getReportContext'), ...reportTarget }),
  /** Adds the account to the accounts never badged (the report page's "hide it now"). */
  v.strictObject({ type: v.literal('dontBadge'), platform, handle: accountKey }),
  /**
   * Everything the popup shows, in one answer. Without `wait`, a database being upgraded is
   * answered at once with `{ updating: true }`; with it, the answer waits for the data.
   */
  v.strictObject({ type: v.literal('getPopupView'), wait: v.optional(v.boolean()) }),
  v.strictObject({ type: v.literal('getOptionsView') }),
  /** The campaign the user picked in the popup's switcher, shown first next time. */
  v.strictObject({ type: v.literal('rememberCampaign'), campaignKey: shortText }),
  /** One page of a campaign's participants, by name; several roles are merged by name. */
  v.strictObject({
    type: v.literal('searchParticipants'),
    campaignKey: shortText,
    text: v.optional(v.pipe(v.string(), v.maxLength(200))),
    roles: v.optional(v.pipe(v.array(participantRole), v.maxLength(4))),
    limit: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5_000)),
  }),
  /** Changes only the settings the patch names; answers with all settings as stored. */
  v.strictObject({ type: v.literal('changeSettings'), patch: settingsPatch }),
]);

// ---- Sent by the background to the extension pages ----
/** How far one import has come (see core/import-progress.ts); pages check it with this schema. */
export const importProgressMessage = v.strictObject({
  type: v.literal('importProgress'),
  importId,
  phase: v.picklist(IMPORT_PHASES),
  done: count,
  total: count,
});
export type ImportProgressMessage = v.InferOutput<typeof importProgressMessage>;

export function parseImportProgress(message: unknown): ImportProgressMessage | null {
  const result = v.safeParse(importProgressMessage, message);
  return result.success ? result.output : null;
}

export type ContentRequest = v.InferOutput<typeof contentRequest>;
export type PageRequest = v.InferOutput<typeof pageRequest>;
export type Request = ContentRequest | PageRequest;

// ---- Answers ----

/** One source as a badge's card lists it. */
export interface BadgeSource {
  url: string;
  publisher?: string;
  title?: string;
  date?: string;
  kind?: SourceKind;
}

/** What a badge may show about one account: the least the content script needs. */
export interface BadgeEntry {
  /** With campaignId and participantId: what a mistake report is about. */
  packId: string;
  campaignId: string;
  participantId: string;
  campaignName: string;
  hashtag?: string;
  participantName: string;
  role: ParticipantRole;
  status?: ParticipantStatus;
  relation?: ParticipantRelation;
  /** In time order, each dated by itself or by its event's start (core/claim.ts). */
  actions: DatedAction[];
  /** The sources the participant cites, strongest first (at most a handful). */
  sources: BadgeSource[];
  /** The account the badge is on: how sure the publisher is that it is the participant's. */
  account: { confidence: AccountConfidence; holder?: string };
}
export interface BadgeInfo {
  platform: Platform;
  /** The account as it is in the pack; becomes the badge's `data-handle`. */
  handle: string;
  entries: BadgeEntry[];
}

export interface ContentConfig {
  enabled: boolean;
  surfaces: Record<Surface, boolean>;
  badgeStyle: 'label' | 'compact';
  notice: NoticeInfo | null;
  /** The installed packs' keys as a membership filter (core/key-filter.ts); absent when off. */
  filter?: KeyFilterData;
}
export interface NoticeInfo {
  id: string;
  title: string;
  message: string;
}

export interface TabState {
  platform: Platform | null;
  pageType: string | null;
  accounts: BadgeInfo[];
  unreadable: boolean;
}

/** Everything the report page needs to compose a correction request. */
export interface ReportContext {
  pack: { id: string; version: number; publisherName: string; corrections?: string };
  campaign: { id: string; name: string; hashtag?: string };
  participant: {
    id: string;
    name: string;
    role: ParticipantRole;
    status?: ParticipantStatus;
    relation?: ParticipantRelation;
    actions: DatedAction[];
    /** Every source it cites, strongest first. */
    sources: BadgeSource[];
    badgeable: boolean;
  };
  /** The account the report came from, when it is one of the participant's. */
  account: {
    platform: Platform;
    handle: string;
    confidence: AccountConfidence;
    holder?: string;
  } | null;
}

/** Two sources offering one pack id (see storage/store.ts): shown before a user replaces. */
export interface PackConflictInfo {
  packId: string;
  installed: { publisherName: string; origin: 'bundled' | 'imported' | 'subscribed'; url?: string };
  incoming: { publisherName: string; origin: 'bundled' | 'imported' | 'subscribed'; url?: string };
}

/** The popup's data: the store's snapshot, settings and today's reminder, or "still updating". */
export type PopupView =
  | { updating: true }
  | {
      updating: false;
      snapshot: StoreSnapshot;
      settings: Settings;
      notificationsFailed: boolean;
      /** Today's reminder as the background words it, when one is due. */
      pendingReminder: NoticeInfo | null;
      /** The campaign last picked in the popup, if any. */
      lastCampaign: string | null;
    };

/** The options page's data; `snapshot` is null when the store could not be read. */
export interface OptionsView {
  snapshot: StoreSnapshot | null;
  settings: Settings;
}

export interface ParticipantsPage {
  total: number;
  items: ParticipantView[];
}

export type Fail = {
  ok: false;
  error: string;
  issues?: PackIssue[];
  conflict?: PackConflictInfo;
  /** The user cancelled: nothing was changed, and there is nothing to report as an error. */
  cancelled?: true;
};
export type Ok<T> = { ok: true } & T;

export interface ResponseMap {
  lookup: Ok<{ matches: Record<string, BadgeInfo> }>;
  pageReport: Ok<object>;
  getContentConfig: Ok<{ config: ContentConfig }>;
  dismissNotice: Ok<object>;
  openReport: Ok<object>;
  getTabState: Ok<{ state: TabState }>;
  getStatus: Ok<{
    databaseAvailable: boolean;
    usingBundledFallback: boolean;
    notificationsFailed: boolean;
    /** Today's reminder, for the popup to show when notifications can't be. */
    pendingReminder?: NoticeInfo | null;
  }>;
  importPack: Ok<{ packId: string; version: number }>;
  /** `running`: whether there was such an import to stop. */
  cancelImport: Ok<{ running: boolean }>;
  setPackEnabled: Ok<object>;
  removePack: Ok<object>;
  exportPack: Ok<{ text: string; fileName: string }>;
  subscribe: Ok<{ packId: string }>;
  /** `olderVersion`: the publisher served an older version than the installed one (kept). */
  refreshSubscription: Ok<{ updated: boolean; version: number; olderVersion?: number }>;
  clearAllData: Ok<object>;
  getReportContext: Ok<{ context: ReportContext }>;
  dontBadge: Ok<{ key: string }>;
  getPopupView: Ok<{ view: PopupView }>;
  getOptionsView: Ok<{ view: OptionsView }>;
  rememberCampaign: Ok<object>;
  searchParticipants: Ok<ParticipantsPage>;
  changeSettings: Ok<{ settings: Settings }>;
}
export type Response<T extends Request['type']> = ResponseMap[T] | Fail;

export function parseContentRequest(message: unknown): ContentRequest | null {
  const result = v.safeParse(contentRequest, message);
  return result.success ? result.output : null;
}

export function parsePageRequest(message: unknown): PageRequest | null {
  const result = v.safeParse(pageRequest, message);
  return result.success ? result.output : null;
}
