import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import type { KindredDB } from '../../lib/storage/db';
import { setTag } from '../../lib/storage/store';
import { ReconnectList } from './ReconnectList';

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => {
  cleanup();
  db.close();
});

const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();

describe('who is due, on the overview', () => {
  it('lists 25 at a time, with a button for the next ones, and the popup’s few with a pointer to the overview', async () => {
    for (let index = 0; index < 30; index++) {
      await setTag(db, `person-${String(index).padStart(2, '0')}`, 'peer', true, longAgo);
    }
    render(<ReconnectList client={clientOnDatabase(db)} />);
    expect(await screen.findByText('30 people are due, the longest overdue first:')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Reached out to/ })).toHaveLength(25);
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more' }));
    await expect.poll(() => screen.getAllByRole('button', { name: /^Reached out to/ }).length).toBe(30);
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();

    cleanup();
    render(<ReconnectList client={clientOnDatabase(db)} limit={3} />);
    expect(await screen.findByText('and 27 more on the overview')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Reached out to/ })).toHaveLength(3);
  });
});
