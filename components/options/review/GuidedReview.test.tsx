import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeBalance } from '../../../lib/model/balance';
import { type Contact, newContact } from '../../../lib/model/contact';
import { tagSummaryFromIds } from '../../../lib/model/tag-summary';
import { DEFAULT_TAXONOMY } from '../../../lib/model/taxonomy';
import type { PageClient } from '../../../lib/protocol/page-client';
import { fakePageClient } from '../../../tests/support/fake-client';
import { GuidedReview } from './GuidedReview';

afterEach(cleanup);

const NOW = new Date('2026-11-27T12:00:00.000Z');
const T = '2026-01-01T00:00:00.000Z';
const contacts: Contact[] = [
  newContact('tagged-old', T, { name: 'Old Review', purposes: ['work'], reviewedAt: '2026-01-02T00:00:00.000Z' }),
  newContact('zoe', T, { name: 'Zoë Smit', headline: 'Flex specialist' }),
  newContact('tagged-new', T, { name: 'Never Reviewed', relationships: ['client'] }),
  newContact('recent', T, { name: 'Recently Reviewed', purposes: ['work'], reviewedAt: '2026-11-01T00:00:00.000Z' }),
  newContact('anna', T, { name: 'Anna de Vries', company: 'Randstad' }),
];
const balance = computeBalance(
  tagSummaryFromIds(5, new Map(Object.entries({ work: ['tagged-old', 'recent'], client: ['tagged-new'] }))),
  DEFAULT_TAXONOMY,
);

function setup() {
  const setTag = vi.fn<PageClient['setTag']>(async () => ({ contact: null, taxonomy: [], panelCollapsed: false }));
  const markReviewed = vi.fn<PageClient['markReviewed']>(async () => null);
  render(
    <GuidedReview
      contacts={contacts}
      taxonomy={[...DEFAULT_TAXONOMY]}
      balance={balance}
      client={fakePageClient({ setTag, markReviewed })}
      now={() => NOW}
    />,
  );
  return { setTag, markReviewed };
}

const region = () => screen.getByRole('region', { name: 'Guided review' });
const person = () => within(region()).getByRole('heading', { level: 3 }).textContent;
const key = (k: string) => fireEvent.keyDown(region(), { key: k });

describe('GuidedReview', () => {
  it('asks seed 001’s question about untagged people first, then the tagged never or longest unreviewed', async () => {
    const { markReviewed } = setup();
    expect(screen.getByText('Does this connection serve your company, or help you grow and adapt?')).toBeTruthy();
    expect(screen.getByText('1 of 5 reviewed')).toBeTruthy();
    expect(within(region()).getByRole('status').textContent).toBe('Person 1 of 4 to review');
    expect(person()).toBe('Anna de Vries');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(person()).toBe('Zoë Smit');
    key('ArrowRight');
    expect(person()).toBe('Never Reviewed');
    fireEvent.click(screen.getByRole('button', { name: 'Reviewed, next' }));
    await waitFor(() => expect(person()).toBe('Old Review'));
    expect(markReviewed).toHaveBeenCalledExactlyOnceWith({ contactId: 'tagged-new' });
  });

  it('tags with the panel’s keys and marks reviewed with N', async () => {
    const { setTag, markReviewed } = setup();
    key('c'); // Career resilience
    key('1'); // Mentor
    expect(setTag).toHaveBeenCalledWith({ contactId: 'anna', tagId: 'growth', on: true });
    expect(setTag).toHaveBeenCalledWith({ contactId: 'anna', tagId: 'mentor', on: true });
    expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true');
    key('n');
    await waitFor(() => expect(person()).toBe('Zoë Smit'));
    expect(markReviewed).toHaveBeenCalledExactlyOnceWith({ contactId: 'anna' });
  });

  it('ends with the diagnosis in words on “Done for today”, and can go on', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Done for today' }));
    const result = screen.getByRole('list', { name: 'Your network in words' });
    expect(result.textContent).toContain('Your network is company-heavy');
    expect(result.textContent).toContain('Gaps: no mentor, no way-shower and no community of practice.');
    expect(result.textContent).toContain('It does not yet touch a level of meaning');
    fireEvent.click(screen.getByRole('button', { name: 'Continue the review' }));
    expect(person()).toBe('Anna de Vries');
  });
});
