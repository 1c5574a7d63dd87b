// The published index.html: every participant with its claim, accounts, actions and sources
// (strongest first), how to subscribe, and the XSS corpus in every field staying exact text.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../core/pack/types';
import { validatePack } from '../../../core/pack/validate';
import { packPage } from '../../../scripts/lib/pack-page';
import { xssPack, xssTexts } from '../../data/security/xss';

const KEY = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEtestkey==';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const ALLOWED_TAGS = new Set(
  'html head meta title style body header h1 p a bdi main section h2 dl dt dd code h3 ul li strong span table caption thead tr th tbody td footer'.split(
    ' ',
  ),
);

function evidencePack(): Pack {
  return {
    format: 'picket-pack/1',
    id: 'evidence-pack',
    version: 3,
    updatedAt: '2026-11-30T09:00:00Z',
    publisher: {
      name: 'Tenants Union',
      url: 'https://tenants.example.org/',
      corrections: 'https://tenants.example.org/corrections',
    },
    campaigns: [
      {
        id: 'c',
        name: 'Rent strike',
        events: [
          {
            id: 'day',
            title: 'Strike day',
            kind: 'boycott',
            start: '2026-12-01',
            end: '2026-12-02',
            timeZone: 'Europe/London',
          },
        ],
        demands: [{ id: 'd', title: 'Fix the heating', detail: 'Before winter.' }],
        participants: [
          {
            id: 'bakery',
            name: 'Corner Bakery',
            kind: 'brand',
            role: 'advertiser',
            status: 'paused-ads',
            relation: 'aligned',
            accounts: [
              { platform: 'instagram', handle: 'cornerbakery' },
              {
                platform: 'facebook',
                numericId: '100012345',
                confidence: 'likely',
                holder: 'Bakery Group',
              },
            ],
            actions: [{ event: 'day', summary: 'Closed', date: '2026-12-01', sources: ['other'] }],
            sources: ['unstated', 'outlet', 'own'],
          },
          {
            id: 'blog-only',
            name: 'Listed Shop',
            kind: 'brand',
            role: 'participant',
            relation: 'listed',
            accounts: [{ platform: 'instagram', handle: 'listedshop' }],
            sources: ['other'],
          },
        ],
        sources: [
          { id: 'other', url: 'https://blog.example/list', title: 'A list', kind: 'other' },
          { id: 'unstated', url: 'https://a.example/u', title: 'Unstated' },
          {
            id: 'outlet',
            url: 'https://news.example/o',
            title: 'Outlet report',
            publisher: 'Big News',
            date: '2026-12-02',
            kind: 'major-outlet',
          },
          {
            id: 'own',
            url: 'https://bakery.example/statement',
            title: 'Our statement',
            kind: 'own-statement',
          },
        ],
      },
    ],
  };
}

