import { describe, expect, it } from 'vitest';
import { isParsed, missingOf, readFreshProfile, waitForFreshProfile } from './profile-watch';

const URL_SAM = 'https://www.linkedin.com/in/sam-lee/';

function page(name: string) {
  document.title = `${name} | LinkedIn`;
  document.body.innerHTML = `<main><section class="pv-top-card"><h1 class="text-heading-xlarge">${name}</h1>
    <div class="text-body-medium" data-generated-suggestion-target="x">Headline of ${name}</div></section></main>`;
}

describe('readFreshProfile', () => {
  it('keeps beside the profile what its top card did not yield, for layout health', () => {
    page('Sam Lee');
    expect(missingOf(readFreshProfile(document, URL_SAM, new Set())!)).toEqual(['company', 'location']);
    // The previous person's card after in-page navigation says nothing about the layout.
    page('Jane Doe');
    expect(missingOf(readFreshProfile(document, URL_SAM, new Set(['Jane Doe']))!)).toBeUndefined();
  });

  it('reads the person the page shows', () => {
    page('Sam Lee');
    expect(readFreshProfile(document, URL_SAM, new Set())).toMatchObject({ id: 'sam-lee', name: 'Sam Lee' });
  });

  it('knows only the id while the page still shows the previous person', () => {
    page('Jane Doe');
    expect(readFreshProfile(document, URL_SAM, new Set(['Jane Doe']))).toEqual({
      id: 'sam-lee',
      url: URL_SAM,
      name: '',
      headline: '',
      company: '',
      location: '',
    });
  });

  it('gives exactly what a contact stores (the background takes no other fields)', () => {
    page('Sam Lee');
    expect(Object.keys(readFreshProfile(document, URL_SAM, new Set())!).sort()).toEqual([
      'company',
      'headline',
      'id',
      'location',
      'name',
      'url',
    ]);
  });

  it('keeps the member id the card shows (it finds the contact again when the URL changes)', () => {
    page('Sam Lee');
    const member = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
    document
      .querySelector('.pv-top-card')!
      .insertAdjacentHTML(
        'beforeend',
        `<a href="/search/results/people/?connectionOf=%5B%22${member}%22%5D">500+ connections</a>`,
      );
    expect(readFreshProfile(document, URL_SAM, new Set())).toMatchObject({ id: 'sam-lee', memberId: member });
    // The previous person's card (in-page navigation) gives neither their name nor their member id.
    expect(readFreshProfile(document, URL_SAM, new Set(['Sam Lee']))).not.toHaveProperty('memberId');
  });

  it('gives nothing off profiles', () => {
    page('Jane Doe');
    expect(readFreshProfile(document, 'https://www.linkedin.com/feed/', new Set())).toBeNull();
  });
});

describe('waitForFreshProfile', () => {
  it('resolves when the new person appears', async () => {
    page('Jane Doe');
    const waiting = waitForFreshProfile(document, URL_SAM, new Set(['Jane Doe']), {
      signal: new AbortController().signal,
    });
    setTimeout(() => page('Sam Lee'), 20);
    expect(await waiting).toMatchObject({ id: 'sam-lee', name: 'Sam Lee' });
  });

  it('gives up with the id alone after the timeout', async () => {
    page('Jane Doe');
    const profile = await waitForFreshProfile(document, URL_SAM, new Set(['Jane Doe']), {
      signal: new AbortController().signal,
      timeout: 30,
    });
    expect(profile).toMatchObject({ id: 'sam-lee', name: '' });
  });

  it('resolves with null when the user moves on', async () => {
    page('Jane Doe');
    const moved = new AbortController();
    const waiting = waitForFreshProfile(document, URL_SAM, new Set(['Jane Doe']), { signal: moved.signal });
    moved.abort();
    expect(await waiting).toBeNull();
  });
});

describe('isParsed', () => {
  it('is true only once something follows the element or one of its ancestors', () => {
    // What the parser has built so far: html > body > main > section (still open) > h1.
    document.body.innerHTML = '<main><section id="card"><h1>Sam Lee</h1></section></main>';
    const card = document.getElementById('card')!;
    expect(isParsed(card)).toBe(false);
    card.after(document.createTextNode('\n'));
    expect(isParsed(card)).toBe(true);
    card.nextSibling!.remove();
    card.parentElement!.after(document.createElement('footer'));
    expect(isParsed(card)).toBe(true);
  });
});
