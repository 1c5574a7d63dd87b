// The report page: the claim as Picket shows it, a plain-text report the reader completes, Copy,
// Send (a mailto: link with subject and body, or the publisher's https page) and "hide it now".
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReportApp } from '../../../components/report/ReportApp';
import { composeReport, sendTarget } from '../../../components/report/compose';
import type { ReportContext } from '../../../core/messages';
import { reportQuery } from '../../../core/report';
import { send } from '../../../core/send';
import { installMessages } from './messages';

vi.mock('../../../core/send', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

function reportContext(corrections?: string): ReportContext {
  return {
    pack: {
      id: 'shfp-2020',
      version: 2,
      publisherName: 'Picket',
      ...(corrections !== undefined && { corrections }),
    },
    campaign: { id: 'ad-pause', name: 'Stop Hate for Profit', hashtag: '#StopHateForProfit' },
    participant: {
      id: 'a-ko',
      name: 'The Coca-Cola Company',
      role: 'advertiser',
      status: 'paused-ads',
      relation: 'aligned',
      actions: [{ summary: 'Paused its social ads', date: '2020-06-26', eventKind: 'pause' }],
      sources: [
        {
          url: 'https://paper.example/story',
          publisher: 'Paper',
          title: 'Coke pauses',
          kind: 'major-outlet',
        },
        { url: 'http://list.example/', publisher: 'A list', kind: 'other' },
      ],
      badgeable: true,
    },
    account: {
      platform: 'instagram',
      handle: 'cocacola',
      confidence: 'likely',
      holder: 'Coca-Cola, a brand of The Coca-Cola Company',
    },
  };
}

const SEARCH = reportQuery({
  packId: 'shfp-2020',
  campaignId: 'ad-pause',
  participantId: 'a-ko',
  platform: 'instagram',
  handle: 'cocacola',
});

let context: ReportContext;
let clipboard: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  await installMessages('en');
  context = reportContext('mailto:fixes@picket.example');
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void clipboard.push(text)) },
  });
  sendMock.mockReset().mockImplementation((async (request: { type: string }) => {
    if (request.type === 'getReportContext') return { ok: true, context };
    if (request.type === 'dontBadge') return { ok: true, key: 'instagram:cocacola' };
    return { ok: false, error: 'unexpected' };
  }) as typeof send);
});

afterEach(() => cleanup());

describe('composeReport', () => {
  it('carries the pack, publisher, participant, account, the claim as shown and the reader’s words', () => {
    const report = composeReport(context, {
      wrong: 'This account is not theirs.',
      evidence: 'https://example.org/proof',
    });
    expect(report.subject).toBe('Correction request: The Coca-Cola Company (shfp-2020)');
    expect(report.body.split('\n')).toEqual([
      'Picket shows the claim below from your campaign pack, and I believe it is wrong.',
      '',
      'Pack: shfp-2020, version 2',
      'Publisher: Picket',
      'Campaign: Stop Hate for Profit (#StopHateForProfit)',
      'Participant: The Coca-Cola Company (a-ko)',
      "Account: @cocacola, Instagram (Coca-Cola, a brand of The Coca-Cola Company) — Account not verified by the pack's publisher",
      "Shown as: Paused, didn't join · Jun 26, 2020",
      '',
      'What is wrong: This account is not theirs.',
      'Evidence: https://example.org/proof',
    ]);
  });

  it('says what the reader left empty, in Spanish too', async () => {
    await installMessages('es');
    const report = composeReport(context, { wrong: '  ', evidence: '' });
    expect(report.body).toContain('Qué está mal: no indicado');
    expect(report.body).toContain('Prueba: no indicado');
    expect(report.body).toContain('Se muestra como: Pausó, sin unirse · 26 jun 2020');
  });
});

describe('sendTarget', () => {
  const report = { subject: 'Fix: A & B?', body: 'Line one\nLine two = 100%' };

  it('makes a mailto: link with the subject and body encoded', () => {
    const target = sendTarget('mailto:fixes@picket.example', report);
    expect(target).toEqual({
      kind: 'mail',
      address: 'fixes@picket.example',
      href:
        'mailto:fixes@picket.example?subject=Fix%3A%20A%20%26%20B%3F' +
        '&body=Line%20one%0D%0ALine%20two%20%3D%20100%25',
    });
    // The address's own query (if any) is not carried over.
    expect(sendTarget('mailto:fixes@picket.example?cc=x@evil.example', report)?.href).toMatch(
      /^mailto:fixes@picket\.example\?subject=/,
    );
  });

  it('opens an https: corrections page as given', () => {
    expect(sendTarget('https://publisher.example/corrections?form=1', report)).toEqual({
      kind: 'page',
      host: 'publisher.example',
      href: 'https://publisher.example/corrections?form=1',
    });
  });

  it.each([
    undefined,
    '',
    'https://picket.invalid/corrections',
    'mailto:someone@picket.invalid',
    'http://publisher.example/corrections',
    'javascript:alert(1)',
    'mailto:',
    'mailto:not an address',
    'mailto:a@b@c.example',
  ])('offers no Send for %j', (corrections) => {
    expect(sendTarget(corrections, report)).toBeNull();
  });
});

