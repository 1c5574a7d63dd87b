// The readable index.html that pack:publish puts beside a pack: every participant with its claim,
// accounts, dates and sources (strongest first), and how to follow the pack in Picket. Anyone can
// audit the list without installing anything. No script at all; every datum goes in as text.
import { createHash } from 'node:crypto';
import { citedSourceIds, isBadgeable, strongestFirst } from '../../core/pack/evidence';
import type {
  Account,
  Campaign,
  CampaignEvent,
  Pack,
  Participant,
  Source,
} from '../../core/pack/types';
import { el, fragment, htmlDocument, styleSheet, type Child, type Markup } from './html';

export interface PageOptions {
  /** The pack's file name beside the page, e.g. `pack.json` (its signature is that + `.sig`). */
  packFile: string;
  /** Where pack.json will be served (https), when the publisher said; else the page says how to find it. */
  packUrl?: string;
  /** The publisher's public key (base64 SPKI), as subscriptions take it. */
  publicKey: string;
}

const CSS = `
:root { color-scheme: light dark; --ink: #1b1b1f; --muted: #4a4a55; --line: #d5d5dd;
  --paper: #ffffff; --band: #f3f3f7; --link: #0b57d0; --warn: #8a3b00; }
@media (prefers-color-scheme: dark) { :root { --ink: #ececf1; --muted: #c0c0cc; --line: #45454f;
  --paper: #16161a; --band: #212128; --link: #a8c7fa; --warn: #ffb77a; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.9rem; margin: 0.5rem 0; }
h2 { font-size: 1.45rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
a { color: var(--link); }
.muted { color: var(--muted); }
.warn { color: var(--warn); }
code { font: 0.95em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--band);
  padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
.follow { background: var(--band); border-radius: 8px; padding: 0.5rem 1.25rem 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
caption { text-align: left; padding: 0.25rem 0; color: var(--muted); }
th, td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid var(--line); }
td, tbody th { overflow-wrap: anywhere; }
tbody th { min-width: 8rem; }
thead th { border-bottom: 2px solid var(--ink); }
td ul { margin: 0; padding-left: 1.1rem; }
`;

const ROLE: Record<Participant['role'], string> = {
  participant: 'Participant',
  advertiser: 'Advertiser',
  organizer: 'Organizer',
  'coalition-member': 'Coalition member',
};
const KIND: Record<Participant['kind'], string> = {
  person: 'person',
  brand: 'brand',
  organization: 'organization',
};
const STATUS: Record<NonNullable<Participant['status']>, string> = {
  'took-part': 'took part',
  announced: 'announced it would take part',
  'paused-ads': 'paused its ads',
  resumed: 'resumed',
  withdrew: 'withdrew',
};
const RELATION: Record<NonNullable<Participant['relation']>, string> = {
  joined: 'joined the campaign',
  aligned: 'acted in line with it without joining',
  listed: 'listed as taking part by others',
};
const SOURCE_KIND: Record<NonNullable<Source['kind']>, string> = {
  'own-statement': 'their own statement',
  'major-outlet': 'major outlet',
  other: 'other source',
};
const EVENT_KIND: Record<CampaignEvent['kind'], string> = {
  boycott: 'boycott',
  action: 'action',
  pause: 'pause',
  deadline: 'deadline',
  other: 'other',
};

/** A link to an outside address (every URL in a valid pack is https://). */
const outLink = (href: string, ...text: Child[]): Markup =>
  el('a', { href, rel: 'noopener noreferrer' }, ...text);

/** A list, or nothing when there are no items. */
const list = (items: Child[]): Markup | null =>
  items.length === 0 ? null : el('ul', null, ...items.map((item) => el('li', null, item)));

function dateRange(event: CampaignEvent): string {
  const range =
    event.end && event.end !== event.start ? `${event.start} – ${event.end}` : event.start;
  return event.timeZone ? `${range} (${event.timeZone})` : range;
}

