// The pack builder's own logic and page: editing the campaign file by path, problems said at their
// row and column or at their form field, opening a pack, reading a private key, and the page's
// live checks (the real-browser flow is tests/e2e/builder.e2e.test.ts).
import { generateKeyPairSync } from 'node:crypto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BuilderApp } from '../../../components/builder/BuilderApp';
import { withItem, withValue, withoutItem } from '../../../components/builder/draft';
import { readPrivateKey } from '../../../components/builder/keys';
import { fieldId, placeOf } from '../../../components/builder/labels';
import { draftFromText } from '../../../components/builder/OpenFile';
import { problemText } from '../../../components/builder/Problems';
import { generatePublisherKeys } from '../../../core/pack/signature';
import { peopleSheet } from '../../data/sheets/people';
import { installMessages } from './messages';

beforeEach(async () => {
  fakeBrowser.reset();
  await installMessages('en');
});
afterEach(cleanup);

describe('the draft', () => {
  it('sets a value at a path, making parents, and a blank optional value removes the key', () => {
    const file = { id: 'a', campaigns: [{ name: 'x', url: 'https://a.example/' }] };
    expect(withValue(file, ['publisher', 'name'], 'P')).toEqual({
      ...file,
      publisher: { name: 'P' },
    });
    expect(withValue(file, ['campaigns', 0, 'url'], undefined)).toEqual({
      id: 'a',
      campaigns: [{ name: 'x' }],
    });
    expect(file.campaigns[0]!.url).toBe('https://a.example/'); // never changed in place
  });

  it('adds and removes list items', () => {
    const file = { campaigns: [{ demands: [{ id: 'a' }, { id: 'b' }] }] };
    expect(withoutItem(file, ['campaigns', 0, 'demands'], 0)).toEqual({
      campaigns: [{ demands: [{ id: 'b' }] }],
    });
    expect(withItem({ campaigns: [{}] }, ['campaigns', 0, 'events'], { id: 'e' })).toEqual({
      campaigns: [{ events: [{ id: 'e' }] }],
    });
  });
});

describe('where a problem is', () => {
  it('names form fields in words and points at them', () => {
    expect(placeOf('/campaigns/0/events/1/start')).toEqual({
      words: 'Event 2 — Start (YYYY-MM-DD, or a date and time with its offset)',
      field: fieldId('/campaigns/0/events/1/start'),
    });
    expect(placeOf('/campaigns/0/demands/0/sources/0')).toEqual({
      words: 'Demand 1 — Sources',
      field: fieldId('/campaigns/0/demands/0/sources'),
    });
    expect(placeOf('/publisher/corrections').words).toBe(
      'Where people can ask for a correction (https:// page or mailto: address)',
    );
    expect(placeOf('/version').field).toBe(fieldId('/version'));
    expect(placeOf('/campaigns/0/events/1')).toEqual({ words: 'Event 2' });
    expect(placeOf('/campaigns/0/participants')).toEqual({ words: 'Participants' });
    expect(placeOf('')).toEqual({ words: 'The pack' });
  });

  it('says a spreadsheet problem by row and column', () => {
    expect(
      problemText({ row: 14, column: 'Instagram', message: 'not a valid Instagram username' }),
    ).toEqual({ text: "Row 14, column 'Instagram': not a valid Instagram username" });
    expect(
      problemText({ row: 3, message: 'more values than the header has columns (15)' }),
    ).toEqual({ text: 'Row 3: more values than the header has columns (15)' });
    expect(problemText({ path: '/campaigns/0/url', message: 'not an https:// URL' })).toEqual({
      text: 'Campaign page (https://): not an https:// URL',
      field: fieldId('/campaigns/0/url'),
    });
  });
});

describe('opening a file', () => {
  it('splits a pack into the forms and a sheet; refuses what is not JSON or not one campaign', () => {
    const pack = {
      format: 'picket-pack/1',
      id: 'p-1',
      version: 1,
      updatedAt: '2026-01-01T00:00:00Z',
      publisher: { name: 'P' },
      campaigns: [
        {
          id: 'c',
          name: 'C',
          participants: [
            {
              id: 'a',
              name: 'A',
              kind: 'person',
              role: 'participant',
              accounts: [{ platform: 'instagram', handle: 'aa' }],
              sources: ['s'],
            },
          ],
          sources: [{ id: 's', url: 'https://s.example/' }],
        },
      ],
    };
    const opened = draftFromText('pack.json', JSON.stringify(pack));
    if (typeof opened === 'string') throw new Error(opened);
    expect(opened.said).toBe('Opened pack.json: 1 participant.');
    expect(opened.draft.sheet.split('\r\n')[1]).toBe(
      'A,a,person,participant,,,aa,,,,,,https://s.example/,,,,',
    );
    expect(draftFromText('x.json', '{')).toMatch(/^x\.json is not JSON: /);
    expect(draftFromText('two.json', JSON.stringify({ campaigns: [{}, {}] }))).toBe(
      'Picket can edit a pack of exactly one campaign; two.json has another number of campaigns.',
    );
  });
});

describe('the private key', () => {
  it('is read from the JWK file pack:keygen writes and from a PKCS #8 PEM', async () => {
    const keys = await generatePublisherKeys();
    expect((await readPrivateKey(JSON.stringify(keys.privateJwk))).publicKey).toBe(
      keys.publicKeyBase64,
    );
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect((await readPrivateKey(pem)).publicKey).toMatch(/^MFkw/);
  });

  it('refuses anything else in plain words', async () => {
    await expect(readPrivateKey('not a key')).rejects.toThrow(
      'neither a JWK file (as npm run pack:keygen writes) nor a PEM file',
    );
    await expect(readPrivateKey('-----BEGIN EC PRIVATE KEY-----\nAAAA\n')).rejects.toThrow(
      'only "BEGIN PRIVATE KEY" (PKCS #8) PEM files can be read here',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    await expect(readPrivateKey(rsa)).rejects.toThrow('not an ECDSA P-256 private key');
  });
});

describe('the page', () => {
  it('checks as you type: a broken row by row and column, a bad field beside the field', async () => {
    render(<BuilderApp />);
    fireEvent.input(
      screen.getByLabelText('Participants (paste the rows from your spreadsheet, CSV or TSV)'),
      {
        target: { value: peopleSheet(5, { 4: 'instagram' }) },
      },
    );
    fireEvent.input(screen.getByLabelText('Campaign page (https://)'), {
      target: { value: 'http://tenants.example.org/' },
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('problem').map((p) => p.textContent)).toContain(
        "Row 4, column 'Instagram': not a valid Instagram username",
      ),
    );
    const texts = screen.getAllByTestId('problem').map((p) => p.textContent);
    expect(texts).toContain('Campaign page (https://): not an https:// URL');
    const field = screen.getByLabelText('Campaign page (https://)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(field.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('not an https:// URL');
    expect(
      (screen.getByRole('button', { name: 'Download pack.json' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
