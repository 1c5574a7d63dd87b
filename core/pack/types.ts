// Campaign pack format v1 (docs/packs.md, schema/pack.schema.json), as TypeScript types.
// The validator in core/pack/validate.ts is the only way a value becomes a `Pack`.

export const PACK_FORMAT = 'picket-pack/1';

export type Platform = 'instagram' | 'facebook';
export type EventKind = 'boycott' | 'action' | 'pause' | 'deadline' | 'other';
export type ParticipantKind = 'person' | 'brand' | 'organization';
export type ParticipantRole = 'participant' | 'advertiser' | 'organizer' | 'coalition-member';
export type ParticipantStatus = 'took-part' | 'announced' | 'paused-ads' | 'resumed' | 'withdrew';
/**
 * How sure the publisher is that an account belongs to the participant: `verified` (checked
 * against the participant's own site or a verified profile) or `likely` (believed, not checked).
 * Absent means `verified`, as every account of a pack written before the field existed was listed
 * without qualification.
 */
export type AccountConfidence = 'verified' | 'likely';
/**
 * How the participant relates to the campaign: `joined` it formally, acted in line with it
 * without joining (`aligned`), or is only `listed` as taking part by others. Absent means `joined`.
 */
export type ParticipantRelation = 'joined' | 'aligned' | 'listed';
/**
 * What kind of evidence a source is: the participant's `own-statement`, a `major-outlet`'s report,
 * or `other` (lists, aggregators, blogs). Absent means not stated.
 */
export type SourceKind = 'own-statement' | 'major-outlet' | 'other';

/** `x-` extension keys are allowed on every object inside a pack. */
type Extensions = { [key: `x-${string}`]: unknown };

export type Publisher = { name: string; url?: string; corrections?: string } & Extensions;
export type CoalitionMember = { name: string; url?: string } & Extensions;
export type Demand = {
  id: string;
  title: string;
  detail?: string;
  category?: string;
  /** Ids of the campaign's sources that state this demand. */
  sources?: string[];
} & Extensions;
export type CampaignEvent = {
  id: string;
  title: string;
  kind: EventKind;
  /** `YYYY-MM-DD` (all-day) or an RFC 3339 date-time. */
  start: string;
  end?: string;
  timeZone?: string;
  detail?: string;
  /** Ids of the campaign's sources for this event. */
  sources?: string[];
} & Extensions;
export type Account = {
  platform: Platform;
  handle?: string;
  numericId?: string;
  confidence?: AccountConfidence;
  /** Who runs the account when it is not exactly the participant (a brand of the company, …). */
  holder?: string;
} & Extensions;
export type Action = {
  event?: string;
  summary: string;
  date?: string;
  sources: string[];
} & Extensions;
export type Participant = {
  id: string;
  name: string;
  kind: ParticipantKind;
  role: ParticipantRole;
  accounts: Account[];
  actions?: Action[];
  status?: ParticipantStatus;
  relation?: ParticipantRelation;
  sources: string[];
} & Extensions;
export type Source = {
  id: string;
  url: string;
  publisher?: string;
  title?: string;
  date?: string;
  kind?: SourceKind;
} & Extensions;
export type Campaign = {
  id: string;
  name: string;
  hashtag?: string;
  summary?: string;
  url?: string;
  target?: string;
  coalition?: CoalitionMember[];
  demands?: Demand[];
  events?: CampaignEvent[];
  participants: Participant[];
  sources: Source[];
} & Extensions;
export type Pack = {
  format: typeof PACK_FORMAT;
  id: string;
  version: number;
  updatedAt: string;
  publisher: Publisher;
  campaigns: Campaign[];
};

/** One problem found by the validator: a JSON Pointer-style path and a plain message. */
export interface PackIssue {
  path: string;
  message: string;
}
export type PackResult = { ok: true; pack: Pack } | { ok: false; issues: PackIssue[] };
