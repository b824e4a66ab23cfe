import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import type { KindredDB } from '../../lib/storage/db';
import { recordSeen, setTag } from '../../lib/storage/store';
import { logTouch } from '../../lib/storage/keep-in-touch';
import { ReconnectList } from './ReconnectList';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
let db: KindredDB;
const originalTz = process.env.TZ;

/** Someone tagged `tags` who was last in touch `days` ago. */
async function person(id: string, name: string, tags: string[], days: number) {
  await recordSeen(
    db,
    { id, url: `https://www.linkedin.com/in/${id}/`, name, headline: '', company: '', location: '' },
    daysAgo(400).toISOString(),
  );
  for (const tag of tags) await setTag(db, id, tag, true, daysAgo(400).toISOString());
  await logTouch(db, id, {}, daysAgo(days));
}

beforeEach(async () => {
  process.env.TZ = 'UTC';
  db = freshDB();
  await person('mona', 'Mona Mentor', ['mentor'], 100); // 10 days over 90
  await person('piet', 'Piet Peer', ['peer'], 70); // 10 days over 60: growth side, first among equals
  await person('cleo', 'Cleo Client', ['client'], 70); // 10 days over 60: company side
  await person('ida', 'Ida Industry', ['industry'], 300); // no rhythm
  await person('fred', 'Fred Friend', ['friend'], 200); // 110 over 90: the most overdue
});
afterEach(() => {
  cleanup();
  db.close();
  process.env.TZ = originalTz;
  if (originalTz === undefined) delete process.env.TZ;
});

const names = () =>
  within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the due list', () => {
  it('lists who is due, most overdue first and the growth side first among equals, each linked', async () => {
    render(<ReconnectList client={clientOnDatabase(db, { now: () => NOW })} now={() => NOW} />);
    await screen.findByText('4 people are due, the longest overdue first:');
    expect(names()).toEqual(['Fred Friend', 'Mona Mentor', 'Piet Peer', 'Cleo Client']);
    expect(screen.getByRole('link', { name: 'Fred Friend' }).getAttribute('href')).toBe(
      'https://www.linkedin.com/in/fred/',
    );
    expect(screen.getByText(/110 days overdue · last in touch 6 months ago/)).toBeTruthy();
  });

  it('shows only the first few where told, and says how many more', async () => {
    render(<ReconnectList client={clientOnDatabase(db, { now: () => NOW })} limit={2} now={() => NOW} />);
    await screen.findByText('and 2 more on the overview');
    expect(names()).toEqual(['Fred Friend', 'Mona Mentor']);
  });

  it('“Reached out” and “Snooze 2 weeks” take a person off the list, and each can be undone', async () => {
    render(<ReconnectList client={clientOnDatabase(db, { now: () => NOW })} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reached out to Fred Friend today' }));
    await screen.findByText('3 people are due, the longest overdue first:');
    // The list may follow the stored change before the reply arrives: the confirmation comes with the reply.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('In touch with Fred Friend today.'));
    expect((await db.contacts.get('fred'))?.touches?.at(-1)).toEqual({ on: '2026-11-22' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('4 people are due, the longest overdue first:');

    fireEvent.click(screen.getByRole('button', { name: 'Snooze Cleo Client for 2 weeks' }));
    await screen.findByText('3 people are due, the longest overdue first:');
    expect(names()).not.toContain('Cleo Client');
    expect((await db.contacts.get('cleo'))?.snoozedUntil).toBe('2026-12-06');
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByText('4 people are due, the longest overdue first:');
  });

  it('says so when nobody is due', async () => {
    await db.contacts.clear();
    render(<ReconnectList client={clientOnDatabase(db, { now: () => NOW })} now={() => NOW} />);
    await screen.findByText('Nobody is due: you are in touch with everyone on their rhythm.');
  });
});

describe('who is due, on the overview, with many due', () => {
  it('lists 25 at a time with a button for the next ones; the popup’s few point to the overview', async () => {
    for (let index = 0; index < 30; index++) {
      await setTag(db, `person-${String(index).padStart(2, '0')}`, 'peer', true, daysAgo(200).toISOString());
    }
    const reachedOut = () => screen.getAllByRole('button', { name: /^Reached out to/ });
    render(<ReconnectList client={clientOnDatabase(db)} now={() => NOW} />);
    expect(await screen.findByText('34 people are due, the longest overdue first:')).toBeTruthy();
    expect(reachedOut()).toHaveLength(25);
    fireEvent.click(screen.getByRole('button', { name: 'Show 9 more' }));
    await waitFor(() => expect(reachedOut()).toHaveLength(34));
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();

    cleanup();
    render(<ReconnectList client={clientOnDatabase(db)} limit={3} now={() => NOW} />);
    expect(await screen.findByText('and 31 more on the overview')).toBeTruthy();
    expect(reachedOut()).toHaveLength(3);
  });
});
