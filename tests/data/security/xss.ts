// The XSS corpus of checklist A1 and a campaign pack that carries it in every text field the
// extension shows (badge popover, popup, options, in-page notice, notification). Every payload
// that could ever run sets `window.__pwn`; the tests assert the canary never appears and that
// each string comes out exactly as it went in. Generated at run time because the boycott day
// must be "today" for the notice and the reminder to show.

/** Markup, script and style breakers, a javascript: URL as text, bidi and zero-width tricks. */
export const XSS_PAYLOADS = [
  '<img src=x onerror=window.__pwn=1>',
  '<svg onload=window.__pwn=1>',
  '</style><script>window.__pwn=1</script>',
  'javascript:window.__pwn=1',
  '"><iframe srcdoc="<script>parent.__pwn=1</script>">',
  '}*{background:url(https://evil.picket.test/css.png)}</style><style>:host{display:none}',
  "'-alert(1)-'${window.__pwn=1}{{constructor.constructor('window.__pwn=1')()}}",
  'gpj.\u202Eexe\u202C RTL override',
  'zero\u200Bwidth\u200C\u200Djoin\uFEFFer',
  '&lt;b&gt;entities stay text&amp;',
] as const;

/** A payload tagged with the field it goes into, so each field's output can be found exactly. */
export function tagged(field: string, index: number): string {
  return `${field} ${XSS_PAYLOADS[index % XSS_PAYLOADS.length]}`;
}

/** Accounts present on the offline demo feed (demo/instagram/feed.html) and profile page. */
export const DEMO_ACCOUNTS = ['kimkardashian', 'katyperry', 'markruffalo', 'leonardodicaprio'];

export interface XssTexts {
  campaignName: string;
  campaignSummary: string;
  hashtag: string;
  demandTitle: string;
  demandDetail: string;
  eventTitle: string;
  eventDetail: string;
  publisherName: string;
  participantNames: string[];
  actionSummaries: string[];
  sourceTitles: string[];
  sourcePublishers: string[];
  /** https URLs whose query carries markup: must arrive in href verbatim, never as nodes. */
  sourceUrls: string[];
}

export function xssTexts(): XssTexts {
  return {
    campaignName: tagged('CNAME', 0),
    campaignSummary: tagged('CSUMMARY', 1),
    hashtag: '#Pwn<b>tag',
    demandTitle: tagged('DTITLE', 2),
    demandDetail: tagged('DDETAIL', 3),
    eventTitle: tagged('ETITLE', 4),
    eventDetail: tagged('EDETAIL', 5),
    publisherName: tagged('PUBLISHER', 6),
    participantNames: DEMO_ACCOUNTS.map((_, i) => tagged(`PNAME${i}`, i + 3)),
    actionSummaries: DEMO_ACCOUNTS.map((_, i) => tagged(`ASUMMARY${i}`, i + 5)),
    sourceTitles: DEMO_ACCOUNTS.map((_, i) => tagged(`STITLE${i}`, i + 7)),
    sourcePublishers: DEMO_ACCOUNTS.map((_, i) => tagged(`SPUB${i}`, i)),
    sourceUrls: DEMO_ACCOUNTS.map(
      (_, i) => `https://news.picket.test/a${i}?q=%22%3E%3Cimg%20src=x%20onerror=window.__pwn=1%3E`,
    ),
  };
}

/** YYYY-MM-DD of `date` in the local zone of this process (the browser's zone too). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The pack: one campaign with the corpus everywhere, a boycott today and an action in a week. */
export function xssPack(today: Date = new Date()): Record<string, unknown> {
  const t = xssTexts();
  const later = new Date(today.getTime() + 7 * 24 * 3600 * 1000);
  return {
    format: 'picket-pack/1',
    id: 'xss-corpus',
    version: 1,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: { name: t.publisherName, url: 'https://packs.picket.test/' },
    campaigns: [
      {
        id: 'xss-campaign',
        name: t.campaignName,
        hashtag: t.hashtag,
        summary: t.campaignSummary,
        url: 'https://campaign.picket.test/?x=<svg/onload=window.__pwn=1>',
        coalition: [{ name: tagged('COALITION', 8) }],
        demands: [{ id: 'd1', title: t.demandTitle, detail: t.demandDetail, category: 'Cat<i>' }],
        events: [
          {
            id: 'boycott-today',
            title: t.eventTitle,
            kind: 'boycott',
            start: localIsoDate(today),
            detail: t.eventDetail,
          },
          { id: 'action-later', title: 'Later action', kind: 'action', start: localIsoDate(later) },
        ],
        participants: DEMO_ACCOUNTS.map((handle, i) => ({
          id: `p${i}`,
          name: t.participantNames[i],
          kind: 'person',
          role: 'participant',
          status: 'took-part',
          accounts: [{ platform: 'instagram', handle }],
          actions: [{ event: 'boycott-today', summary: t.actionSummaries[i], sources: [`S${i}`] }],
          sources: [`S${i}`],
        })),
        sources: DEMO_ACCOUNTS.map((_, i) => ({
          id: `S${i}`,
          url: t.sourceUrls[i],
          title: t.sourceTitles[i],
          publisher: t.sourcePublishers[i],
        })),
      },
    ],
  };
}
