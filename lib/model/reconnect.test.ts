import { describe, expect, it } from 'vitest';
import { newContact } from './contact';
import { reconnectList } from './reconnect';
import { DEFAULT_TAXONOMY } from './taxonomy';

const now = new Date('2026-11-22T00:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const contact = (id: string, lastSeenAt: string, purposes: string[] = [], relationships: string[] = []) => ({
  ...newContact(id, daysAgo(400)),
  name: id,
  lastSeenAt,
  purposes,
  relationships,
});

describe('reconnectList', () => {
  it('lists growth-side contacts not seen for more than the chosen days, longest-unseen first', () => {
    const list = reconnectList(
      [
        contact('recent-mentor', daysAgo(10), [], ['mentor']),
        contact('old-peer', daysAgo(200), [], ['peer']),
        contact('older-purpose', daysAgo(300), ['purpose']),
        contact('never-seen', '', ['belonging']),
        contact('old-client', daysAgo(500), ['work'], ['client']),
        contact('old-untagged', daysAgo(500)),
        contact('edge', daysAgo(90)),
        contact('just-over', daysAgo(91), ['impact']),
      ],
      DEFAULT_TAXONOMY,
      90,
      now,
    );
    expect(list.map((e) => [e.contact.id, e.daysSinceSeen])).toEqual([
      ['never-seen', null],
      ['older-purpose', 300],
      ['old-peer', 200],
      ['just-over', 91],
    ]);
  });

  it('follows the chosen number of days', () => {
    const list = reconnectList([contact('a', daysAgo(20), ['growth'])], DEFAULT_TAXONOMY, 14, now);
    expect(list).toHaveLength(1);
    expect(reconnectList([contact('a', daysAgo(20), ['growth'])], DEFAULT_TAXONOMY, 30, now)).toHaveLength(0);
  });
});
