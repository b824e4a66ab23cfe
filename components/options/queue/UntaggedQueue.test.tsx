import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Contact, newContact } from '../../../lib/model/contact';
import { DEFAULT_TAXONOMY, type Tag } from '../../../lib/model/taxonomy';
import type { PageClient } from '../../../lib/protocol/page-client';
import { fakePageClient } from '../../../tests/support/fake-client';
import { UntaggedQueue, type UntaggedQueueProps } from './UntaggedQueue';

const NOW = '2026-11-22T10:00:00.000Z';
const taxonomy: Tag[] = [
  ...DEFAULT_TAXONOMY,
  {
    id: 'old',
    dimension: 'relationship',
    label: 'Old friend',
    description: '',
    color: '#999',
    order: 1.5,
    archived: true,
  },
];

afterEach(cleanup);

const contacts: Contact[] = [
  newContact('zoe', NOW, { name: 'Zoë Smit' }),
  newContact('tagged', NOW, { name: 'Already Tagged', purposes: ['work'] }),
  newContact('emile', NOW, { name: 'Émile Zola', headline: 'Écrivain', company: 'Les Éditions' }),
  newContact('anna', NOW, { name: 'Anna de Vries', headline: 'Flex specialist', company: 'Randstad' }),
];

type SetTag = PageClient['setTag'];

function setup(overrides: Partial<Omit<UntaggedQueueProps, 'client'>> & { setTag?: SetTag } = {}) {
  const stored = { contact: null, taxonomy, panelCollapsed: false };
  const { setTag = vi.fn<SetTag>(async () => stored), ...rest } = overrides;
  const props: UntaggedQueueProps = { contacts, taxonomy, client: fakePageClient({ setTag }), ...rest };
  const result = render(<UntaggedQueue {...props} />);
  const rerender = (next: Partial<UntaggedQueueProps>) => result.rerender(<UntaggedQueue {...props} {...next} />);
  return { setTag, rerender };
}

const queue = () => screen.getByRole('region', { name: 'Untagged queue' });
const person = () => within(queue()).getByRole('heading', { level: 3 }).textContent;
const position = () => within(queue()).getByRole('status').textContent;
const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');
const key = (k: string) => fireEvent.keyDown(queue(), { key: k });

describe('UntaggedQueue', () => {
  it('shows the first untagged contact in name order, with every active tag as a toggle', () => {
    setup();
    expect(position()).toBe('1 of 3 untagged');
    expect(person()).toBe('Anna de Vries');
    expect(within(queue()).getByText('Flex specialist')).toBeTruthy();
    expect(within(queue()).getByText('Randstad')).toBeTruthy();
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(14);
    expect(screen.queryByRole('button', { name: 'Old friend' })).toBeNull();
    // The key hint is not part of the name.
    const mentor = screen.getByRole('button', { name: 'Mentor' });
    expect(mentor.querySelector('kbd')?.textContent).toBe('1');
    expect(mentor.querySelector('kbd')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('button', { name: 'Societal impact' }).querySelector('kbd')?.textContent).toBe('O');
  });

  it('steps with the buttons and the keys, wrapping around', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(person()).toBe('Émile Zola');
    expect(position()).toBe('2 of 3 untagged');
    key('n');
    expect(person()).toBe('Zoë Smit');
    key('ArrowRight');
    expect(person()).toBe('Anna de Vries');
    key('ArrowLeft');
    expect(person()).toBe('Zoë Smit');
    key('p');
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(person()).toBe('Anna de Vries');
  });

  it('toggles relationships with digits and purposes with letters', async () => {
    const { setTag } = setup();
    queue().focus();
    key('1');
    expect(pressed('Mentor')).toBe('true');
    await waitFor(() => expect(setTag).toHaveBeenCalledWith({ contactId: 'anna', tagId: 'mentor', on: true }));
    key('3');
    expect(setTag).toHaveBeenLastCalledWith({ contactId: 'anna', tagId: 'peer', on: true });
    key('g');
    expect(setTag).toHaveBeenLastCalledWith({ contactId: 'anna', tagId: 'work', on: true });
    key('S');
    expect(setTag).toHaveBeenLastCalledWith({ contactId: 'anna', tagId: 'purpose', on: true });
    key('o');
    expect(setTag).toHaveBeenLastCalledWith({ contactId: 'anna', tagId: 'impact', on: true });
    key('1');
    expect(setTag).toHaveBeenLastCalledWith({ contactId: 'anna', tagId: 'mentor', on: false });
    expect(pressed('Mentor')).toBe('false');
    expect(setTag).toHaveBeenCalledTimes(6);
  });

  it('toggles with a click, as in the tag panel', async () => {
    const { setTag } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Career resilience' }));
    expect(pressed('Career resilience')).toBe('true');
    await waitFor(() => expect(setTag).toHaveBeenCalledWith({ contactId: 'anna', tagId: 'growth', on: true }));
  });

  it('ignores keys typed outside the queue, and with modifier keys', () => {
    const { setTag } = setup();
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(queue(), { key: '1', ctrlKey: true });
    fireEvent.keyDown(queue(), { key: 'n', metaKey: true });
    expect(setTag).not.toHaveBeenCalled();
    expect(person()).toBe('Anna de Vries');
  });

  it('keeps a tagged contact until Next, so a mis-click can be fixed', async () => {
    const { setTag, rerender } = setup();
    key('1');
    await waitFor(() => expect(setTag).toHaveBeenCalled());
    // The page's watched contacts change: Anna is tagged now, but stays on screen.
    const reloaded = contacts.map((c) => (c.id === 'anna' ? { ...c, relationships: ['mentor'] } : c));
    rerender({ contacts: reloaded });
    expect(person()).toBe('Anna de Vries');
    expect(position()).toBe('1 of 3 untagged');
    expect(pressed('Mentor')).toBe('true');

    key('n');
    expect(person()).toBe('Émile Zola');
    expect(position()).toBe('1 of 2 untagged');
    key('p');
    expect(person()).toBe('Zoë Smit'); // Anna has left the queue
  });

  it('keeps a contact whose tag was undone', () => {
    setup();
    key('1');
    key('1');
    key('n');
    expect(person()).toBe('Émile Zola');
    expect(position()).toBe('2 of 3 untagged');
  });

  it('undoes the toggle and says so when saving fails', async () => {
    setup({ setTag: vi.fn(async () => Promise.reject(new Error('Unknown tag'))) });
    key('1');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved: Unknown tag'));
    expect(pressed('Mentor')).toBe('false');
  });

  it('says when everything is tagged', () => {
    setup({ contacts: [newContact('x', NOW, { name: 'X', relationships: ['peer'] })] });
    expect(within(queue()).getByText('All contacts are tagged')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
  });

  it('empties when the last one is tagged and the user moves on', () => {
    setup({ contacts: [newContact('x', NOW, { name: 'X' })] });
    expect(position()).toBe('1 of 1 untagged');
    queue().focus();
    key('1');
    key('n');
    expect(within(queue()).getByText('All contacts are tagged')).toBeTruthy();
    expect(document.activeElement).toBe(queue());
  });

  it('shows names with markup as plain text', () => {
    setup({ contacts: [newContact('x', NOW, { name: '<b>Jane</b>', headline: '<img src=x>' })] });
    expect(person()).toBe('<b>Jane</b>');
    expect(queue().querySelector('b, img')).toBeNull();
  });
});