describe('packPage', () => {
  it('lists each participant with its claim, accounts, actions and sources strongest first', () => {
    const doc = parse(
      packPage(evidencePack(), {
        packFile: 'pack.json',
        packUrl: 'https://tenants.example.org/picket/pack.json',
        publicKey: KEY,
      }),
    );
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    // A cell's list items are joined with " | ".
    const cells = (row: Element) =>
      [...row.children].map((cell) => {
        const items = [...cell.querySelectorAll('li')];
        return items.length
          ? items.map((li) => squash(li.textContent)).join(' | ')
          : squash(cell.textContent);
      });
    expect(cells(rows[0]!)).toEqual([
      'Corner Bakery',
      'Advertiser (brand); paused its ads; acted in line with it without joining',
      'Instagram @cornerbakery (verified) | Facebook id 100012345 (likely theirs, not checked; run by Bakery Group)',
      '2026-12-01: Closed (Strike day)',
      'Our statement — their own statement | Outlet report — Big News, 2026-12-02, major outlet | Unstated | A list — other source',
    ]);
    expect(
      [...rows[0]!.querySelectorAll('td:last-child a')].map((a) => a.getAttribute('href')),
    ).toEqual([
      'https://bakery.example/statement',
      'https://news.example/o',
      'https://a.example/u',
      'https://blog.example/list',
    ]);
    expect(
      [...rows[0]!.querySelectorAll('td:nth-child(3) a')].map((a) => a.getAttribute('href')),
    ).toEqual([
      'https://www.instagram.com/cornerbakery/',
      'https://www.facebook.com/profile.php?id=100012345',
    ]);
    // Sources that are all "other" are listed but never badged; the page says so.
    expect(squash(rows[1]!.querySelector('.warn')!.textContent)).toBe(
      'Not badged by Picket: no own statement or major outlet among its sources.',
    );
    expect(rows[0]!.querySelector('.warn')).toBeNull();
    expect(squash(doc.body.textContent)).toContain(
      '2026-12-01 – 2026-12-02 (Europe/London): Strike day (boycott)',
    );
    expect(squash(doc.body.textContent)).toContain('Fix the heating: Before winter.');
  });

  it('says how to subscribe: the address, the key, the files and where to ask for corrections', () => {
    const withUrl = parse(
      packPage(evidencePack(), {
        packFile: 'pack.json',
        packUrl: 'https://tenants.example.org/picket/pack.json',
        publicKey: KEY,
      }),
    );
    expect(withUrl.querySelector('[data-testid=pack-url]')!.textContent).toBe(
      'https://tenants.example.org/picket/pack.json',
    );
    expect(withUrl.querySelector('[data-testid=public-key]')!.textContent).toBe(KEY);
    const links = [...withUrl.querySelectorAll('.follow a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'pack.json',
      'pack.json.sig',
      'https://tenants.example.org/corrections',
    ]);
    // A corrections contact may be an e-mail address.
    const mailto = evidencePack();
    mailto.publisher.corrections = 'mailto:fixes@tenants.example.org';
    const byMail = parse(packPage(mailto, { packFile: 'pack.json', publicKey: KEY }));
    expect([...byMail.querySelectorAll('.follow a')].map((a) => a.getAttribute('href'))).toEqual([
      'pack.json',
      'pack.json.sig',
      'mailto:fixes@tenants.example.org',
    ]);
    const without = parse(packPage(evidencePack(), { packFile: 'pack.json', publicKey: KEY }));
    expect(without.querySelector('[data-testid=pack-url]')).toBeNull();
    expect(squash(without.querySelector('.follow')!.textContent)).toContain(
      'the address of pack.json once this folder is online (https://…/pack.json)',
    );
  });

  it('is the same bytes for the same pack, runs nothing and loads nothing (CSP with the style’s hash)', () => {
    const options = { packFile: 'pack.json', publicKey: KEY };
    const html = packPage(evidencePack(), options);
    expect(packPage(evidencePack(), options)).toBe(html);
    const doc = parse(html);
    const style = doc.querySelector('style')!.textContent!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(
      doc.querySelector('meta[http-equiv=Content-Security-Policy]')!.getAttribute('content'),
    ).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
  });

  it('keeps the XSS corpus as exact text in every field: no element or attribute from data', () => {
    const checked = validatePack(xssPack());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const pack = checked.pack;
    const doc = parse(packPage(pack, { packFile: 'pack.json', publicKey: KEY }));
    for (const element of doc.querySelectorAll('*')) {
      expect(ALLOWED_TAGS.has(element.localName), element.localName).toBe(true);
      for (const name of element.getAttributeNames())
        expect(name.startsWith('on'), name).toBe(false);
    }
    const t = xssTexts();
    const texts = [...doc.querySelectorAll('bdi, p, li, h1, h2, dd, title')].map(
      (e) => e.textContent,
    );
    for (const value of [
      t.campaignName,
      t.hashtag,
      t.campaignSummary,
      t.demandTitle,
      t.eventTitle,
      t.publisherName,
      ...t.participantNames,
      ...t.actionSummaries,
      ...t.sourceTitles,
    ])
      expect(texts, value).toContain(value);
    const body = doc.body.textContent ?? '';
    for (const value of [t.demandDetail, t.eventDetail, ...t.sourcePublishers])
      expect(body).toContain(value);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    for (const url of t.sourceUrls) expect(hrefs).toContain(url);
    expect(hrefs).toContain('https://campaign.picket.test/?x=<svg/onload=window.__pwn=1>');
  });
});
