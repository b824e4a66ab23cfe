import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hlc } from './sync-clock';
import { SYNC_LIMITS, decodeItems, encodeState, itemBytes } from './sync-encode';
import {
  type SyncState,
  canonical,
  elementsOf,
  emptyState,
  hasNews,
  mergeInto,
  remove,
  valueOf,
  write,
} from './sync-state';

const TAGS = ['work', 'growth', 'purpose', 'belonging', 'impact', 'mentor', 'peer', 'colleague', 'client', 'friend'];

/** `n` tagged contacts, the i-th changed at second 1000 + i, with a name, two tags and (optionally) a note. */
function manyContacts(n: number, note = ''): SyncState {
  const state = emptyState();
  for (let i = 0; i < n; i++) {
    const id = `person-${i}-abc${i % 97}`;
    const clock = hlc(1000 + i, i % 2 ? 'aaaa' : 'bbbb');
    write(state, 'contacts', id, `tags/${TAGS[i % TAGS.length]}`, true, clock);
    write(state, 'contacts', id, `tags/${TAGS[(i * 7) % TAGS.length]}`, true, clock);
    write(state, 'contacts', id, 'name', `Person Number ${i}`, clock);
    if (note) write(state, 'contacts', id, 'note', note, clock);
  }
  return state;
}

function expectWithinLimits(items: Record<string, unknown>): void {
  let total = 0;
  for (const [key, value] of Object.entries(items)) {
    const bytes = itemBytes(key, value);
    expect(bytes, key).toBeLessThanOrEqual(SYNC_LIMITS.itemBytes);
    total += bytes;
  }
  expect(total).toBeLessThanOrEqual(SYNC_LIMITS.quotaBytes);
  expect(Object.keys(items).length).toBeLessThanOrEqual(SYNC_LIMITS.maxItems);
}

describe('encoding for storage.sync', () => {
  it('keeps 9,000 tagged contacts within the quota, the most recently changed ones first, and says how many stay here', () => {
    const state = manyContacts(9000);
    const report = encodeState(state);
    expectWithinLimits(report.items);
    expect(report.contactsSynced).toBeGreaterThan(500);
    expect(report.contactsSynced + report.contactsLeft).toBe(9000);
    const decoded = decodeItems(report.items);
    expect(decoded.contacts['person-8999-abc75']).toBeDefined();
    expect(decoded.contacts['person-0-abc0']).toBeUndefined();
    expect(Object.keys(decoded.contacts)).toHaveLength(report.contactsSynced);
  });

  it('drops notes before people: tags and names of more people, the notes as room allows', () => {
    const state = manyContacts(600, 'Met at the Utrecht meetup; wants an intro to the design team. '.repeat(4));
    const report = encodeState(state);
    expectWithinLimits(report.items);
    expect(report.contactsLeft).toBe(0);
    expect(report.notesLeft).toBeGreaterThan(0);
    const decoded = decodeItems(report.items);
    // The newest people have their notes; the oldest only their tags and name.
    expect(valueOf(decoded.contacts['person-599-abc17'], 'note')).toMatch(/Utrecht/);
    expect(valueOf(decoded.contacts['person-0-abc0'], 'note')).toBeUndefined();
    expect(elementsOf(decoded.contacts['person-0-abc0'], 'tags')).toEqual(['work']);
  });

  it('counts bytes as UTF-8, so names in other scripts never overflow an item', () => {
    const state = emptyState();
    for (let i = 0; i < 3000; i++) write(state, 'contacts', `p${i}`, 'tags/work', true, hlc(i + 1, 'aaaa'));
    for (let i = 0; i < 3000; i++)
      write(state, 'contacts', `p${i}`, 'name', '张伟 — Ωμέγα 😀'.repeat(3), hlc(i + 1, 'aaaa'));
    expectWithinLimits(encodeState(state).items);
  });

  it('sends the taxonomy first, and deletions', () => {
    const state = manyContacts(9000);
    write(state, 'tags', 'book-club', 'dimension', 'purpose', hlc(5, 'aaaa'));
    write(state, 'tags', 'book-club', 'label', 'Book club', hlc(5, 'aaaa'));
    write(state, 'tags', 'work', 'rhythmDays', 30, hlc(6, 'aaaa'));
    remove(state, 'contacts', 'gone', hlc(999_999, 'aaaa'));
    const decoded = decodeItems(encodeState(state).items);
    expect(valueOf(decoded.tags['book-club'], 'label')).toBe('Book club');
    expect(valueOf(decoded.tags.work, 'rhythmDays')).toBe(30);
    expect(decoded.contacts.gone).toEqual({ '~': { v: true, c: hlc(999_999, 'aaaa') } });
  });

  it('writes dates as day numbers and reads them back', () => {
    const state = emptyState();
    write(state, 'contacts', 'jane', 'tags/work', true, hlc(10, 'aaaa'));
    write(state, 'contacts', 'jane', 'touches/2026-11-27|call', true, hlc(11, 'aaaa'));
    write(state, 'contacts', 'jane', 'snoozedUntil', '2027-01-05', hlc(12, 'aaaa'));
    const { items } = encodeState(state);
    expect(JSON.stringify(items)).not.toContain('2026-11-27');
    expect(canonical(decodeItems(items))).toBe(canonical(state));
  });

  it('skips items of another format instead of failing', () => {
    expect(decodeItems({ c0: { v: 99, r: [['x', {}]] }, c1: 'garbage', t0: null })).toEqual(emptyState());
  });
});

