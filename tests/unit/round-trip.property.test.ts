import { pageTabs } from '../support/fake-client';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { handleMessage } from '../../lib/protocol/handler';
import type { KindredDB } from '../../lib/storage/db';
import { exportAll } from '../../lib/storage/store';
import { freshDB } from '../support/db-helpers';

/**
 * Every export restores, whatever was written before it: random sequences of every kind of write,
 * sent through the background's handler as Kindred's own page sends them (odd Connections.csv rows,
 * files with bad contacts and clashing tags included), then Export JSON, import into an empty
 * database, export again: the two files are equal, always.
 */

const SELF = { id: 'kindred', origin: 'chrome-extension://kindred/' };
const PAGE = { id: 'kindred', url: 'chrome-extension://kindred/options.html' };
const EXPORTED_AT = new Date('2027-01-01T00:00:00.000Z');

/** A write, made into a message from what the database holds when it is sent (which contact, which tags). */
type Write = (state: State) => unknown;
interface State {
  contactIds: string[];
  tags: Array<{ id: string; dimension: 'purpose' | 'relationship' }>;
}

/** The messages sent, long texts shortened, for the failure message of a counterexample. */
const shown = (messages: unknown[]) =>
  JSON.stringify(messages, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 120 ? `${value.slice(0, 60)}…(${value.length})` : value,
  );

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];

const slug = fc.oneof(
  fc.constantFrom('jane-doe', 'bram', 'chloé-martin', 'acoaab-not-a-urn', 'zoë_ng.1'),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,40}$/),
);
const name = fc.oneof(
  fc.constantFrom('Jane Doe', 'John Smith', 'Zoë Ng', 'JOHN  smith', '', 'ﬁona ﬂynn'),
  fc.string({ maxLength: 40 }),
);
/** Short, right at the limit, or (sometimes over it) in emoji and other multi-unit characters. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ minLength: max - 2, maxLength: max }),
    fc.string({ maxLength: Math.floor(max / 3), unit: 'grapheme' }),
  );
const dimension = fc.constantFrom('purpose' as const, 'relationship' as const);

/** A Connections.csv cell: a date in some export language, or not a date at all. */
const connectedOn = fc.oneof(
  fc.constantFrom(
    '',
    '09 Oct 2024',
    '09 okt 2024',
    '09 Okt. 2024',
    '09 oct. 2024',
    '09 out 2024',
    '09 paź 2024',
    '1/8/18, 6:14 PM',
    '31 Feb 2024',
    'gisteren',
    '2024-10-09',
  ),
  fc.string({ maxLength: 150 }),
);
const csvRow = fc.record({
  first: fc.oneof(name, fc.string({ minLength: 300, maxLength: 400 })),
  last: name,
  url: fc.oneof(
    fc.constant(''),
    slug.map((s) => `https://www.linkedin.com/in/${encodeURIComponent(s)}/`),
    fc.constant('https://evil.example/in/x'),
  ),
  company: fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 190, maxLength: 260 })),
  position: fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 480, maxLength: 700, unit: 'grapheme' })),
  connectedOn,
});
const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

