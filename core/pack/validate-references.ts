// Third pass of the pack validator: what a JSON Schema cannot say — unique ids, references to
// events and sources, real dates and zones, an event not ending before it starts. The value is
// plain JSON here but may break the schema, so every read checks its type; a problem the schema
// reports already is not reported twice.
import {
  CORRECTIONS_MESSAGE,
  DATE_MESSAGE,
  Issues,
  TIME_ZONE_MESSAGE,
  URL_MESSAGE,
  isPlainObject,
  type Obj,
  type Segment,
} from './validate-issues';
import {
  DATE_PATTERN,
  ITEM_ID_PATTERN,
  isHttpsUrl,
  isMailtoAddress,
  isPackDate,
  isTimeZone,
} from './validate-values';

const listAt = (obj: Obj, key: string): unknown[] => {
  const value = obj[key];
  return Array.isArray(value) ? value : [];
};
const validId = (value: unknown): value is string =>
  typeof value === 'string' && ITEM_ID_PATTERN.test(value);

/** Checks a date field's calendar values (its shape is the schema's). */
function checkDate(issues: Issues, obj: Obj, key: string, path: Segment[]): void {
  const value = obj[key];
  if (typeof value === 'string' && !isPackDate(value)) issues.at([...path, key], DATE_MESSAGE);
}

/** Catches what the schema's URL pattern lets through but no URL parser accepts. */
function checkUrl(issues: Issues, obj: Obj, key: string, path: Segment[]): void {
  const value = obj[key];
  if (typeof value === 'string' && !isHttpsUrl(value)) issues.at([...path, key], URL_MESSAGE);
}

/** Reports ids met twice in one list (and records them in `seen`). */
function checkUniqueIds(
  issues: Issues,
  list: unknown[],
  seen: Set<string>,
  what: string,
  path: Segment[],
): void {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const id = isPlainObject(item) ? item.id : undefined;
    if (!validId(id)) continue;
    if (seen.has(id)) issues.at([...path, i, 'id'], `duplicate ${what} id "${id}"`);
    else seen.add(id);
  }
}

function checkSourceRefs(issues: Issues, obj: Obj, sourceIds: Set<string>, path: Segment[]): void {
  const refs = listAt(obj, 'sources');
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if (validId(ref) && !sourceIds.has(ref))
      issues.at(
        [...path, 'sources', i],
        `source "${ref}" is not listed in this campaign's sources`,
      );
  }
}

function checkEvent(issues: Issues, event: Obj, path: Segment[]): void {
  checkDate(issues, event, 'start', path);
  checkDate(issues, event, 'end', path);
  const { start, end, timeZone } = event;
  if (
    typeof start === 'string' &&
    typeof end === 'string' &&
    isPackDate(start) &&
    isPackDate(end)
  ) {
    // An all-day end covers its whole day, so with a date on either side only the days compare.
    const anyDate = DATE_PATTERN.test(start) || DATE_PATTERN.test(end);
    if (anyDate ? end.slice(0, 10) < start.slice(0, 10) : Date.parse(end) < Date.parse(start))
      issues.at([...path, 'end'], 'ends before it starts');
  }
  if (typeof timeZone === 'string' && !isTimeZone(timeZone))
    issues.at([...path, 'timeZone'], TIME_ZONE_MESSAGE);
}

/**
 * Participant lists can hold a million entries. Sorting their ids and comparing neighbours is about
 * ten times faster than a Set of a million strings, and almost every pack has no duplicate; only
 * when one exists is the list walked again to name the entries.
 */
function checkUniqueParticipants(issues: Issues, participants: unknown[], path: Segment[]): void {
  const ids: string[] = [];
  for (const participant of participants) {
    const id = isPlainObject(participant) ? participant.id : undefined;
    if (validId(id)) ids.push(id);
  }
  if (ids.length < 2) return;
  ids.sort();
  const duplicated = new Set<string>();
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) duplicated.add(ids[i]!);
  if (duplicated.size > 0) checkUniqueIds(issues, participants, new Set(), 'participant', path);
}

function checkCampaign(issues: Issues, campaign: Obj, path: Segment[]): void {
  checkUrl(issues, campaign, 'url', path);
  const sourceIds = new Set<string>();
  const eventIds = new Set<string>();
  // Sources and events first: participants and actions refer to them.
  const sources = listAt(campaign, 'sources');
  checkUniqueIds(issues, sources, sourceIds, 'source', [...path, 'sources']);
  sources.forEach((source, i) => {
    if (!isPlainObject(source)) return;
    checkUrl(issues, source, 'url', [...path, 'sources', i]);
    checkDate(issues, source, 'date', [...path, 'sources', i]);
  });
  const events = listAt(campaign, 'events');
  checkUniqueIds(issues, events, eventIds, 'event', [...path, 'events']);
  events.forEach((event, i) => {
    if (!isPlainObject(event)) return;
    checkEvent(issues, event, [...path, 'events', i]);
    checkSourceRefs(issues, event, sourceIds, [...path, 'events', i]);
  });
  listAt(campaign, 'coalition').forEach((member, i) => {
    if (isPlainObject(member)) checkUrl(issues, member, 'url', [...path, 'coalition', i]);
  });
  const demands = listAt(campaign, 'demands');
  checkUniqueIds(issues, demands, new Set(), 'demand', [...path, 'demands']);
  demands.forEach((demand, i) => {
    if (isPlainObject(demand)) checkSourceRefs(issues, demand, sourceIds, [...path, 'demands', i]);
  });
  const participants = listAt(campaign, 'participants');
  for (let i = 0; i < participants.length && !issues.full; i++) {
    const participant = participants[i];
    if (!isPlainObject(participant)) continue;
    const at: Segment[] = [...path, 'participants', i];
    listAt(participant, 'actions').forEach((action, j) => {
      if (!isPlainObject(action)) return;
      const actionPath = [...at, 'actions', j];
      const event = action.event;
      if (validId(event) && !eventIds.has(event))
        issues.at([...actionPath, 'event'], `event "${event}" is not an event of this campaign`);
      checkDate(issues, action, 'date', actionPath);
      checkSourceRefs(issues, action, sourceIds, actionPath);
    });
    checkSourceRefs(issues, participant, sourceIds, at);
  }
  checkUniqueParticipants(issues, participants, [...path, 'participants']);
}

export function checkSemantics(pack: Obj, issues: Issues): void {
  checkDate(issues, pack, 'updatedAt', []);
  if (isPlainObject(pack.publisher)) {
    checkUrl(issues, pack.publisher, 'url', ['publisher']);
    const corrections = pack.publisher.corrections;
    if (
      typeof corrections === 'string' &&
      !(corrections.startsWith('mailto:') ? isMailtoAddress(corrections) : isHttpsUrl(corrections))
    )
      issues.at(['publisher', 'corrections'], CORRECTIONS_MESSAGE);
  }
  const campaigns = listAt(pack, 'campaigns');
  const campaignIds = new Set<string>();
  for (let i = 0; i < campaigns.length && !issues.full; i++) {
    const campaign = campaigns[i];
    if (!isPlainObject(campaign)) continue;
    const id = campaign.id;
    if (validId(id)) {
      if (campaignIds.has(id)) issues.at(['campaigns', i, 'id'], `duplicate campaign id "${id}"`);
      else campaignIds.add(id);
    }
    checkCampaign(issues, campaign, ['campaigns', i]);
  }
}
