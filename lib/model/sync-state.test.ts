import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type Hlc, hlcSeconds, tick } from './sync-clock';
import { decodeItems, encodeState } from './sync-encode';
import {
  DELETED,
  type SyncState,
  canonical,
  copyState,
  elementsOf,
  emptyState,
  mergeInto,
  merged,
  pruneTombstones,
  remove,
  valueOf,
  wipeAll,
  write,
} from './sync-state';

/**
 * Sync's promise: browsers that edit offline and swap their states in any order, any number of times,
 * end up equal, and an edit a browser made survives unless a later edit or deletion replaced it.
 */

const NODES = ['aaaa', 'bbbb', 'cccc'];
const CONTACTS = ['jane-doe', 'bram', 'zoe-ng'];
const KEYS = ['tags/work', 'tags/peer', 'tags/mentor', 'note', 'name', 'fix-company'];

class Replica {
  state = emptyState();
  last = 0;
  constructor(
    readonly node: string,
    /** This browser's clock is off by this many seconds. */
    readonly skew: number,
  ) {}
  clock(now: number): Hlc {
    const clock = tick(this.last, (now + this.skew) * 1000 + Date.UTC(2024, 0, 1), this.node);
    this.last = hlcSeconds(clock);
    return clock;
  }
  receive(state: SyncState): void {
    mergeInto(this.state, state);
    for (const kind of ['tags', 'contacts'] as const) {
      for (const id in state[kind]) {
        for (const key in state[kind][id]) this.last = Math.max(this.last, hlcSeconds(state[kind][id]![key]!.c));
      }
    }
  }
}

type Op =
  | { type: 'write'; replica: number; contact: number; key: number; value: number }
  | { type: 'delete'; replica: number; contact: number }
  | { type: 'wipe'; replica: number }
  | { type: 'send'; replica: number }
  | { type: 'deliver'; message: number; to: number }
  | { type: 'wait'; seconds: number };

const op = (replicas: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('write' as const),
        replica: fc.nat(replicas - 1),
        contact: fc.nat(CONTACTS.length - 1),
        key: fc.nat(KEYS.length - 1),
        value: fc.nat(3),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('delete' as const),
        replica: fc.nat(replicas - 1),
        contact: fc.nat(CONTACTS.length - 1),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('wipe' as const), replica: fc.nat(replicas - 1) }) },
    { weight: 4, arbitrary: fc.record({ type: fc.constant('send' as const), replica: fc.nat(replicas - 1) }) },
    {
      weight: 5,
      arbitrary: fc.record({ type: fc.constant('deliver' as const), message: fc.nat(50), to: fc.nat(replicas - 1) }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('wait' as const), seconds: fc.nat(5) }) },
  );

const valueFor = (key: string, n: number): unknown =>
  key.startsWith('tags/') ? n % 2 === 0 : key === 'fix-company' && n === 0 ? null : `${key} ${n}`;

interface Acknowledged {
  contact: string;
  key: string;
  value: unknown;
  clock: Hlc;
}

/** Runs the ops; returns the replicas, every write each made, and the messages sent. */
function run(ops: Op[], replicas: number, skews: number[]) {
  const browsers = NODES.slice(0, replicas).map((node, i) => new Replica(node, skews[i] ?? 0));
  const acknowledged: Acknowledged[] = [];
  const deletions: Array<{ contact: string; clock: Hlc }> = [];
  const wipes: Hlc[] = [];
  const network: SyncState[] = [];
  let now = 100;
  for (const o of ops) {
    now++;
    switch (o.type) {
      case 'write': {
        const b = browsers[o.replica]!;
        const key = KEYS[o.key]!;
        const clock = b.clock(now);
        const value = valueFor(key, o.value);
        write(b.state, 'contacts', CONTACTS[o.contact]!, key, value, clock);
        acknowledged.push({ contact: CONTACTS[o.contact]!, key, value, clock });
        break;
      }
      case 'delete': {
        const b = browsers[o.replica]!;
        const clock = b.clock(now);
        remove(b.state, 'contacts', CONTACTS[o.contact]!, clock);
        deletions.push({ contact: CONTACTS[o.contact]!, clock });
        break;
      }
      case 'wipe': {
        const b = browsers[o.replica]!;
        const clock = b.clock(now);
        wipeAll(b.state, clock);
        wipes.push(clock);
        break;
      }
      case 'send':
        network.push(copyState(browsers[o.replica]!.state));
        break;
      case 'deliver':
        // Any message, as often as it comes up: out of order and duplicated.
        if (network.length > 0) browsers[o.to]!.receive(network[o.message % network.length]!);
        break;
      case 'wait':
        now += o.seconds * 100;
        break;
    }
  }
  return { browsers, acknowledged, deletions, wipes, network };
}

/** Everyone finally hears from everyone: each browser in its own order of the messages (odd ones backwards). */
function settle(browsers: Replica[], order: number[]): void {
  const finals = browsers.map((b) => copyState(b.state));
  browsers.forEach((to, j) => {
    for (const i of j % 2 === 1 ? [...order].reverse() : order) to.receive(finals[(i + j) % finals.length]!);
  });
}