const writes: fc.Arbitrary<Write> = fc.oneof(
  fc
    .record({ id: slug, subdomain: fc.boolean(), name, headline: anyText(500), company: anyText(200) })
    .map((p) => () => ({
      type: 'recordSeen',
      profile: {
        id: p.id,
        url: `https://${p.subdomain ? 'nl' : 'www'}.linkedin.com/in/${encodeURIComponent(p.id)}/${p.subdomain ? '?trk=x' : ''}`,
        name: p.name,
        headline: p.headline,
        company: p.company,
        location: '',
      },
    })),
  fc
    .record({ c: fc.nat(), t: fc.nat(), on: fc.boolean(), fresh: fc.option(slug) })
    .map(({ c, t, on, fresh }) => (s: State) => ({
      type: 'setTag',
      contactId: fresh ?? pick(s.contactIds, c) ?? 'nobody',
      tagId: pick(s.tags, t)?.id,
      on,
    })),
  fc
    .record({ c: fc.nat(), note: anyText(10_000) })
    .map(({ c, note }) => (s: State) => ({ type: 'setNote', contactId: pick(s.contactIds, c) ?? 'somebody', note })),
  fc
    .record({ cs: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), t: fc.nat(), on: fc.boolean() })
    .map(({ cs, t, on }) => (s: State) => ({
      type: 'bulkSetTag',
      contactIds: [...new Set(cs.map((c) => pick(s.contactIds, c) ?? 'nobody'))],
      tagId: pick(s.tags, t)?.id,
      on,
    })),
  // A correction in the panel, or "Use LinkedIn's" (null).
  fc
    .record({
      c: fc.nat(),
      field: fc.constantFrom('name' as const, 'headline' as const, 'company' as const),
      value: fc.option(fc.oneof(name, anyText(200)), { nil: null }),
    })
    .map(({ c, field, value }) => (s: State) => ({
      type: 'correctField',
      contactId: pick(s.contactIds, c) ?? 'somebody',
      field,
      value,
    })),
  fc.nat().map((c) => (s: State) => ({ type: 'deleteContact', contactId: pick(s.contactIds, c) ?? 'nobody' })),
  // Keep in touch: touches (some in the future, refused), their undo, rhythms, snoozes.
  fc
    .record({
      c: fc.nat(),
      daysAgo: fc.integer({ min: -2, max: 800 }),
      channel: fc.constantFrom(undefined, 'message', 'call', 'meeting', 'email', 'event'),
      remove: fc.boolean(),
    })
    .map(({ c, daysAgo, channel, remove }) => (s: State) => ({
      type: remove ? 'removeTouch' : 'logTouch',
      contactId: pick(s.contactIds, c) ?? 'somebody',
      on: new Date(Date.parse('2026-06-01T12:00:00.000Z') - daysAgo * 86_400_000).toISOString().slice(0, 10),
      ...(channel ? { channel } : {}),
    })),
  fc
    .record({ c: fc.nat(), days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }) })
    .map(({ c, days }) => (s: State) => ({
      type: 'setPersonRhythm',
      contactId: pick(s.contactIds, c) ?? 'somebody',
      rhythmDays: days,
    })),
  fc.record({ c: fc.nat(), snoozed: fc.boolean() }).map(({ c, snoozed }) => (s: State) => ({
    type: 'snoozeContact',
    contactId: pick(s.contactIds, c) ?? 'somebody',
    snoozed,
  })),
  fc
    .record({ t: fc.nat(), days: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }) })
    .map(({ t, days }) => (s: State) => ({ type: 'setTagRhythm', tagId: pick(s.tags, t)?.id, rhythmDays: days })),
  fc
    .record({ dimension, label: fc.constantFrom('Mentor', 'Coach', 'Book club', 'Work', '  Zoë  ') })
    .map(({ dimension, label }) => () => ({ type: 'addTag', dimension, label, description: '', color: '#123456' })),
  fc
    .record({ t: fc.nat(), label: fc.constantFrom('Guide', 'Renamed'), archived: fc.boolean() })
    .map(({ t, label, archived }) => (s: State) => ({
      type: 'updateTag',
      tagId: pick(s.tags, t)?.id,
      changes: { label, archived },
    })),
  fc.record({ dimension, seed: fc.nat() }).map(({ dimension, seed }) => (s: State) => {
    const ids = s.tags.filter((tag) => tag.dimension === dimension).map((tag) => tag.id);
    const order = ids.map((id, i) => ({ id, key: (i * 7919 + seed) % 101 })).sort((a, b) => a.key - b.key);
    return { type: 'reorderTags', dimension, ids: order.map((o) => o.id) };
  }),
  fc.array(csvRow, { maxLength: 6 }).map((rows) => () => {
    const lines = rows.map((r) =>
      [r.first, r.last, r.url, '', r.company, r.position, r.connectedOn].map(quote).join(','),
    );
    // Some rows twice: the same person listed again, or two people of the same name.
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...lines,
      ...lines.slice(0, 1),
    ];
    return { type: 'importConnections', text: text.join('\n') };
  }),
  fc
    .record({
      version: fc.constantFrom(1, 2),
      mode: fc.constantFrom('merge', 'replace'),
      skipInvalid: fc.boolean(),
      clash: fc.boolean(),
      contacts: fc.array(
        fc.record({
          id: fc.oneof(
            slug,
            name.map((n) => `name:${n.toLowerCase()}`),
          ),
          headline: anyText(500),
          connectedOn: fc.option(connectedOn, { nil: undefined }),
          tags: fc.subarray(['growth', 'mentor', 'coach', 'book-club']),
          source: fc.constantFrom('linkedin-connections', undefined),
          pageValues: fc.option(fc.record({ company: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }), {
            nil: undefined,
          }),
          // The network review (issue 16).
          reviewedAt: fc.constantFrom(undefined, '2026-05-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z'),
          // The URLs the person was known under before (a move or merge of one member's contacts).
          formerIds: fc.option(fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }), { nil: undefined }),
          keepInTouch: fc.option(
            fc.record(
              {
                touches: fc.constantFrom(
                  [{ on: '2025-01-01' }],
                  [{ on: '2024-02-29', channel: 'call' }, { on: '2026-01-01' }],
                ),
                firstTaggedAt: fc.constant('2025-12-31T23:30:00.000Z'),
                rhythmDays: fc.integer({ min: 0, max: 3650 }),
                snoozedUntil: fc.constant('2026-06-10'),
              },
              { requiredKeys: [] },
            ),
            { nil: undefined },
          ),
        }),
        { maxLength: 4 },
      ),
      purposeStatement: fc.option(anyText(500), { nil: undefined }),
      snapshots: fc.subarray(['2026-08', '2026-09', '2026-10']),
    })
    .map((file) => () => {
      // `coach` is a purpose in this file; `mentor` too when the file clashes with the database.
      const taxonomy = [
        { id: 'coach', dimension: 'purpose', label: 'Coach' },
        { id: 'book-club', dimension: 'relationship', label: 'Book club', rhythmDays: 30 },
        ...(file.clash ? [{ id: 'mentor', dimension: 'purpose', label: 'Mentor (purpose)' }] : []),
      ];
      const dimensionOf = (id: string) =>
        taxonomy.find((tag) => tag.id === id)?.dimension ?? (id === 'growth' ? 'purpose' : 'relationship');
      const contacts = file.contacts.map((c) => ({
        id: c.id,
        headline: c.headline,
        purposes: c.tags.filter((t) => dimensionOf(t) === 'purpose'),
        relationships: c.tags.filter((t) => dimensionOf(t) === 'relationship'),
        createdAt: '2026-01-01T00:00:00.000Z',
        ...(c.connectedOn === undefined ? {} : { connectedOn: c.connectedOn }),
        ...(c.source ? { source: c.source } : {}),
        ...(c.pageValues ? { pageValues: c.pageValues } : {}),
        ...(c.reviewedAt ? { reviewedAt: c.reviewedAt } : {}),
        ...(c.formerIds?.some((id) => id !== c.id) ? { formerIds: c.formerIds.filter((id) => id !== c.id) } : {}),
        ...c.keepInTouch,
      }));
      const snapshots = file.snapshots.map((month, n) => ({
        month,
        known: n + 1,
        tagged: n + 1,
        work: n,
        growth: 1,
        both: 0,
        tags: { growth: 1 },
      }));
      const extras = {
        ...(file.purposeStatement === undefined ? {} : { purposeStatement: file.purposeStatement }),
        ...(snapshots.length ? { snapshots } : {}),
      };
      const text = JSON.stringify({ format: 'kindred', version: file.version, taxonomy, ...extras, contacts });
      return { type: 'importKindred', text, mode: file.mode, skipInvalid: file.skipInvalid };
    }),
);

