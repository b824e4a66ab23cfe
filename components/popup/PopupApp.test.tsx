import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Balance, computeBalance } from '../../lib/model/balance';
import { newContact } from '../../lib/model/contact';
import { tagSummaryFromIds } from '../../lib/model/tag-summary';
import { DEFAULT_TAXONOMY } from '../../lib/model/taxonomy';
import { fakePageClient, watchOf } from '../../tests/support/fake-client';
import { useLocale } from '../../tests/support/test-i18n';
import { PopupApp } from './PopupApp';

afterEach(cleanup);

const NOW = new Date('2026-11-22T10:00:00.000Z');
const insight = {
  spread: {
    withCompany: 4,
    companies: 2,
    top: [
      { company: 'Flexa', count: 3, share: 0.75 },
      { company: 'Timewise', count: 1, share: 0.25 },
    ],
  },
  reconnect: {
    total: 4,
    entries: [
      { contact: { ...newContact('old-mentor', '2025-01-01T00:00:00.000Z'), name: 'Old Mentor' }, daysSinceSeen: 200 },
    ],
  },
};
const rest = { openOptions: () => {}, now: () => NOW };
/** Keep in touch: 4 people due, the first of them shown. */
const due = {
  total: 4,
  entries: [
    {
      contact: {
        ...newContact('old-mentor', '2025-01-01T00:00:00.000Z'),
        name: 'Old Mentor',
        relationships: ['mentor'],
        touches: [{ on: '2026-05-06' }],
      },
      state: { rhythm: 90, since: '2026-05-06', days: 200, overdue: 110, due: true },
      growth: true,
    },
  ],
};

/** The client the popup uses: a balance, the insight above, the last export's time and an export. */
const clientOf = (
  loadBalance: () => Promise<Balance>,
  exportJson: () => Promise<string>,
  unsavedSince = '2026-11-20T10:00:00.000Z',
  recordExport = vi.fn(async () => null),
) =>
  fakePageClient({
    watchBalance: watchOf(loadBalance),
    watchInsight: () => watchOf(insight),
    watchDue: () => watchOf(due),
    logTouch: vi.fn(),
    removeTouch: vi.fn(),
    snoozeContact: vi.fn(),
    watchUnsavedSince: watchOf(unsavedSince),
    exportJson,
    recordExport,
  });

const balanceOf = (known: number, tags: Record<string, string[]>) => () =>
  Promise.resolve(computeBalance(tagSummaryFromIds(known, new Map(Object.entries(tags))), DEFAULT_TAXONOMY));