describe('sync merge (property)', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 3 }),
      fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 3, maxLength: 3 }),
      fc.array(op(3), { maxLength: 80 }),
      fc.array(fc.nat(5), { minLength: 3, maxLength: 9 }),
    ],
    { numRuns: 300 },
  )('any interleaving, delivered in any order and duplicated, converges', (replicas, skews, ops, order) => {
    const { browsers } = run(
      ops.map((o) =>
        'replica' in o
          ? { ...o, replica: o.replica % replicas }
          : o.type === 'deliver'
            ? { ...o, to: o.to % replicas }
            : o,
      ),
      replicas,
      skews,
    );
    // Every message from every browser at least once (order covers them all), then some again.
    settle(browsers, [...browsers.keys(), ...order]);
    const states = browsers.map((b) => canonical(b.state));
    for (const state of states) expect(state).toBe(states[0]);
  });

  test.prop(
    [fc.array(op(3), { maxLength: 80 }), fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 3, maxLength: 3 })],
    {
      numRuns: 300,
    },
  )('no acknowledged edit disappears unless a later edit or deletion replaced it', (ops, skews) => {
    const { browsers, acknowledged, deletions, wipes } = run(ops, 3, skews);
    settle(browsers, [0, 1, 2]);
    const final = browsers[0]!.state;
    for (const edit of acknowledged) {
      const record = final.contacts[edit.contact];
      const register = record?.[edit.key];
      const laterWrite = acknowledged.some(
        (e) => e.contact === edit.contact && e.key === edit.key && e.clock > edit.clock,
      );
      const laterDelete = deletions.some((d) => d.contact === edit.contact && d.clock > edit.clock);
      const laterWipe = wipes.some((w) => w > edit.clock);
      if (!laterWrite && !laterDelete && !laterWipe) {
        expect(register, `${edit.contact} ${edit.key} written at ${edit.clock}`).toEqual({
          v: edit.value,
          c: edit.clock,
        });
      } else if (register) {
        // Whatever is there is at least as new as the edit.
        expect(register.c >= edit.clock).toBe(true);
      }
    }
  });

  test.prop([fc.array(op(3), { maxLength: 60 })], { numRuns: 150 })(
    'a state survives its own encoding for storage.sync while it fits',
    (ops) => {
      const { browsers } = run(ops, 3, [0, 0, 0]);
      settle(browsers, [0, 1, 2]);
      const state = browsers[0]!.state;
      const encoded = encodeState(state);
      expect(encoded.contactsLeft + encoded.notesLeft + encoded.tagsLeft).toBe(0);
      const decoded = decodeItems(JSON.parse(JSON.stringify(encoded.items)) as Record<string, unknown>);
      // Contacts without a tag register (never tagged) are not sent: compare what is.
      const sent = copyState(state);
      for (const id in sent.contacts) {
        if (!Object.keys(sent.contacts[id]!).some((k) => k === DELETED || k.startsWith('tags/')))
          delete sent.contacts[id];
      }
      expect(canonical(decoded)).toBe(canonical(sent));
    },
  );
});

describe('sync merge', () => {
  it('keeps a tag turned on in one browser and another turned on in the other', () => {
    const a = emptyState();
    const b = emptyState();
    write(a, 'contacts', 'jane', 'tags/work', true, '0000010aaaa');
    write(b, 'contacts', 'jane', 'tags/peer', true, '0000011bbbb');
    expect(elementsOf(merged(a, b).contacts.jane, 'tags')).toEqual(['peer', 'work']);
    expect(elementsOf(merged(b, a).contacts.jane, 'tags')).toEqual(['peer', 'work']);
  });

  it('lets a deletion win over older edits only', () => {
    const a = emptyState();
    const b = emptyState();
    write(a, 'contacts', 'jane', 'note', 'old', '0000010aaaa');
    write(a, 'contacts', 'jane', 'tags/work', true, '0000010aaaa');
    remove(b, 'contacts', 'jane', '0000020bbbb');
    write(a, 'contacts', 'jane', 'tags/peer', true, '0000030aaaa');
    const both = merged(a, b);
    expect(valueOf(both.contacts.jane, 'note')).toBeUndefined();
    expect(elementsOf(both.contacts.jane, 'tags')).toEqual(['peer']);
  });

  it('drops deletions after the stated time, and keeps newer ones', () => {
    const state = emptyState();
    remove(state, 'contacts', 'old', '0000010aaaa');
    remove(state, 'contacts', 'new', '00a0000aaaa');
    const now = parseInt('00a0000', 36) + 10;
    expect(pruneTombstones(state, now, hlcSeconds)).toBe(1);
    expect(Object.keys(state.contacts)).toEqual(['new']);
  });

  it('voids every older register after a wipe, everywhere it arrives', () => {
    const a = emptyState();
    write(a, 'contacts', 'jane', 'tags/work', true, '0000010aaaa');
    write(a, 'tags', 'book-club', 'label', 'Book club', '0000010aaaa');
    const b = copyState(a);
    wipeAll(b, '0000020bbbb');
    write(b, 'contacts', 'bram', 'tags/peer', true, '0000021bbbb');
    mergeInto(a, b);
    expect(Object.keys(a.contacts)).toEqual(['bram']);
    expect(a.tags).toEqual({});
  });
});