describe('the report page', () => {
  it('shows the claim as the badge does and composes the report as the reader types', async () => {
    render(<ReportApp search={SEARCH} />);
    await screen.findByRole('heading', { level: 2, name: 'What Picket shows' });
    expect(sendMock).toHaveBeenCalledWith({
      type: 'getReportContext',
      packId: 'shfp-2020',
      campaignId: 'ad-pause',
      participantId: 'a-ko',
      platform: 'instagram',
      handle: 'cocacola',
    });
    expect(screen.getByTestId('shown-claim').textContent).toBe(
      "Paused, didn't join · Jun 26, 2020",
    );
    expect(screen.getByTestId('account').textContent).toContain(
      "Account not verified by the pack's publisher",
    );
    // Every source, as given (strongest first); only https ones are links.
    expect(screen.getAllByTestId('source').map((li) => li.textContent)).toEqual([
      'Paper: Coke pauses',
      'A list',
    ]);
    expect(screen.getByRole('link', { name: 'Coke pauses' }).getAttribute('href')).toBe(
      'https://paper.example/story',
    );
    expect(screen.queryByRole('link', { name: 'A list' })).toBeNull();

    fireEvent.input(screen.getByLabelText('What is wrong'), {
      target: { value: 'They joined formally on 1 July.' },
    });
    fireEvent.input(screen.getByLabelText('Evidence link (optional)'), {
      target: { value: 'https://example.org/joined' },
    });
    const text = (screen.getByLabelText('The report') as HTMLTextAreaElement).value;
    expect(text).toContain('What is wrong: They joined formally on 1 July.');
    expect(text).toContain('Evidence: https://example.org/joined');

    // Send is the mail app, with the same text.
    const sendLink = screen.getByRole('link', { name: 'Send' });
    const href = sendLink.getAttribute('href')!;
    expect(href.startsWith('mailto:fixes@picket.example?subject=')).toBe(true);
    const body = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body')!;
    expect(body.replace(/\r\n/g, '\n')).toBe(text);
    expect(screen.getByTestId('send-hint').textContent).toBe(
      'Opens your email app with the report, addressed to fixes@picket.example.',
    );

    // Copy puts exactly the report on the clipboard and says so.
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() =>
      expect(screen.getByTestId('copy-status').textContent).toBe(
        'Copied. Paste it where the publisher takes corrections.',
      ),
    );
    expect(clipboard).toEqual([text]);
  });

  it('says so when copying fails', async () => {
    (navigator.clipboard.writeText as ReturnType<typeof vi.fn>).mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    render(<ReportApp search={SEARCH} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy' }));
    await waitFor(() =>
      expect(screen.getByTestId('copy-status').textContent).toBe(
        "Picket couldn't copy it. Select the report above and copy it yourself.",
      ),
    );
  });

  it('sends to an https corrections page in a new tab', async () => {
    context = reportContext('https://publisher.example/corrections');
    render(<ReportApp search={SEARCH} />);
    const link = await screen.findByRole('link', { name: 'Send' });
    expect(link.getAttribute('href')).toBe('https://publisher.example/corrections');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByTestId('send-hint').textContent).toContain('publisher.example');
  });

  it('offers Copy only when the publisher gives no address, and says so', async () => {
    context = reportContext('https://picket.invalid/corrections');
    render(<ReportApp search={SEARCH} />);
    await screen.findByRole('button', { name: 'Copy' });
    expect(screen.queryByRole('link', { name: 'Send' })).toBeNull();
    expect(screen.getByTestId('send-hint').textContent).toBe(
      'Picket gives no address for corrections in this pack. Copy the report and reach them another way.',
    );
  });

  it('hides the badge right away when asked', async () => {
    render(<ReportApp search={SEARCH} />);
    expect(
      await screen.findByText(/Picket can stop badging @cocacola on this device/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Don't badge this account" }));
    await waitFor(() =>
      expect(screen.getByTestId('hide-status').textContent).toBe(
        "@cocacola won't be badged any more.",
      ),
    );
    expect(sendMock).toHaveBeenCalledWith({
      type: 'dontBadge',
      platform: 'instagram',
      handle: 'cocacola',
    });
  });

  it('explains an address without a claim, and a claim that is gone', async () => {
    render(<ReportApp search="?pack=x" />);
    expect(screen.getByTestId('report-error').textContent).toContain('opened without a claim');
    expect(sendMock).not.toHaveBeenCalled();
    cleanup();
    sendMock.mockResolvedValue({
      ok: false,
      error: 'This participant is not in the pack any more.',
    });
    render(<ReportApp search={SEARCH} />);
    await waitFor(() =>
      expect(screen.getByTestId('report-error').textContent).toBe(
        "Picket couldn't find this claim in your campaign packs: This participant is not in the pack any more.",
      ),
    );
  });

  it('has no serious or critical accessibility violations (axe, structure only)', async () => {
    const { container } = render(<ReportApp search={SEARCH} />);
    await screen.findByRole('heading', { level: 2, name: 'Your report' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
  });
});