async function stateOf(db: KindredDB): Promise<State> {
  return {
    contactIds: (await db.contacts.toCollection().primaryKeys()).sort(),
    tags: (await db.taxonomy.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('every export restores', () => {
  test.prop([fc.array(writes, { minLength: 1, maxLength: 12 })], { numRuns: 150 })(
    'export, import into an empty database, export again: equal',
    async (sequence) => {
      const db = freshDB();
      const restored = freshDB();
      try {
        let clock = Date.parse('2026-06-01T00:00:00.000Z');
        const sent: unknown[] = [];
        for (const write of sequence) {
          const message = write(await stateOf(db));
          sent.push(message);
          const reply = await handleMessage(db, message, PAGE, SELF, new Date((clock += 60_000)), pageTabs());
          // Refusing bad input is fine; the guard refusing what a writer made is a bug in that writer.
          if (!reply.ok) expect(reply.error, shown(sent)).not.toMatch(/could not save/);
        }
        const first = JSON.stringify(await exportAll(db, EXPORTED_AT));
        const reply = await handleMessage(
          restored,
          { type: 'importKindred', text: first, mode: 'replace' },
          PAGE,
          SELF,
          new Date(clock + 60_000),
          pageTabs(),
        );
        expect(reply, shown(sent)).toMatchObject({ ok: true, value: { outcome: 'imported', skippedCount: 0 } });
        const second = JSON.stringify(await exportAll(restored, EXPORTED_AT));
        // Field by field first, for a readable difference; then the very text.
        expect(JSON.parse(second), shown(sent)).toEqual(JSON.parse(first));
        expect(second).toBe(first);
      } finally {
        db.close();
        restored.close();
      }
    },
    // 150 sequences take about 8 s; shrinking a failure takes longer.
    60_000,
  );
});
