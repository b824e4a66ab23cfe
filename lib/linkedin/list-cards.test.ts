import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ListCard, findListCards, watchListCards } from './list-cards';

/**
 * Infinite scroll: only what LinkedIn added is read, not the whole list again. The full scan (`[document]`)
 * is the conformance's (tests/unit/list-conformance.test.ts); these are the incremental path's.
 */
const FIXTURES = resolve(__dirname, '../../tests/fixtures/linkedin');
const SHARED = resolve(__dirname, '../../../shared/fixtures/linkedin');
const SEARCH_URL = 'https://www.linkedin.com/search/results/people/?keywords=founder';

interface ListPage {
  file: string;
  url: string;
  people: string[];
}
const lists = (dir: string) =>
  existsSync(resolve(dir, 'lists.json'))
    ? (JSON.parse(readFileSync(resolve(dir, 'lists.json'), 'utf8')) as { lists: ListPage[] }).lists.map((l) => ({
        ...l,
        dir,
      }))
    : [];

/**
 * Shows `html` as the page at `url`, in the test's own document (so MutationObserver and frames are real),
 * without what a saved page would load (parsed in an inert template; frames, scripts and styles left out).
 */
function show(url: string, html: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('iframe,script,link,style')) element.remove();
  document.body.replaceChildren(template.content);
}

const ids = (cards: ListCard[]) => cards.map((card) => card.id);
/** A card of Ember's people search (as tests/fixtures/linkedin/list-search.html), in pieces. */
const picture = (id: string) => `<div class="c2"><a href="https://www.linkedin.com/in/${id}"><img alt=""></a></div>`;
const name = (id: string, text: string) =>
  `<div class="c5"><span class="t6"><a href="https://www.linkedin.com/in/${id}"><span dir="ltr"><span aria-hidden="true">${text}</span></span></a></span></div>`;
const fragment = (html: string) => document.createRange().createContextualFragment(html);

