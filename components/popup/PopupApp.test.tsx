import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Balance, computeBalance } from '../../lib/model/balance';
import { newContact } from '../../lib/model/contact';
import { tagSummaryFromIds } from '../../lib/model/tag-summary';
import { DEFAULT_TAXONOMY } from '../../lib/model/taxonomy';
import { fakePageClient, watchOf } from '../../tests/support/fake-client';
import { useLocale } from '../../tests/support/test-i18n';
import { PopupApp } from './PopupApp';
import type { BalanceSnapshot } from '../../lib/model/balance-history';
import type { WeeklyWork } from '../../lib/model/weekly';

afterEach(cleanup);

const NOW = new Date('2026-11-22T10:00:00.000Z');
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

/** The client the popup uses: a balance, the last export's time and an export. */
const clientOf = (
  loadBalance: () => Promise<Balance>,
  exportJson: () => Promise<string>,
  unsavedSince = '2026-11-20T10:00:00.000Z',
  recordExport = vi.fn(async () => null),
  review: { statement?: string; snapshots?: BalanceSnapshot[]; week?: WeeklyWork } = {},
) =>
  fakePageClient({
    watchBalance: watchOf(loadBalance),
    watchDue: () => watchOf(due),
    logTouch: vi.fn(),
    removeTouch: vi.fn(),
    snoozeContact: vi.fn(),
    watchUnsavedSince: watchOf(unsavedSince),
    exportJson,
    recordExport,
    watchPurposeStatement: watchOf(review.statement ?? ''),
    watchBalanceSnapshots: watchOf(review.snapshots ?? []),
    watchWeeklyWork: watchOf(review.week ?? { tagged: 0, touches: 0 }),
    recordBalanceSnapshot: vi.fn(async () => ({ taken: false })),
  });

const month = (m: string, tagged: number, growth: number): BalanceSnapshot => ({
  month: m,
  known: tagged,
  tagged,
  work: tagged - growth,
  growth,
  both: 0,
  tags: {},
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

  it('diagnoses the network in one sentence, naming seed 001’s gaps; the charts are on the overview', async () => {
    const tags = { work: ['a', 'b', 'c'], growth: ['c', 'd'], mentor: ['d'], peer: ['a'] };
    render(<PopupApp client={clientOf(balanceOf(10, tags), vi.fn())} {...rest} />);
    const sentence = await screen.findByText('Balanced (75% work, 50% growth); no way-shower.');
    expect(sentence.closest('section')?.querySelector('h2')?.textContent).toBe('Diagnosis');
    expect(screen.getByText(/of 10 known contacts tagged/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Tagged contacts per purpose' })).toBeNull();
    const company = balanceOf(5, { work: ['a', 'b', 'c', 'd'], growth: ['e'] });
    cleanup();
    render(<PopupApp client={clientOf(company, vi.fn())} {...rest} />);
    await screen.findByText(
      'Company-heavy (80% serve your work); no mentor, no way-shower and no community of practice.',
    );
  });

  it('shows the purpose with the people on the mission, the trend since the first month and the week', async () => {
    const client = clientOf(
      balanceOf(9, { purpose: ['a', 'b', 'c', 'd', 'e'], work: ['f'] }),
      vi.fn(),
      undefined,
      undefined,
      {
        statement: 'A future of work that is more equitable',
        snapshots: [month('2026-08', 100, 22), month('2026-09', 100, 26), month('2026-10', 100, 31)],
        week: { tagged: 3, touches: 1 },
      },
    );
    render(<PopupApp client={client} {...rest} />);
    await screen.findByText('A future of work that is more equitable');
    expect(screen.getByText('5 people on your mission')).toBeTruthy();
    // From the first month kept to the balance now (5 of 6 tagged serve growth), as the diagnosis above says.
    expect(screen.getByText('Since August 2026, your growth share rose from 22% to 83%.')).toBeTruthy();
    await screen.findByText('This week: 3 people tagged, 1 touch logged.');
    expect(client.recordBalanceSnapshot).toHaveBeenCalledOnce();
  });

  it('asks for the purpose when none is written, and says nothing of a trend with one month', async () => {
    const openOptions = vi.fn();
    const client = clientOf(balanceOf(2, { work: ['a'] }), vi.fn(), undefined, undefined, {
      snapshots: [month('2026-11', 1, 0)],
    });
    render(<PopupApp client={client} {...rest} openOptions={openOptions} />);
    await screen.findByText('You have not written your purpose yet.', { exact: false });
    expect(screen.getByText('Nobody tagged “Shared purpose” yet')).toBeTruthy();
    expect(screen.queryByText(/growth share/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Write your purpose' }));
    expect(openOptions).toHaveBeenCalledOnce();
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
    await screen.findByText(/Company-heavy/);
    expect(screen.queryByText(/not been backed up/)).toBeNull();
  });

  it('opens the contacts page', async () => {
    const openOptions = vi.fn();
    render(<PopupApp client={clientOf(balanceOf(0, {}), vi.fn())} {...rest} openOptions={openOptions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open overview' }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('shows who is due, linked to their profile; the company spread is on the overview', async () => {
    render(<PopupApp client={clientOf(balanceOf(4, { work: ['a'] }), vi.fn())} {...rest} />);
    const link = await screen.findByRole('link', { name: 'Old Mentor' });
    expect(link.getAttribute('href')).toBe('https://www.linkedin.com/in/old-mentor/');
    expect(screen.getByText(/110 days overdue · last in touch 6 months ago/)).toBeTruthy();
    expect(screen.getByText('4 people are due, the longest overdue first:')).toBeTruthy();
    expect(screen.getByText('and 3 more on the overview')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reached out to Old Mentor today' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Snooze Old Mentor for 2 weeks' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Contacts per company' })).toBeNull();
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
    await screen.findByText('In balans (75% werk, 50% groei); geen wegwijzer.');
    expect(screen.getByRole('heading', { name: 'Diagnose' })).toBeTruthy();
    expect(screen.getByText(/van 1\.200 bekende contacten getagd/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'JSON exporteren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Overzicht openen' })).toBeTruthy();
    expect(await screen.findByText(/110 dagen te laat · laatst contact 6 maanden geleden/)).toBeTruthy();
    await screen.findByText('Deze week: niemand nieuw getagd, geen contactmomenten vastgelegd.');
  });

  it('reports an export failure', async () => {
    render(<PopupApp client={clientOf(balanceOf(0, {}), () => Promise.reject(new Error('disk full')))} {...rest} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText('Export failed: disk full');
  });
});