describe('PopupApp', () => {
  it('explains how to start when nothing is tagged', async () => {
    render(<PopupApp client={clientOf(balanceOf(2, {}), vi.fn())} {...rest} />);
    await screen.findByRole('heading', { name: 'Start with one profile' });
    expect(screen.getByText('2 profiles seen so far, none tagged yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeTruthy();
  });

  it('states the balance in words and names the gaps', async () => {
    const tags = { work: ['a', 'b', 'c'], growth: ['c', 'd'], mentor: ['d'], peer: ['a'] };
    render(<PopupApp client={clientOf(balanceOf(10, tags), vi.fn())} {...rest} />);
    await screen.findByText('3 of 4 tagged contacts serve your work; 2 your own growth (1 serves both).');
    expect(screen.getByText(/of 10 known contacts tagged/)).toBeTruthy();
    const gaps = screen.getByRole('list', { name: 'Gaps in your network' });
    expect(gaps.textContent).toContain('No way-shower yet');
    expect(gaps.textContent).not.toContain('No mentor yet');
    // The charts' numbers are in tables for screen readers.
    const purposeTable = screen.getByRole('table', { name: 'Tagged contacts per purpose' });
    expect(purposeTable.textContent).toContain('Gets work done375%');
  });

  it('reminds gently to back up after 30 days without an export', async () => {
    const client = clientOf(
      balanceOf(1, { work: ['a'] }),
      vi.fn().mockResolvedValue('f.json'),
      '2026-10-01T10:00:00.000Z',
    );
    render(<PopupApp client={client} {...rest} />);
    await screen.findByText('Your tags have not been backed up for 52 days. Export a copy to keep them safe.');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    // A download may still fail or be cancelled: the reminder stays until the person says it was saved.
    await screen.findByText(/^Downloading f\.json\. Kindred cannot see whether a download finished/);
    expect(screen.getByText(/not been backed up/)).toBeTruthy();
    expect(client.recordExport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'I saved it' }));
    await screen.findByText('Thank you: your backup is up to date.');
    expect(client.recordExport).toHaveBeenCalledExactlyOnceWith({});
    expect(screen.queryByText(/not been backed up/)).toBeNull();
  });

  it('does not remind without tagged contacts or after a recent export', async () => {
    render(<PopupApp client={clientOf(balanceOf(1, { work: ['a'] }), vi.fn())} {...rest} />);
    await screen.findByText(/tagged contact serves your work/);
    expect(screen.queryByText(/not been backed up/)).toBeNull();
  });

  it('opens the contacts page', async () => {
    const openOptions = vi.fn();
    render(<PopupApp client={clientOf(balanceOf(0, {}), vi.fn())} {...rest} openOptions={openOptions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Contacts and settings' }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('shows who is due, linked to their profile, and how deep the network is per company', async () => {
    render(<PopupApp client={clientOf(balanceOf(4, { work: ['a'] }), vi.fn())} {...rest} />);
    const link = await screen.findByRole('link', { name: 'Old Mentor' });
    expect(link.getAttribute('href')).toBe('https://www.linkedin.com/in/old-mentor/');
    expect(screen.getByText(/110 days overdue · last in touch 6 months ago/)).toBeTruthy();
    expect(screen.getByText('4 people are due, the longest overdue first:')).toBeTruthy();
    expect(screen.getByText('and 3 more on the overview')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reached out to Old Mentor today' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Snooze Old Mentor for 2 weeks' })).toBeTruthy();
    expect(
      screen.getByText('75% of your contacts with a known company work at Flexa (4 contacts across 2 companies).'),
    ).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Contacts per company' }).textContent).toContain('Flexa375%');
  });

  it('exports and says where the file went', async () => {
    const exportJson = vi.fn().mockResolvedValue('kindred-2026-11-22.json');
    render(<PopupApp client={clientOf(balanceOf(0, {}), exportJson)} {...rest} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/^Downloading kindred-2026-11-22\.json\./);
    expect(exportJson).toHaveBeenCalledOnce();
  });

  it('speaks Dutch to a Dutch browser', async () => {
    useLocale('nl');
    const tags = { work: ['a', 'b', 'c'], growth: ['c', 'd'], mentor: ['d'], peer: ['a'] };
    render(<PopupApp client={clientOf(balanceOf(1200, tags), vi.fn())} {...rest} />);
    await screen.findByText('3 van de 4 getagde contacten dienen je werk; 2 je eigen groei (1 dient allebei).');
    expect(screen.getByRole('heading', { name: 'Werk of groei?' })).toBeTruthy();
    expect(screen.getByText(/van 1\.200 bekende contacten getagd/)).toBeTruthy();
    // Tag labels are the stored ones (English here); the sentence around them is Dutch.
    expect(screen.getByRole('list', { name: 'Gaten in je netwerk' }).textContent).toContain('Nog geen way-shower');
    expect(screen.getByRole('table', { name: 'Getagde contacten per doel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'JSON exporteren' })).toBeTruthy();
    await screen.findByText(
      '75% van je contacten met een bekend bedrijf werkt bij Flexa (4 contacten bij 2 bedrijven).',
    );
    expect(await screen.findByText(/110 dagen te laat · laatst contact 6 maanden geleden/)).toBeTruthy();
  });

  it('reports an export failure', async () => {
    render(<PopupApp client={clientOf(balanceOf(0, {}), () => Promise.reject(new Error('disk full')))} {...rest} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText('Export failed: disk full');
  });
});
