import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { findListCards } from '../../lib/linkedin/list-cards';
import { extractProfile } from '../../lib/linkedin/profile-extract';

/**
 * Lists of people, found by structure: for every list page, exactly the people it shows as cards, in
 * order, each with a name. The project's own small pages (tests/fixtures/linkedin/lists.json) always
 * run; the real pages saved in 2025–2026 (../shared/fixtures/linkedin/lists.json) when ../shared is there.
 */
interface ListPage {
  file: string;
  url: string;
  layout: string;
  people: string[];
}
const root = resolve(__dirname, '../..');
const OWN = resolve(root, 'tests/fixtures/linkedin');
const SHARED = resolve(root, '../shared/fixtures/linkedin');
const sharedExists = existsSync(resolve(SHARED, 'lists.json'));
if (!sharedExists) console.warn(`list conformance: real pages skipped, ${resolve(SHARED, 'lists.json')} is missing`);

const load = (dir: string) =>
  (JSON.parse(readFileSync(resolve(dir, 'lists.json'), 'utf8')) as { lists: ListPage[] }).lists.map((l) => ({
    ...l,
    dir,
  }));

const happy = new Window({
  settings: {
    handleDisabledFileLoadingAsSuccess: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});
afterAll(() => happy.happyDOM.close());

function parse(dir: string, file: string, url: string): Document {
  happy.happyDOM.setURL(url);
  return new happy.DOMParser().parseFromString(
    readFileSync(resolve(dir, file), 'utf8'),
    'text/html',
  ) as unknown as Document;
}

const suites = [
  { name: 'the project’s own list pages', lists: load(OWN), run: true },
  { name: 'real list pages in ../shared', lists: sharedExists ? load(SHARED) : [], run: sharedExists },
];

for (const suite of suites) {
  describe.skipIf(!suite.run)(`list cards: ${suite.name}`, () => {
    it.each(suite.lists.map((l) => [`${l.file} (${l.layout})`, l] as const))('%s', (_, list) => {
      const doc = parse(list.dir, list.file, list.url);
      const cards = findListCards([doc]);
      expect(cards.map((card) => card.id)).toEqual(list.people);
      for (const card of cards) {
        // Each card shows the person's name, and the mark's place is inside that card.
        expect(card.name, card.id).not.toBe('');
        expect(card.card.contains(card.link), card.id).toBe(true);
        // The mark goes beside the link that shows the name, never inside a link.
        expect(card.link.textContent, card.id).toContain(card.name.split(' ')[0]);
        expect(card.link.parentElement!.closest('a'), card.id).toBeNull();
        // No card holds another card.
        expect(cards.filter((other) => other !== card && card.card.contains(other.card))).toEqual([]);
      }
      // A list page is not a profile, whatever its title still says.
      expect(extractProfile(doc, list.url)).toBeNull();
    });
  });
}

describe('list cards: scanned again after infinite scroll', () => {
  const list = load(OWN)[0]!;

  it('leaves out the cards the caller already handled', () => {
    const doc = parse(list.dir, list.file, list.url);
    const [first, ...rest] = findListCards([doc]);
    expect(findListCards([doc], (card) => card !== first!.card).map((card) => card.id)).toEqual([first!.id]);
    expect(findListCards([doc], (card) => card === first!.card).map((card) => card.id)).toEqual(
      rest.map((card) => card.id),
    );
  });

  it('reads a link again when LinkedIn reuses it for another person', () => {
    const doc = parse(list.dir, list.file, list.url);
    expect(findListCards([doc])[0]!.id).toBe(list.people[0]);
    // A recycled card: the same elements, another person.
    for (const link of findListCards([doc])[0]!.card.querySelectorAll('a'))
      if (link.getAttribute('href')?.includes(list.people[0]!)) link.setAttribute('href', '/in/someone-else/');
    expect(findListCards([doc])[0]!.id).toBe('someone-else');
  });
});
