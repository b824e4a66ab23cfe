import { describe, expect, it } from 'vitest';
import { newContact } from '../model/contact';
import { buildExport, exportFileName } from './export-format';
import { DEFAULT_TAXONOMY } from '../model/taxonomy';

describe('buildExport', () => {
  it('orders taxonomy and contacts stably', () => {
    const now = new Date('2026-11-22T10:00:00.000Z');
    const shuffled = [...DEFAULT_TAXONOMY].reverse();
    const contacts = [newContact('zoe', 'T'), newContact('abe', 'T'), newContact('Émile'.toLowerCase(), 'T')];
    const file = buildExport(shuffled, contacts, now);
    expect(file.taxonomy.map((t) => t.id)).toEqual(DEFAULT_TAXONOMY.map((t) => t.id));
    expect(file.contacts.map((c) => c.id)).toEqual(['abe', 'zoe', 'émile']);
    expect(file.exportedAt).toBe('2026-11-22T10:00:00.000Z');
  });
});

describe('exportFileName', () => {
  it('uses the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('kindred-2026-01-05.json');
  });
});
