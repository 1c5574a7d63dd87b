// The shapes of the user's pack data in storage.local: the registry of installed packs and each
// pack's subscription bookkeeping. Types only, shared by the items file and the code using them.
import type { PackConflictInfo } from '../core/messages';
import type { PackOrigin } from '../core/store-views';

export interface SubscriptionRecord {
  url: string;
  /** The publisher's ECDSA P-256 public key (base64 SPKI), pinned at subscribe time. */
  publicKey: string;
  etag?: string;
  lastModified?: string;
  lastCheckedAt?: string;
  /**
   * The last check that reached the publisher and found its current or a newer version (a 304,
   * the same version, or an update). Serving an older version is not a success.
   */
  lastSuccessAt?: string;
  lastError?: { at: string; message: string };
}

export interface StoredPackRecord {
  id: string;
  origin: Exclude<PackOrigin, 'bundled'>;
  version: number;
  updatedAt: string;
  installedAt: string;
  publisherName: string;
  corrections?: string;
  campaignCount: number;
  participantCount: number;
  accountCount: number;
  subscription?: SubscriptionRecord;
}

export interface PackRegistry {
  /** Bumped on every pack change; the database records which revision it was built from. */
  revision: number;
  packs: StoredPackRecord[];
  /** Ids of packs (the bundled one included) the user switched off. */
  disabled: string[];
}

/** Where an installed or offered pack comes from, as the options page shows it. */
export type PackSource = PackConflictInfo['installed'];
/** Two sources offering the same pack id: what the user is shown before choosing to replace. */
export type PackConflict = PackConflictInfo;
