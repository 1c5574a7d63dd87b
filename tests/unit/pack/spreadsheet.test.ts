// A pack from a spreadsheet: the documented header, how rows merge into participants, and every
// problem (its own and the validator's) at the row and column it came from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDelimited, type Delimiter } from '../../../core/csv';
import { describeProblem, packFromSheet, type SheetResult } from '../../../core/pack/spreadsheet';
import { SHEET_COLUMNS, type SheetProblem } from '../../../core/pack/sheet-columns';
import { validatePack } from '../../../core/pack/validate';
import { BREAKS, peopleSheet } from '../../data/sheets/people';

const campaign = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../data/sheets/campaign.json'), 'utf8'),
) as Record<string, unknown>;
const NOW = '2026-12-07T12:00:00Z';
const HEADER = 'name,kind,role,instagram,facebook,source url';

const convert = (sheet: string, file: unknown = campaign): SheetResult =>
  packFromSheet(sheet, file, { now: NOW });
const participants = (result: SheetResult) => result.pack.campaigns[0]!.participants;
const lines = (result: SheetResult) => result.problems.map((p) => describeProblem(p));
const sheet = (...rows: string[]) => rows.join('\r\n') + '\r\n';

describe('a good spreadsheet', () => {
  it('becomes a pack the validator accepts, with the campaign file around it', () => {
    const result = convert(peopleSheet(30));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(validatePack(result.pack).ok).toBe(true);
    const { pack } = result;
    expect(pack).toMatchObject({
      format: 'picket-pack/1',
      id: 'rent-strike-2026',
      version: 1,
      updatedAt: NOW,
      publisher: { name: 'Neighbourhood Tenants Union' },
    });
    expect(Object.keys(pack)).toEqual([
      'format',
      'id',
      'version',
      'updatedAt',
      'publisher',
      'campaigns',
    ]);
    expect(participants(result)).toHaveLength(30);
    // Ten rows cite each story: one source each, after the campaign file's own.
    expect(pack.campaigns[0]!.sources.map((s) => s.id)).toEqual(['call', 'row2', 'row12', 'row22']);
    expect(participants(result)[0]).toEqual({
      id: 'cafe-no-000-ltd',
      name: 'Café "Nº 000", Ltd',
      kind: 'person',
      role: 'coalition-member',
      accounts: [
        { platform: 'instagram', handle: 'member_000', confidence: 'verified' },
        { platform: 'facebook', handle: 'member.page.000', confidence: 'verified' },
      ],
      actions: [
        {
          event: 'strike-day',
          summary: 'Withheld rent for flat 000',
          date: '2026-12-01',
          sources: ['row2'],
        },
      ],
      status: 'took-part',
      sources: ['row2'],
    });
    expect(participants(result)[1]!.accounts[1]).toEqual({
      platform: 'facebook',
      numericId: '10000001123',
      confidence: 'verified',
    });
  });

  it('keeps the campaign file’s updatedAt and reads TSV, semicolons, a BOM and any header case', () => {
    const dated = { ...campaign, updatedAt: '2026-11-30' };
    for (const delimiter of ['\t', ';'] as const) {
      const result = convert('\uFEFF' + peopleSheet(5, {}, delimiter), dated);
      expect(result.problems).toEqual([]);
      expect(result.pack.updatedAt).toBe('2026-11-30');
    }
    const shouted = convert(
      sheet(
        'NAME , Kind,ROLE,Insta_gram,face-book,Source  URL,Publisher,Title,Date',
        'Ana,person,participant,ana,,https://a.example/1,News,Story,2026-12-01',
      ),
    );
    expect(shouted.problems).toEqual([]);
    expect(shouted.pack.campaigns[0]!.sources[1]).toEqual({
      id: 'row2',
      url: 'https://a.example/1',
      publisher: 'News',
      title: 'Story',
      date: '2026-12-01',
    });
  });

  it('reads accounts as usernames, @names, profile links and numeric ids, several to a cell', () => {
    const result = convert(
      sheet(
        HEADER,
        'Ana,person,participant,"@ana.t, https://www.instagram.com/Ana_Two/?hl=en",' +
          '"https://m.facebook.com/profile.php?id=100012345; @Ana.Page; 987654321",https://a.example/1',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(participants(result)[0]!.accounts).toEqual([
      { platform: 'instagram', handle: 'ana.t' },
      { platform: 'instagram', handle: 'Ana_Two' },
      { platform: 'facebook', numericId: '100012345' },
      { platform: 'facebook', handle: 'Ana.Page' },
      { platform: 'facebook', numericId: '987654321' },
    ]);
  });

  it('writes the optional columns into the new fields (confidence, relation, source kind)', () => {
    const result = convert(
      sheet(
        'name,kind,role,relation,instagram,facebook,confidence,source url,source kind',
        'Ana,person,participant,Aligned,ana,,Likely,https://a.example/1,Own statement',
        'Ana,,,,ana,,,https://a.example/2,major outlet',
      ),
    );
    const [ana] = participants(result);
    expect(ana).toMatchObject({
      relation: 'aligned',
      accounts: [{ platform: 'instagram', handle: 'ana', confidence: 'likely' }],
      sources: ['row2', 'row3'],
    });
    expect(result.pack.campaigns[0]!.sources.slice(1)).toEqual([
      { id: 'row2', url: 'https://a.example/1', kind: 'own-statement' },
      { id: 'row3', url: 'https://a.example/2', kind: 'major-outlet' },
    ]);
  });
});

describe('rows that make one participant', () => {
  it('merges rows with the same name and accounts: one participant, several sources and actions', () => {
    const result = convert(
      sheet(
        'name,kind,role,status,instagram,action,action date,source url',
        'Corner Bakery,brand,participant,took part,cornerbakery,Closed for the day,2026-12-01,https://a.example/1',
        'corner  bakery,,,,CornerBakery,Posted support,,https://a.example/2',
        'Corner Bakery,,,,cornerbakery,Closed for the day,2026-12-01,https://a.example/3',
        'Corner Bakery,brand,participant,,other_bakery,,,https://a.example/1',
      ),
    );
    expect(result.problems).toEqual([]);
    const [bakery, other] = participants(result);
    expect(bakery).toEqual({
      id: 'corner-bakery',
      name: 'Corner Bakery',
      kind: 'brand',
      role: 'participant',
      accounts: [{ platform: 'instagram', handle: 'cornerbakery' }],
      actions: [
        { summary: 'Closed for the day', date: '2026-12-01', sources: ['row2', 'row4'] },
        { summary: 'Posted support', sources: ['row3'] },
      ],
      status: 'took-part',
      sources: ['row2', 'row3', 'row4'],
    });
    // Same name, other account: a second participant, with an id of its own.
    expect(other).toMatchObject({ id: 'corner-bakery-2', sources: ['row2'] });
  });

  it('adds a row without accounts to the participant of that name, wherever it is', () => {
    const result = convert(
      sheet(
        HEADER,
        'Ana,,,,,https://a.example/0',
        'Ana,person,participant,ana,,https://a.example/1',
        'Bea,person,participant,bea,,https://tenants.example.org/call',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(participants(result).map((p) => [p.name, p.sources])).toEqual([
      ['Ana', ['row2', 'row3']],
      // The campaign file's source is cited, not copied.
      ['Bea', ['call']],
    ]);
  });

  it('groups by the id column when there is one', () => {
    const result = convert(
      sheet(
        'id,name,kind,role,instagram,facebook,source url',
        'ana-t,Ana,person,participant,ana,,https://a.example/1',
        'ana-t,Ana,,,,AnaPage,https://a.example/2',
        ',ana,,,,,https://a.example/3',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(participants(result)).toMatchObject([
      {
        id: 'ana-t',
        accounts: [
          { platform: 'instagram', handle: 'ana' },
          { platform: 'facebook', handle: 'AnaPage' },
        ],
        sources: ['row2', 'row3', 'row4'],
      },
    ]);
  });

  it('says so when a row without accounts has no participant, or several, to join', () => {
    const result = convert(
      sheet(
        HEADER,
        'Ana,person,participant,ana,,https://a.example/1',
        'Ana,person,participant,ana2,,https://a.example/1',
        'Ana,,,,,https://a.example/2',
        'Bea,,,,,https://a.example/2',
      ),
    );
    expect(lines(result)).toEqual([
      "row 4, column 'instagram': no account, and 2 participants are called \"Ana\": give this row's accounts to say which",
      "row 5, column 'instagram': no account: give the participant's Instagram or Facebook account (no other row names \"Bea\" with one)",
    ]);
  });
});

describe('problems, at their row and column', () => {
  it('a 200-row sheet with 3 broken rows: exactly those 3 problems', () => {
    const result = convert(
      peopleSheet(200, { 14: 'instagram', 77: 'sourceUrl', 150: 'sourceDate' }),
    );
    expect(result.ok).toBe(false);
    expect(lines(result)).toEqual([
      `row 14, column 'Instagram': ${BREAKS.instagram.message}`,
      `row 77, column 'Source URL': ${BREAKS.sourceUrl.message}`,
      `row 150, column 'Source date': ${BREAKS.sourceDate.message}`,
    ]);
    // Fixed, the same sheet converts.
    expect(convert(peopleSheet(200)).problems).toEqual([]);
  });

  it('names the header’s problems', () => {
    const result = convert(sheet('Name,Kind,Notes,x-notes,Instagram,instagram', 'Ana,person'));
    expect(lines(result)).toEqual([
      'row 1: no "role" column (it is required)',
      'row 1: no "source url" column (it is required)',
      'row 1, column \'Notes\': not a column Picket knows (see the list of columns; start its name with "x-" to keep your own notes in the sheet)',
      'row 1, column \'instagram\': a second "instagram" column',
    ]);
    expect(lines(convert(''))).toEqual(['row 1: the spreadsheet is empty (it needs a header row)']);
  });

  it('names rows missing what every row needs, and values with nothing to belong to', () => {
    const result = convert(
      sheet(
        'name,kind,role,instagram,action,action date,action event,source url,x-notes',
        ',person,participant,ana,,,,https://a.example/1,',
        'Bea,person,participant,bea,,,,,',
        'Cy,person,participant,cy,,2026-12-01,strike-day,https://a.example/1,',
        ',,,,,,,,only a note',
        '',
        'Di,person,participant,di,,,,https://a.example/1,,extra',
      ),
    );
    expect(lines(result)).toEqual([
      "row 2, column 'name': empty: every row needs the participant's name",
      "row 3, column 'source url': empty: every row needs the address of its source",
      "row 4, column 'action date': a date without an action: write the action too",
      "row 4, column 'action event': an event without an action: write the action too",
      'row 7: more values than the header has columns (9)',
    ]);
  });

  it('reports a value that differs between rows of one participant or one source', () => {
    const result = convert(
      sheet(
        'name,kind,role,instagram,confidence,source url,source title',
        'Ana,person,participant,ana,verified,https://a.example/1,First',
        'Ana,brand,participant,ana,likely,https://a.example/1,Second',
      ),
    );
    // Row 2 is valid; only the second row's differences are problems (the format itself judges
    // the confidence values).
    expect(lines(result).filter((line) => line.startsWith('row 3'))).toEqual([
      'row 3, column \'kind\': "brand" differs from row 2 ("person") for the same participant',
      'row 3, column \'confidence\': "likely" differs from row 2 ("verified") for the same account',
      'row 3, column \'source title\': "Second" differs from row 2 ("First") for the same source URL',
    ]);
  });

  it('traces the validator’s findings to the cell that gave the value', () => {
    const result = convert(
      sheet(
        'name,kind,role,status,instagram,facebook,action,action date,action event,source url',
        'Ana,human,participant,,ana,,Marched,2026-13-01,no-such-event,https://a.example/1',
        'Cy,person,participant,,cy,123,,,,https://a.example/2',
        'Bea,person,host,gone,b!,,,,,https://a.example/3',
      ),
    );
    expect(result.problems).toEqual(
      expect.arrayContaining<SheetProblem>([
        { row: 2, column: 'kind', message: expect.stringContaining('must be one of') as string },
        { row: 2, column: 'action date', message: expect.stringContaining('not a date') as string },
        {
          row: 2,
          column: 'action event',
          message: 'event "no-such-event" is not an event of this campaign',
        },
        {
          row: 3,
          column: 'facebook',
          message: 'not a valid Facebook numeric id (5–20 digits, as text)',
        },
        { row: 4, column: 'role', message: expect.stringContaining('must be one of') as string },
        { row: 4, column: 'status', message: expect.stringContaining('must be one of') as string },
        { row: 4, column: 'instagram', message: 'not a valid Instagram username' },
      ]),
    );
    expect(result.problems).toHaveLength(7);
    expect(result.problems.every((p) => p.row !== undefined && p.column !== undefined)).toBe(true);
  });

  it('points a bad value in the new optional columns at its cell too', () => {
    const result = convert(
      sheet(
        'name,kind,role,relation,instagram,confidence,source url,source kind',
        'Ana,person,participant,maybe,ana,sure,https://a.example/1,gossip',
      ),
    );
    // Whatever the validator's words for these values, each is traced to its own cell.
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'relation'],
      [2, 'confidence'],
      [2, 'source kind'],
    ]);
  });

  it('reports the campaign file’s own problems at their JSON paths, after the rows', () => {
    const file = structuredClone(campaign) as {
      id: string;
      campaigns: { name: string; participants?: unknown[] }[];
    };
    file.id = 'Not An Id';
    file.campaigns[0]!.name = ' ';
    file.campaigns[0]!.participants = [{ id: 'x' }];
    const result = convert(sheet(HEADER, 'Ana,person,participant,a!,,https://a.example/1'), file);
    expect(lines(result)).toEqual([
      "row 2, column 'instagram': not a valid Instagram username",
      'campaign file, /campaigns/0/participants: leave the participants out of the campaign file: they come from the spreadsheet',
      'campaign file, /id: not a valid pack id (3–64 of a-z 0-9 -)',
      'campaign file, /campaigns/0/name: must not be empty',
    ]);
    expect(lines(convert(sheet(HEADER), [1]))).toContain(
      'campaign file: the campaign file must hold a JSON object',
    );
    expect(describeProblem({ path: '/id', message: 'x' }, 'campaign.json')).toBe(
      'campaign.json, /id: x',
    );
  });

  it('reports quoting the spreadsheet cannot mean at its row', () => {
    const result = convert(sheet(HEADER, 'Ana,person,participant,"ana"x,,https://a.example/1'));
    expect(lines(result)).toContain('row 2: text follows a closing quote in the same value');
  });
});

describe('the evidence rules of pack:check, by row and column', () => {
  it('warn, without stopping the pack, about unstated kinds and confidence and a repeated action', () => {
    const result = convert(
      sheet(
        'name,kind,role,instagram,action,action date,source url',
        'Ana,person,participant,ana,Marched,2026-12-01,https://a.example/1',
        'Bea,person,participant,bea,Marched,2026-12-01,https://a.example/1',
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => describeProblem(w))).toEqual([
      'row 2: badged on sources of no stated kind: a badge needs an own statement or a major outlet among its sources (give each source a "kind")',
      "row 2, column 'instagram': no confidence (verified or likely): read as verified",
      "row 2, column 'source kind': no kind (own-statement, major-outlet or other)",
      'row 3: badged on sources of no stated kind: a badge needs an own statement or a major outlet among its sources (give each source a "kind")',
      "row 3, column 'instagram': no confidence (verified or likely): read as verified",
      "row 3, column 'action': the same action (summary, date and sources) as row 2: one announcement counted twice? Make it one participant with both accounts",
    ]);
    expect(result.warningCount).toBe(6);
  });

  it('stop the pack on an error: one account under two participants', () => {
    const result = convert(
      sheet(
        'name,kind,role,instagram,confidence,source url,source kind',
        'Ana,person,participant,ana,verified,https://a.example/1,own statement',
        'Ana Smith,person,participant,ANA,verified,https://a.example/2,own statement',
      ),
    );
    expect(result.ok).toBe(false);
    expect(lines(result)).toEqual([
      "row 3, column 'instagram': the same account (instagram ana) as row 2: list each account once, under one participant",
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe('any names and titles (fast-check)', () => {
  it('come out of the pack exactly as they were written in the sheet', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'É', ' ', '"', ',', ';', '\t', '\n', '<', '&', '😀'),
      minLength: 1,
      maxLength: 20,
    });
    const visible = text.filter((t) => t.trim() !== '' && t === t.trim());
    fc.assert(
      fc.property(
        fc.uniqueArray(visible, { minLength: 1, maxLength: 5 }),
        visible,
        (names, title) => {
          const records = [['name', 'kind', 'role', 'instagram', 'source url', 'source title']];
          names.forEach((name, i) =>
            records.push([
              name,
              'person',
              'participant',
              `user_${i}`,
              'https://a.example/1',
              title,
            ]),
          );
          const result = convert(formatDelimited(records, ',') + '\r\n');
          expect(result.problems).toEqual([]);
          expect(participants(result).map((p) => p.name)).toEqual(names);
          expect(result.pack.campaigns[0]!.sources[1]!.title).toBe(title);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('any input (fast-check)', () => {
  it('gives a verdict with problems in plain words, never an exception', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', '1', '@', '"', ',', '\t', '\n', ' ', ':', '/', '.', 'é'),
      maxLength: 8,
    });
    const headerCell = fc.constantFrom(...Object.values(SHEET_COLUMNS), 'x-note', 'Bogus', '');
    const sheetText = fc
      .tuple(
        fc.array(headerCell, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }),
        fc.constantFrom<Delimiter>(',', '\t', ';'),
      )
      .map(([header, rows, d]) => formatDelimited([header, ...rows], d));
    const campaignFile = fc.oneof(fc.constant(campaign), fc.jsonValue(), fc.anything());
    fc.assert(
      fc.property(fc.oneof(sheetText, fc.string()), campaignFile, (text, file) => {
        const result = convert(text, file);
        expect(result.ok).toBe(result.problems.length === 0);
        for (const problem of result.problems) expect(describeProblem(problem)).toMatch(/\S/);
        if (result.ok) expect(validatePack(result.pack).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
