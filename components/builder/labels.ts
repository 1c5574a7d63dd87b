// Every form field's label, by its place in the campaign file, and a JSON path in plain words:
// "Event 2 — Start (…)" instead of /campaigns/0/events/1/start. Problems point at fields with these.
import { i18n } from '#i18n';

type Label = () => string;

export const PACK_LABELS: Readonly<Record<string, Label>> = {
  id: () => i18n.t('builder.pack.id'),
  version: () => i18n.t('builder.pack.version'),
  updatedAt: () => i18n.t('builder.pack.updatedAt'),
};

export const PUBLISHER_LABELS: Readonly<Record<string, Label>> = {
  name: () => i18n.t('builder.pack.publisherName'),
  url: () => i18n.t('builder.pack.publisherUrl'),
  corrections: () => i18n.t('builder.pack.corrections'),
};

export const CAMPAIGN_LABELS: Readonly<Record<string, Label>> = {
  id: () => i18n.t('builder.campaign.id'),
  name: () => i18n.t('builder.campaign.name'),
  hashtag: () => i18n.t('builder.campaign.hashtag'),
  summary: () => i18n.t('builder.campaign.summary'),
  url: () => i18n.t('builder.campaign.url'),
  target: () => i18n.t('builder.campaign.target'),
};

export const LIST_LABELS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  coalition: {
    name: () => i18n.t('builder.coalition.name'),
    url: () => i18n.t('builder.coalition.url'),
  },
  demands: {
    id: () => i18n.t('builder.demands.id'),
    title: () => i18n.t('builder.demands.title'),
    detail: () => i18n.t('builder.demands.detail'),
    category: () => i18n.t('builder.demands.category'),
    sources: () => i18n.t('builder.demands.sources'),
  },
  events: {
    id: () => i18n.t('builder.events.id'),
    title: () => i18n.t('builder.events.title'),
    kind: () => i18n.t('builder.events.kind'),
    start: () => i18n.t('builder.events.start'),
    end: () => i18n.t('builder.events.end'),
    timeZone: () => i18n.t('builder.events.timeZone'),
    detail: () => i18n.t('builder.events.detail'),
    sources: () => i18n.t('builder.events.sources'),
  },
  sources: {
    id: () => i18n.t('builder.sources.id'),
    url: () => i18n.t('builder.sources.url'),
    publisher: () => i18n.t('builder.sources.publisher'),
    title: () => i18n.t('builder.sources.title'),
    date: () => i18n.t('builder.sources.date'),
    kind: () => i18n.t('builder.sources.kind'),
  },
};

export const ITEM_LABELS: Readonly<Record<string, (n: number) => string>> = {
  coalition: (n) => i18n.t('builder.place.coalition', [n]),
  demands: (n) => i18n.t('builder.place.demand', [n]),
  events: (n) => i18n.t('builder.place.event', [n]),
  sources: (n) => i18n.t('builder.place.source', [n]),
};

/** The id of the form control editing the value at `pointer` (a JSON Pointer). */
export function fieldId(pointer: string): string {
  return `field${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Where a JSON path of the campaign file is on the page, in words, and the field showing it. */
export function placeOf(pointer: string): { words: string; field?: string } {
  const s = segmentsOf(pointer);
  const pack = { words: i18n.t('builder.place.pack') };
  const at = (label: Label | undefined, depth: number, prefix = '') =>
    label
      ? { words: prefix + label(), field: fieldId(`/${s.slice(0, depth).join('/')}`) }
      : undefined;
  if (s.length === 0 || s[0] === 'format') return pack;
  if (s[0] === 'publisher') return at(PUBLISHER_LABELS[s[1] ?? ''], 2) ?? pack;
  if (s[0] !== 'campaigns') return at(PACK_LABELS[s[0]!], 1) ?? pack;
  const [, , key, index, name] = s;
  if (key === undefined) return { words: i18n.t('builder.place.campaign') };
  if (key === 'participants') return { words: i18n.t('builder.place.participants') };
  const item = ITEM_LABELS[key];
  if (!item) return at(CAMPAIGN_LABELS[key], 3) ?? { words: i18n.t('builder.place.campaign') };
  const itemWords = item(Number(index) + 1);
  if (name === undefined) return { words: itemWords };
  return at(LIST_LABELS[key]?.[name], 5, `${itemWords} — `) ?? { words: itemWords };
}