describe('findListCards on what LinkedIn added', () => {
  it.each([...lists(FIXTURES), ...lists(SHARED)].map((l) => [l.file, l] as const))(
    '%s: the cards added later, and only those',
    (_, list) => {
      show(list.url, readFileSync(resolve(list.dir, list.file), 'utf8'));
      const all = findListCards([document]);
      expect(ids(all)).toEqual(list.people);
      // The second half leaves the page; the first half is what the caller has handled.
      const half = Math.ceil(all.length / 2);
      const later = all.slice(half).map(({ card }) => ({ card, parent: card.parentNode!, next: card.nextSibling }));
      for (const { card } of later) card.remove();
      const handled = new Set(findListCards([document]).map(({ card }) => card));
      expect(handled.size).toBe(half);
      // Infinite scroll brings them back: each card is a node added.
      for (const { card, parent, next } of [...later].reverse()) parent.insertBefore(card, next);
      const found = findListCards(
        later.map(({ card }) => card),
        (card) => handled.has(card),
      );
      expect(ids(found)).toEqual(list.people.slice(half));
      expect(found.map((card) => card.name)).toEqual(all.slice(half).map((card) => card.name));
      // A node added inside a card already handled (a button, a status line) finds nothing new.
      const inside = document.createElement('span');
      all[0]!.card.append(inside);
      expect(findListCards([inside], (card) => handled.has(card))).toEqual([]);
    },
  );

  it('finds a card added in pieces: the container first, its links later, the name last', () => {
    show(SEARCH_URL, readFileSync(resolve(FIXTURES, 'list-search.html'), 'utf8'));
    const list = document.querySelector('main ul')!;
    const known = new Set(findListCards([document]).map(({ card }) => card));
    const handled = (card: Element) => known.has(card);
    // The container, still empty: no card yet.
    const item = document.createElement('li');
    list.append(item);
    expect(findListCards([item], handled)).toEqual([]);
    // The picture's link: the person's, but no name yet.
    const first = fragment(picture('late-comer'));
    const pictureDiv = first.firstElementChild!;
    item.append(first);
    expect(findListCards([pictureDiv], handled)).toEqual([]);
    // The name's link, with its text still to come.
    const second = fragment(name('late-comer', ''));
    const nameDiv = second.firstElementChild!;
    item.append(second);
    expect(findListCards([nameDiv], handled)).toEqual([]);
    // The name arrives as a text node inside the link.
    const text = document.createTextNode('Late Comer');
    nameDiv.querySelector('[aria-hidden]')!.append(text);
    const [card, ...more] = findListCards([text], handled);
    expect(more).toEqual([]);
    expect(card).toMatchObject({ id: 'late-comer', name: 'Late Comer', card: item });
  });

  it('finds the first card of a list that arrived alone, once a second one makes it a list', () => {
    show(SEARCH_URL, '<main><ul></ul></main>');
    const list = document.querySelector('main ul')!;
    const card = (id: string, text: string) => {
      const item = document.createElement('li');
      item.append(fragment(picture(id)), fragment(name(id, text)));
      list.append(item);
      return item;
    };
    const handled = new Set<Element>();
    const scan = (node: Node) =>
      findListCards([node], (element) => handled.has(element)).map((found) => {
        handled.add(found.card);
        return found.id;
      });
    expect(scan(card('first-one', 'First One'))).toEqual([]);
    expect(scan(card('second-one', 'Second One'))).toEqual(['second-one', 'first-one']);
    expect(scan(card('third-one', 'Third One'))).toEqual(['third-one']);
  });

  it('does not take a lone person added beside the list for a card', () => {
    show(SEARCH_URL, readFileSync(resolve(FIXTURES, 'list-search.html'), 'utf8'));
    const aside = fragment(`<aside>${picture('someone-aside')}${name('someone-aside', 'Someone Aside')}</aside>`);
    const added = aside.firstElementChild!;
    document.querySelector('main')!.append(aside);
    expect(findListCards([added])).toEqual([]);
  });

  it('tells where the name runs inline to the end of its link, and where it has a block of its own', () => {
    show(SEARCH_URL, readFileSync(resolve(FIXTURES, 'list-search.html'), 'utf8'));
    expect(findListCards([document]).map(({ inline }) => inline)).toEqual([true, true, true, true]);
    show(
      'https://www.linkedin.com/company/atelier/people/',
      readFileSync(resolve(FIXTURES, 'list-company-people.html'), 'utf8'),
    );
    expect(findListCards([document]).map(({ inline }) => inline)).toEqual([false, false, false]);
  });

  it('reads a card again for the person LinkedIn now shows in it', () => {
    show(SEARCH_URL, readFileSync(resolve(FIXTURES, 'list-search.html'), 'utf8'));
    const all = findListCards([document]);
    const ana = all[0];
    // Every card is handled, each for the person it showed.
    const known = (card: Element, id: string) => all.some((found) => found.card === card && found.id === id);
    for (const link of ana!.card.querySelectorAll('a[href*="ana-silva"]')) link.setAttribute('href', '/in/eva-lind/');
    expect(findListCards([ana!.card], known).map(({ id, card }) => ({ id, card }))).toEqual([
      { id: 'eva-lind', card: ana!.card },
    ]);
  });
});