/**
 * storage.sync keeps, per item, the last write any browser made: two browsers writing the same item at
 * once lose one of the writes. Each browser keeps everything it knows and writes again whenever the
 * stored items lack something, so they still end up equal.
 */
describe('sync through storage.sync items (property)', () => {
  const step = fc.oneof(
    fc.record({
      type: fc.constant('edit' as const),
      replica: fc.nat(2),
      contact: fc.nat(5),
      tag: fc.nat(TAGS.length - 1),
      on: fc.boolean(),
    }),
    fc.record({ type: fc.constant('read' as const), replica: fc.nat(2) }),
    fc.record({ type: fc.constant('flush' as const), replica: fc.nat(2) }),
  );

  test.prop([fc.array(step, { maxLength: 60 })], { numRuns: 200 })(
    'browsers that overwrite each other’s items still converge, keeping every last edit',
    (steps) => {
      const server: Record<string, unknown> = {};
      const replicas = ['aaaa', 'bbbb', 'cccc'].map((node) => ({ node, state: emptyState(), seen: emptyState() }));
      const last = new Map<string, { on: boolean; clock: string }>();
      let seconds = 10;
      const flush = (r: (typeof replicas)[number]) => {
        mergeInto(r.state, r.seen);
        const { items } = encodeState(r.state);
        // As lib/storage/sync-run.ts does: an item is written only when it holds something the stored one lacks.
        for (const [key, value] of Object.entries(items)) {
          if (JSON.stringify(server[key]) === JSON.stringify(value)) continue;
          if (key in server && !hasNews(decodeItems({ [key]: value }), decodeItems({ [key]: server[key] }))) continue;
          server[key] = JSON.parse(JSON.stringify(value));
        }
      };
      for (const s of steps) {
        const r = replicas[s.replica]!;
        if (s.type === 'edit') {
          const clock = hlc(seconds++, r.node);
          const contact = `person-${s.contact}`;
          write(r.state, 'contacts', contact, `tags/${TAGS[s.tag]}`, s.on, clock);
          last.set(`${contact}/${TAGS[s.tag]}`, { on: s.on, clock });
        } else if (s.type === 'read')
          r.seen = decodeItems(JSON.parse(JSON.stringify(server)) as Record<string, unknown>);
        else flush(r);
      }
      // Then the browsers stay online: each reads what changed and writes what the items lack.
      for (let round = 0; round < 4; round++) {
        for (const r of replicas) {
          r.seen = decodeItems(server);
          flush(r);
        }
      }
      const states = replicas.map((r) => canonical(r.state));
      expect(states[1]).toBe(states[0]);
      expect(states[2]).toBe(states[0]);
      for (const [key, { on, clock }] of last) {
        const [contact, tag] = key.split('/') as [string, string];
        expect(replicas[0]!.state.contacts[contact]?.[`tags/${tag}`]).toEqual({ v: on, c: clock });
      }
    },
  );
});
