// A change of settings as an extension page asks the background for it: only the fields it
// touches (so two pages changing different fields never undo each other), checked by a schema.
import * as v from 'valibot';
import { SURFACES, type Surface } from './accounts';
import type { Settings } from './settings';

const onOff = v.optional(v.boolean());
/** `platform:key`, as the allowlist stores it. */
const allowlistKey = v.pipe(v.string(), v.maxLength(80));

export const settingsPatch = v.strictObject({
  sites: v.optional(v.strictObject({ instagram: onOff, facebook: onOff })),
  surfaces: v.optional(
    v.strictObject(
      Object.fromEntries(SURFACES.map((s) => [s, onOff])) as Record<Surface, typeof onOff>,
    ),
  ),
  /** Per campaign key: shown or not; merged into what is stored. */
  campaigns: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(2_000)), v.boolean()),
      v.check((record) => Object.keys(record).length <= 100, 'Too many campaigns at once.'),
    ),
  ),
  allowlist: v.optional(
    v.strictObject({ add: v.optional(allowlistKey), remove: v.optional(allowlistKey) }),
  ),
  badgeStyle: v.optional(v.picklist(['label', 'compact'])),
  verifiedOnly: onOff,
  reminders: v.optional(
    v.strictObject({
      enabled: onOff,
      time: v.optional(v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
      dayBefore: onOff,
    }),
  ),
});

export type SettingsPatch = v.InferOutput<typeof settingsPatch>;

/** Drops the keys an optional field left undefined, so they never overwrite a stored value. */
function defined<T extends object>(part: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(part ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** The settings with `patch` applied; `current` is left as it was. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const next: Settings = {
    ...current,
    sites: { ...current.sites, ...defined(patch.sites) },
    surfaces: { ...current.surfaces, ...defined(patch.surfaces) },
    campaigns: { ...current.campaigns, ...patch.campaigns },
    reminders: { ...current.reminders, ...defined(patch.reminders) },
  };
  if (patch.badgeStyle !== undefined) next.badgeStyle = patch.badgeStyle;
  if (patch.verifiedOnly !== undefined) next.verifiedOnly = patch.verifiedOnly;
  const { add, remove } = patch.allowlist ?? {};
  if (add !== undefined || remove !== undefined) {
    const kept = current.allowlist.filter((key) => key !== add && key !== remove);
    next.allowlist = add !== undefined ? [...kept, add] : kept;
  }
  return next;
}
