import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../../tests/support/db-helpers';
import type { KindredDB } from './db';
import { addTag, loadTaxonomy, reorderTags, slugify, updateTag } from './taxonomy-store';
import { bulkSetTag, deleteContact, recordSeen, setTag } from './store';
import { getContact } from './contact-view';
import { loadCompanySpread } from './page-reads';

const T = '2026-01-01T00:00:00.000Z';
let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

const seen = (id: string, name = id, company = '', at = T) =>
  recordSeen(db, { id, url: `https://www.linkedin.com/in/${id}/`, name, headline: '', company, location: '' }, at);

describe('taxonomy edits', () => {
  it('renames and recolours without changing ids; contacts keep their tags', async () => {
    await setTag(db, 'jane', 'mentor', true, T);
    await updateTag(db, 'mentor', { label: 'Guide', color: '#123456' });
    const view = await getContact(db, 'jane');
    expect(view.taxonomy.find((t) => t.id === 'mentor')).toMatchObject({ label: 'Guide', color: '#123456' });
    expect(view.contact?.relationships).toEqual(['mentor']);
  });

  it('archived tags leave the panel but stay on contacts, and come back when restored', async () => {
    await setTag(db, 'jane', 'friend', true, T);
    await updateTag(db, 'friend', { archived: true });
    let view = await getContact(db, 'jane');
    expect(view.taxonomy.map((t) => t.id)).not.toContain('friend');
    expect(view.contact?.relationships).toEqual(['friend']);
    await updateTag(db, 'friend', { archived: false });
    view = await getContact(db, 'jane');
    expect(view.taxonomy.map((t) => t.id)).toContain('friend');
  });

  it('adds custom tags with stable ids made from the label, at the end of their dimension', async () => {
    const first = await addTag(db, {
      dimension: 'relationship',
      label: 'Book club',
      description: '',
      color: '#111111',
    });
    const second = await addTag(db, {
      dimension: 'relationship',
      label: 'Book Club!',
      description: '',
      color: '#222222',
    });
    const other = await addTag(db, { dimension: 'purpose', label: '读书会', description: '', color: '#333333' });
    expect([first.id, second.id, other.id]).toEqual(['book-club', 'book-club-2', 'tag']);
    expect(first.order).toBe(9);
    expect(second.order).toBe(10);
    expect(other.order).toBe(5);
    await setTag(db, 'jane', 'book-club', true, T);
    expect((await getContact(db, 'jane')).contact?.relationships).toEqual(['book-club']);
  });

  it('reorders a dimension and refuses an incomplete order', async () => {
    const ids = (await loadTaxonomy(db)).filter((t) => t.dimension === 'purpose').map((t) => t.id);
    await reorderTags(db, 'purpose', [...ids].reverse());
    expect((await loadTaxonomy(db)).filter((t) => t.dimension === 'purpose').map((t) => t.id)).toEqual(
      [...ids].reverse(),
    );
    const before = await snapshot(db);
    await expect(reorderTags(db, 'purpose', ids.slice(1))).rejects.toThrow('every purpose tag exactly once');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses to edit an unknown tag', async () => {
    await expect(updateTag(db, 'nope', { label: 'X' })).rejects.toThrow('Unknown tag "nope"');
  });

  it('slugify', () => {
    expect(slugify('  Zoë’s  Crew ')).toBe('zoe-s-crew');
  });
});

describe('bulk tagging and deleting', () => {
  it('tags many contacts in one go and counts only real changes', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => seen(id)));
    await setTag(db, 'b', 'peer', true, T);
    expect(await bulkSetTag(db, ['a', 'b', 'c'], 'peer', true, T)).toEqual({ changed: 2 });
    expect(await bulkSetTag(db, ['a', 'c'], 'peer', false, T)).toEqual({ changed: 2 });
    expect((await db.contacts.get('b'))?.relationships).toEqual(['peer']);
  });

  it('changes nothing when one contact is unknown', async () => {
    await seen('a');
    const before = await snapshot(db);
    await expect(bulkSetTag(db, ['a', 'ghost'], 'peer', true, T)).rejects.toThrow('Unknown contact "ghost"');
    expect(await snapshot(db)).toEqual(before);
  });

  it('deletes one contact', async () => {
    await seen('a');
    await seen('b');
    await deleteContact(db, 'a');
    expect(await db.contacts.toCollection().primaryKeys()).toEqual(['b']);
  });
});

describe('insight queries', () => {
  it('company spread comes from the company index', async () => {
    await seen('a', 'A', 'Acme');
    await seen('b', 'B', 'Acme');
    await seen('c', 'C', 'Globex');
    await seen('d', 'D');
    expect(await loadCompanySpread(db)).toMatchObject({
      withCompany: 3,
      companies: 2,
      top: [
        { company: 'Acme', count: 2 },
        { company: 'Globex', count: 1 },
      ],
    });
  });
});
