import { describe, expect, it } from 'vitest';
import { LIMITS, isValidContactId, nameOnlyId, nthNameOnlyId } from './contact';
import { cutText } from './text';

describe('name-only ids', () => {
  it('are bounded, so every writer accepts them, even for a very long name', () => {
    const id = nameOnlyId(`${'Ève '.repeat(200)}Last`);
    expect(id.length).toBeLessThanOrEqual(LIMITS.nameOnlyId);
    expect(isValidContactId(id)).toBe(true);
    expect(isValidContactId(nthNameOnlyId(id, 99_999))).toBe(true);
  });

  it('are stable: the same name, spelled loosely, is the same id', () => {
    expect(nameOnlyId('  Zoë   NG ')).toBe('name:zoe ng');
    expect(nameOnlyId('x'.repeat(500))).toBe(nameOnlyId('X'.repeat(600)));
  });

  it('number a second person of the same name', () => {
    expect(nthNameOnlyId('name:john smith', 1)).toBe('name:john smith');
    expect(nthNameOnlyId('name:john smith', 2)).toBe('name:john smith#2');
  });

  it('are cut after normalizing, which can lengthen a name (ligatures spelled out)', () => {
    expect(nameOnlyId('ﬃ'.repeat(150)).length).toBeLessThanOrEqual(205);
  });
});

describe('cutText', () => {
  it('keeps short texts and cuts long ones at the limit', () => {
    expect(cutText('abc', 5)).toBe('abc');
    expect(cutText('abcdef', 5)).toBe('abcde');
  });

  it('never splits a character made of two code units', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('ab😀c', 4)).toBe('ab😀');
  });
});