function accountItem(account: Account): Markup {
  const platform = account.platform === 'instagram' ? 'Instagram' : 'Facebook';
  const label = account.handle
    ? account.platform === 'instagram'
      ? `@${account.handle}`
      : account.handle
    : `id ${account.numericId ?? ''}`;
  const href =
    account.platform === 'instagram'
      ? `https://www.instagram.com/${encodeURIComponent(account.handle ?? '')}/`
      : account.handle
        ? `https://www.facebook.com/${encodeURIComponent(account.handle)}`
        : `https://www.facebook.com/profile.php?id=${encodeURIComponent(account.numericId ?? '')}`;
  const confidence = account.confidence === 'likely' ? 'likely theirs, not checked' : 'verified';
  return fragment(
    `${platform} `,
    outLink(href, el('bdi', null, label)),
    el(
      'span',
      { class: 'muted' },
      ` (${confidence}`,
      account.holder ? `; run by ` : '',
      account.holder ? el('bdi', null, account.holder) : null,
      ')',
    ),
  );
}

function sourceItem(source: Source): Markup {
  const details = [source.publisher, source.date, source.kind && SOURCE_KIND[source.kind]].filter(
    (part): part is string => !!part,
  );
  return fragment(
    outLink(source.url, el('bdi', null, source.title ?? source.url)),
    details.length > 0 ? el('span', { class: 'muted' }, ` — ${details.join(', ')}`) : null,
  );
}

function participantRow(
  participant: Participant,
  sources: ReadonlyMap<string, Source>,
  events: ReadonlyMap<string, CampaignEvent>,
): Markup {
  const claim: Child[] = [
    `${ROLE[participant.role]} (${KIND[participant.kind]})`,
    participant.status ? `; ${STATUS[participant.status]}` : null,
    participant.relation ? `; ${RELATION[participant.relation]}` : null,
  ];
  const cited = citedSourceIds(participant)
    .map((id) => sources.get(id))
    .filter((source): source is Source => source !== undefined);
  const actions = (participant.actions ?? []).map((action) =>
    fragment(
      action.date ? `${action.date}: ` : null,
      el('bdi', null, action.summary),
      action.event && events.get(action.event)
        ? el(
            'span',
            { class: 'muted' },
            ' (',
            el('bdi', null, events.get(action.event)!.title),
            ')',
          )
        : null,
    ),
  );
  return el(
    'tr',
    null,
    el('th', { scope: 'row' }, el('bdi', null, participant.name)),
    el(
      'td',
      null,
      ...claim,
      isBadgeable(participant, sources)
        ? null
        : el(
            'p',
            { class: 'warn' },
            'Not badged by Picket: no own statement or major outlet among its sources.',
          ),
    ),
    el('td', null, list(participant.accounts.map(accountItem))),
    el('td', null, list(actions) ?? el('span', { class: 'muted' }, 'none listed')),
    el('td', null, list(strongestFirst(cited).map(sourceItem))),
  );
}

/** The campaign's hashtag, target and website, as a definition list (null when it has none). */
function campaignFacts(campaign: Campaign): Markup | null {
  const facts: Child[] = [];
  if (campaign.hashtag)
    facts.push(el('dt', null, 'Hashtag'), el('dd', null, el('bdi', null, campaign.hashtag)));
  if (campaign.target)
    facts.push(el('dt', null, 'Target'), el('dd', null, el('bdi', null, campaign.target)));
  if (campaign.url)
    facts.push(el('dt', null, 'Website'), el('dd', null, outLink(campaign.url, campaign.url)));
  return facts.length > 0 ? el('dl', null, ...facts) : null;
}

/** A titled list, or nothing when the list is empty. */
function titledList(title: string, items: Child[]): Markup | null {
  return items.length > 0 ? fragment(el('h3', null, title), list(items)) : null;
}

function demandItems(campaign: Campaign): Child[] {
  return (campaign.demands ?? []).map((demand) =>
    fragment(
      el('strong', null, el('bdi', null, demand.title)),
      demand.detail ? fragment(': ', demand.detail) : null,
    ),
  );
}

function scheduleItems(campaign: Campaign): Child[] {
  return (campaign.events ?? []).map((event) =>
    fragment(
      `${dateRange(event)}: `,
      el('strong', null, el('bdi', null, event.title)),
      ` (${EVENT_KIND[event.kind]})`,
      event.detail ? fragment('. ', event.detail) : null,
    ),
  );
}

function coalitionItems(campaign: Campaign): Child[] {
  return (campaign.coalition ?? []).map((member) =>
    member.url ? outLink(member.url, el('bdi', null, member.name)) : el('bdi', null, member.name),
  );
}

