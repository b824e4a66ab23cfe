import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import { useLocale } from '../../tests/support/test-i18n';
import type { ContentClient } from '../../lib/protocol/client';
import type { KindredDB } from '../../lib/storage/db';
import { setTag } from '../../lib/storage/store';
import { addDays, today } from '../../lib/model/rhythm';
import { refreshDueGlance } from '../../lib/storage/keep-in-touch';
import { TagPanel } from './TagPanel';

const jane = {
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: '',
  company: '',
  location: '',
};

let db: KindredDB;
let client: ContentClient;
beforeEach(() => {
  db = freshDB();
  client = clientOnDatabase(db);
});
afterEach(() => {
  cleanup();
  db.close();
});

const longAgo = () => new Date(Date.now() - 200 * 86_400_000).toISOString();

describe('keep in touch in the panel', () => {
  it('“I reached out” logs today: “Last in touch: today”, the person is no longer due, and it can be undone', async () => {
    await setTag(db, 'jane-doe', 'peer', true, longAgo());
    expect(await refreshDueGlance(db, new Date())).toBe(1);
    render(<TagPanel profile={jane} client={client} />);
    expect(await screen.findByText('Not in touch yet')).toBeTruthy();
    expect(screen.getByText(/Due: 140 days past the rhythm/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I reached out' }));
    expect(await screen.findByText('Last in touch: today')).toBeTruthy();
    await waitFor(async () => expect(await refreshDueGlance(db, new Date())).toBe(0));
    expect((await db.contacts.get('jane-doe'))?.touches).toEqual([{ on: today(new Date()) }]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Not in touch yet')).toBeTruthy();
    await waitFor(async () => expect(await refreshDueGlance(db, new Date())).toBe(1));
  });

  it('logs another day with how, from the disclosure, by keyboard-reachable controls', async () => {
    render(<TagPanel profile={jane} client={client} />);
    fireEvent.click(await screen.findByText('Another day, how, rhythm'));
    const date = screen.getByLabelText('Date') as HTMLInputElement;
    expect(date.max).toBe(today(new Date()));
    fireEvent.input(date, { target: { value: addDays(today(new Date()), -95) } });
    fireEvent.change(screen.getByRole('combobox', { name: 'How' }), { target: { value: 'call' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log this touch' }));
    expect(await screen.findByText('Last in touch: 3 months ago')).toBeTruthy();
    expect((await db.contacts.get('jane-doe'))?.touches).toEqual([
      { on: addDays(today(new Date()), -95), channel: 'call' },
    ]);
  });

  it('sets and clears the person’s own rhythm', async () => {
    await setTag(db, 'jane-doe', 'mentor', true, new Date().toISOString());
    render(<TagPanel profile={jane} client={client} />);
    fireEvent.click(await screen.findByText('Another day, how, rhythm'));
    const rhythm = screen.getByRole('combobox', { name: 'Keep in touch' }) as HTMLSelectElement;
    expect(within(rhythm).getByRole('option', { name: 'As their tags: every 90 days' })).toBeTruthy();
    fireEvent.change(rhythm, { target: { value: '0' } });
    await waitFor(async () => expect((await db.contacts.get('jane-doe'))?.rhythmDays).toBe(0));
    fireEvent.change(rhythm, { target: { value: 'tags' } });
    await waitFor(async () => expect((await db.contacts.get('jane-doe'))?.rhythmDays).toBeUndefined());
  });

  it('speaks Dutch', async () => {
    useLocale('nl');
    await setTag(db, 'jane-doe', 'peer', true, new Date().toISOString());
    render(<TagPanel profile={jane} client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ik heb contact gezocht' }));
    expect(await screen.findByText('Laatst contact: vandaag')).toBeTruthy();
  });
});
