import { describe, expect, it } from 'vitest';
import { isTypingTarget, tagShortcuts } from './tag-keys';
import { DEFAULT_TAXONOMY, type Tag } from './taxonomy';

describe('tagShortcuts', () => {
  it('gives relationships digits and purposes letters of their labels', () => {
    const keys = tagShortcuts(DEFAULT_TAXONOMY);
    expect(Object.fromEntries(keys)).toEqual({
      work: 'g', // Gets work done
      growth: 'c', // Career resilience
      purpose: 's', // Shared purpose
      belonging: 'b',
      impact: 'o', // Societal impact: s is taken, o is next
      mentor: '1',
      'way-shower': '2',
      peer: '3',
      colleague: '4',
      client: '5',
      industry: '6',
      mentee: '7',
      sponsor: '8',
      friend: '9',
    });
  });

  it('never uses n or p, and stops digits at 9', () => {
    const tags: Tag[] = [
      { ...DEFAULT_TAXONOMY[0]!, id: 'np', label: 'NP' },
      ...Array.from({ length: 11 }, (_, i) => ({ ...DEFAULT_TAXONOMY[5]!, id: `r${i}` })),
    ];
    const keys = tagShortcuts(tags);
    expect(keys.get('np')).toBe('a');
    expect(keys.get('r8')).toBe('9');
    expect(keys.has('r9')).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields only', () => {
    const make = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild;
    };
    expect(isTypingTarget(make('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(make('<input type="text">'))).toBe(true);
    expect(isTypingTarget(make('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(make('<button></button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('purpose letters for other labels', () => {
  it('takes the first free letter of the label, then any free letter', () => {
    const purposes = ['Networking', 'Purpose', 'Éclair', 'ee', '42'].map((label, i) => ({
      ...DEFAULT_TAXONOMY[0]!,
      id: `p${i}`,
      label,
    }));
    expect([...tagShortcuts(purposes).values()]).toEqual(['e', 'u', 'c', 'a', 'b']);
  });
});