describe('watchListCards', () => {
  let stop: AbortController;
  let calls: string[][];
  const watch = (known: (card: Element) => boolean = () => false) =>
    watchListCards((cards) => calls.push(ids(cards)), known, stop.signal);
  /** The next frame, after the watcher's scan. */
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));

  beforeEach(() => {
    stop = new AbortController();
    calls = [];
    show(SEARCH_URL, readFileSync(resolve(FIXTURES, 'list-search.html'), 'utf8'));
  });
  afterEach(() => stop.abort());

  it('reads the whole page once, then only the cards LinkedIn adds', async () => {
    const seen = new Set<Element>();
    watchListCards(
      (cards) => {
        calls.push(ids(cards));
        for (const { card } of cards) seen.add(card);
      },
      (card) => seen.has(card),
      stop.signal,
    );
    expect(calls).toEqual([['ana-silva', 'bart-de-vries', 'chloé-martin-12ab', 'dev-patel']]);
    const list = document.querySelector('main ul')!;
    list.append(fragment(`<li>${picture('eva-lind')}${name('eva-lind', 'Eva Lind')}</li>`));
    list.append(fragment(`<li>${picture('finn-berg')}${name('finn-berg', 'Finn Berg')}</li>`));
    await frame();
    expect(calls.slice(1)).toEqual([['eva-lind', 'finn-berg']]);
    // A card added in pieces, over several frames.
    const item = document.createElement('li');
    list.append(item);
    await frame();
    item.append(fragment(picture('gus-ode') + name('gus-ode', 'Gus Ode')));
    await frame();
    expect(calls.slice(2)).toEqual([[], ['gus-ode']]);
  });

  it('tells the caller when LinkedIn only took cards away, and stops when the page view ends', async () => {
    watch();
    document.querySelector('main li')!.remove();
    await frame();
    expect(calls).toEqual([['ana-silva', 'bart-de-vries', 'chloé-martin-12ab', 'dev-patel'], []]);
    stop.abort();
    document.querySelector('main ul')!.append(fragment(`<li>${picture('eva-lind')}${name('eva-lind', 'Eva')}</li>`));
    await frame();
    expect(calls).toHaveLength(2);
  });

  it('reads a link again when LinkedIn points it at another person', async () => {
    const known = new Set<Element>();
    watchListCards(
      (cards) => {
        calls.push(ids(cards));
        for (const { card } of cards) known.add(card);
      },
      (card) => known.has(card) && !card.querySelector('a[href*="eva-lind"]'),
      stop.signal,
    );
    for (const link of document.querySelectorAll('a[href*="dev-patel"]')) link.setAttribute('href', '/in/eva-lind/');
    await frame();
    expect(calls.slice(1)).toEqual([['eva-lind']]);
  });

  it('is not woken by its caller’s own insertions', async () => {
    watchListCards(
      (cards) => {
        calls.push(ids(cards));
        for (const { link } of cards) link.after(document.createElement('span'));
      },
      () => false,
      stop.signal,
    );
    await frame();
    await frame();
    expect(calls).toHaveLength(1);
  });
});

describe('names in other UI languages and scripts', () => {
  const PEOPLE = [
    ['layla-haddad', '\u200fليلى حداد\u200f', 'ليلى حداد', 'عرض الملف الشخصي لـ ليلى حداد', 'الحالة: غير متصل'],
    ['hanako-sato', '佐藤 花子', '佐藤 花子', '佐藤 花子さんのプロフィールを表示', 'ステータス: オフライン'],
    ['wang-xiaoming', '王小明', '王小明', '查看王小明的档案', '状态：离线'],
    ['camille-roux', 'Camille Roux', 'Camille Roux', 'Voir le profil de Camille Roux', 'Statut : hors ligne'],
    ['lena-fischer', 'Lena Fischer', 'Lena Fischer', 'Profil von Lena Fischer anzeigen', 'Status: offline'],
  ] as const;

  it('reads the name, not the hidden "View …’s profile" after it (people search, Ember)', () => {
    show(
      SEARCH_URL,
      `<main><ul>${PEOPLE.map(
        ([id, shown, , view, status]) => `<li>
          <div><a href="/in/${id}/"><div><img alt=""><div><span class="v4">${status}</span></div></div></a></div>
          <div><a href="/in/${id}/"><span dir="auto"><span aria-hidden="true">${shown}</span><span class="v4">${view}</span></span></a> <span>· 2e</span></div>
        </li>`,
      ).join('')}</ul></main>`,
    );
    expect(findListCards([document]).map(({ id, name }) => [id, name])).toEqual(
      PEOPLE.map(([id, , name]) => [id, name]),
    );
  });

  it('reads the name where an icon sits in the name’s own box (an svg is no picture)', () => {
    show(
      SEARCH_URL,
      `<main><ul>${PEOPLE.map(
        ([id, shown, , view]) => `<li><a href="/in/${id}/"><span><span aria-hidden="true">${shown}<svg></svg></span>
          <span class="v4">${view}</span></span></a><p>Headline</p></li>`,
      ).join('')}</ul></main>`,
    );
    expect(findListCards([document]).map(({ id, name }) => [id, name])).toEqual(
      PEOPLE.map(([id, , name]) => [id, name]),
    );
  });

  it('reads the name, not the online status, where one link holds the picture and the name', () => {
    show(
      SEARCH_URL,
      `<main><ul>${PEOPLE.map(
        ([id, shown, , , status]) => `<li><a href="/in/${id}/">
          <div><img alt=""><div><span>${status}</span></div></div>
          <div><span aria-hidden="true">${shown}</span></div></a><p>Headline</p></li>`,
      ).join('')}</ul></main>`,
    );
    expect(findListCards([document]).map(({ id, name }) => [id, name])).toEqual(
      PEOPLE.map(([id, , name]) => [id, name]),
    );
  });
});