/** The participants table, one row each, or a line saying there are none. */
function participantsTable(campaign: Campaign): Markup {
  if (campaign.participants.length === 0) {
    return el('p', { class: 'muted' }, 'No participants are listed yet.');
  }
  const sources = new Map(campaign.sources.map((source) => [source.id, source]));
  const events = new Map((campaign.events ?? []).map((event) => [event.id, event]));
  const header = ['Participant', 'Claim', 'Accounts', 'What they did', 'Sources, strongest first'];
  return el(
    'table',
    null,
    el(
      'caption',
      null,
      'Each participant, what the pack claims about it, its accounts, its actions and the sources for them.',
    ),
    el('thead', null, el('tr', null, ...header.map((name) => el('th', { scope: 'col' }, name)))),
    el('tbody', null, ...campaign.participants.map((p) => participantRow(p, sources, events))),
  );
}

function campaignSection(campaign: Campaign, index: number): Markup {
  const headingId = `campaign-${index}`;
  const count = campaign.participants.length;
  return el(
    'section',
    { 'aria-labelledby': headingId },
    el('h2', { id: headingId }, el('bdi', null, campaign.name)),
    campaign.summary ? el('p', null, campaign.summary) : null,
    campaignFacts(campaign),
    titledList('Demands', demandItems(campaign)),
    titledList('Schedule', scheduleItems(campaign)),
    titledList('Coalition', coalitionItems(campaign)),
    el('h3', null, `Participants (${count.toLocaleString('en')})`),
    participantsTable(campaign),
  );
}

function followSection(pack: Pack, options: PageOptions): Markup {
  const address =
    options.packUrl ??
    `the address of ${options.packFile} once this folder is online (https://…/${options.packFile})`;
  const corrections = pack.publisher.corrections;
  return el(
    'section',
    { 'aria-labelledby': 'follow', class: 'follow' },
    el('h2', { id: 'follow' }, 'Follow this list in Picket'),
    el(
      'p',
      null,
      'Picket is a browser extension that marks these accounts on Instagram and Facebook. To subscribe, open its options page and enter:',
    ),
    el(
      'dl',
      null,
      el('dt', null, 'Pack address'),
      el(
        'dd',
        null,
        options.packUrl ? el('code', { 'data-testid': 'pack-url' }, address) : address,
      ),
      el('dt', null, 'Public key'),
      el('dd', null, el('code', { 'data-testid': 'public-key' }, options.publicKey)),
    ),
    el(
      'p',
      null,
      'Picket installs a version only when its signature matches this key, so check the key against one the publisher gives elsewhere (its website or verified accounts). The files: ',
      el('a', { href: options.packFile }, options.packFile),
      ' and its signature ',
      el('a', { href: `${options.packFile}.sig` }, `${options.packFile}.sig`),
      '.',
    ),
    corrections
      ? el(
          'p',
          null,
          'Listed by mistake, or something wrong? ',
          outLink(corrections, 'Ask for a correction'),
          '.',
        )
      : null,
  );
}

/** The page's HTML. The same pack and options always give the same bytes. */
export function packPage(pack: Pack, options: PageOptions): string {
  const names = pack.campaigns.map((campaign) => campaign.name);
  const title =
    names.length === 1 ? names[0]! : `${pack.publisher.name}: ${names.length} campaigns`;
  const styleHash = createHash('sha256').update(CSS).digest('base64');
  const publisher = pack.publisher.url
    ? outLink(pack.publisher.url, el('bdi', null, pack.publisher.name))
    : el('bdi', null, pack.publisher.name);
  return htmlDocument(
    { lang: 'en' },
    [
      el('meta', { charset: 'utf-8' }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      // No script may run and nothing may load: the page is data only.
      el('meta', {
        'http-equiv': 'Content-Security-Policy',
        content: `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`,
      }),
      el('meta', { name: 'referrer', content: 'no-referrer' }),
      el('title', null, `${title} — participants (campaign pack)`),
      styleSheet(CSS),
    ],
    [
      el(
        'header',
        null,
        el('h1', null, el('bdi', null, title)),
        el(
          'p',
          { class: 'muted' },
          'Published by ',
          publisher,
          ` · pack ${pack.id}, version ${pack.version} · updated ${pack.updatedAt}`,
        ),
      ),
      el('main', null, followSection(pack, options), ...pack.campaigns.map(campaignSection)),
      el(
        'footer',
        { class: 'muted' },
        el(
          'p',
          null,
          'A campaign pack for Picket. Every name, claim and link on this page comes from the pack and is shown as text.',
        ),
      ),
    ],
  );
}
