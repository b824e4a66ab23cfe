import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractProfile, extractProfileFields, findTopCard, isStandInPage, nameFromTitle } from './profile-extract';
import { fold } from '../model/text';

// Hand-written pages, one per layout generation; the people are invented.
const dir = resolve(__dirname, '../../tests/fixtures/linkedin');
interface Case {
  file: string;
  url: string;
  layout: string;
  expect: Record<string, string | boolean>;
}
const { cases } = JSON.parse(readFileSync(resolve(dir, 'cases.json'), 'utf8')) as { cases: Case[] };

const happy = new Window({
  settings: { handleDisabledFileLoadingAsSuccess: true, disableJavaScriptFileLoading: true },
});
afterAll(() => happy.happyDOM.close());

function parse(html: string): Document {
  return new happy.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const fixture = (file: string) => parse(readFileSync(resolve(dir, file), 'utf8'));
/** Entities decoded and whitespace folded, as cases.json's how_to_match says. */
const normalise = (value: string) => fold(parse(`<p>${value.replace(/</g, '&lt;')}</p>`).body.textContent ?? '');

const URN = 'ACoAAB3xYzQ8wLk5NmRt7VbP2sHd9FgJc4Ke1Uo';
const urnUrl = `https://www.linkedin.com/in/${URN}/`;

describe('extractProfile on the fixtures of tests/fixtures/linkedin', () => {
  it.each(cases.map((c) => [c.layout, c] as const))('%s', (_layout, c) => {
    const doc = fixture(c.file);
    const profile = extractProfile(doc, c.url);
    if (c.expect.profile === false) {
      expect(profile).toBeNull();
      expect(extractProfileFields(doc)).toEqual({ name: '', headline: '', company: '', location: '' });
      expect(findTopCard(doc)).toBeNull();
      return;
    }
    expect(profile).not.toBeNull();
    for (const [field, value] of Object.entries(c.expect)) {
      const actual = String((profile as unknown as Record<string, unknown>)[field] ?? '');
      expect({ field, value: normalise(actual) }).toEqual({ field, value: normalise(String(value)) });
    }
  });

  it.each(cases.filter((c) => c.expect.profile !== false && c.file !== 'stale-jsonld.html').map((c) => c.file))(
    'finds the top card of %s: it holds the name and is not the whole page',
    (file) => {
      const doc = fixture(file);
      const card = findTopCard(doc);
      expect(card?.textContent).toContain(extractProfileFields(doc).name);
      expect(card?.tagName).not.toMatch(/^(HTML|BODY|MAIN)$/);
      expect(card?.querySelector('h1, h2, li, .pv-top-card-section__name')).not.toBeNull();
    },
  );

  it('finds no top card where only stale data and a title name the person', () => {
    expect(findTopCard(fixture('stale-jsonld.html'))).toBeNull();
  });

  it('reads the same person from extractProfileFields, whatever the URL', () => {
    expect(extractProfileFields(fixture('sdui-2026.html'))).toEqual({
      name: 'Sven Halvorsen',
      headline: 'Data Engineer | Streaming pipelines & lakehouses | Kafka, Flink, dbt | Speaker',
      company: 'Fjordline Energy',
      location: 'Trondheim, Trøndelag, Norway',
    });
    expect(extractProfileFields(fixture('loggedin-2018.html')).name).toBe('Tomasz Wierzbicki');
  });
});

describe('fold', () => {
  it('folds whitespace runs and trims', () => {
    expect(fold('  Jane \n\t Doe  ')).toBe('Jane Doe');
    expect(fold('')).toBe('');
  });
});

describe('nameFromTitle', () => {
  it.each([
    ['Jane Doe | LinkedIn', 'Jane Doe'],
    ['(3) Jane Doe | LinkedIn', 'Jane Doe'],
    ['(99+) Jane Doe | LinkedIn', 'Jane Doe'],
    ['Jane Doe - Engineer - Acme - Widgets | LinkedIn', 'Jane Doe'],
    ['Jean-Luc Picard – Captain | LinkedIn', 'Jean-Luc Picard'],
    ['  Jane   Doe  |  LinkedIn ', 'Jane Doe'],
    ['Jane Doe (She/Her) | LinkedIn', 'Jane Doe'],
    ['Jane Doe', ''],
    ['LinkedIn', ''],
    ['Feed | LinkedIn', ''],
    ['(2) Feed | LinkedIn', ''],
    ['Profile Not Found | LinkedIn', ''],
    ['Page Not Found | LinkedIn', ''],
    ['Sign Up | LinkedIn', ''],
    ['Sign In | LinkedIn', ''],
    ['LinkedIn Login, Sign in | LinkedIn', ''],
    ['Join LinkedIn | LinkedIn', ''],
    ['Security Verification | LinkedIn', ''],
    ['', ''],
  ])('%j → %j', (title, name) => {
    expect(nameFromTitle(title)).toBe(name);
  });
});

/** A 2018-style top card around `nameHtml`. */
const card2018 = (nameHtml: string, title = '') =>
  parse(`<title>${title}</title><section class="pv-top-card-section">
    <h1 class="pv-top-card-section__name">${nameHtml}</h1>
    <h2 class="pv-top-card-section__headline">Cook</h2></section>`);

describe('name cleaning', () => {
  it.each([
    ['<span aria-hidden="true">Jane Doe</span><span class="visually-hidden">Jane Doe</span>', 'Jane Doe'],
    ['Jane Doe<span class="a11y-text">Jane Doe</span>', 'Jane Doe'],
    ['<span class="visually-hidden">Jane Doe</span>', 'Jane Doe'],
    ['Jane Doe · 2nd', 'Jane Doe'],
    ['Jane Doe <span>2nd degree connection</span>', 'Jane Doe'],
    ['Jane Doe · 3rd+', 'Jane Doe'],
    ['Jane Doe 1st', 'Jane Doe'],
    ['Jane Doe (She/Her)', 'Jane Doe'],
    ['Jane Doe she / her · 2nd', 'Jane Doe'],
    ['Jane Doe, They/Them/Theirs', 'Jane Doe'],
    ['Alex Kim (Ze/Hir)', 'Alex Kim'],
    ['  Jane \n  Doe  ', 'Jane Doe'],
    ['Jane &amp; Doe', 'Jane & Doe'],
    ['Heather Herring', 'Heather Herring'],
    ['Sheila Hermann', 'Sheila Hermann'],
  ])('%j → %j', (html, name) => {
    const profile = extractProfile(card2018(html), 'https://www.linkedin.com/in/jane/');
    expect(profile).toMatchObject({ name });
  });

  it('does not put pronouns shown next to the name (2024 layout) in the name', () => {
    const doc = parse(`<main><section class="artdeco-card">
      <h1 class="text-heading-xlarge">Sam Okafor</h1><span class="text-body-small">(He/Him)</span>
      <div class="text-body-medium">Baker</div></section></main>`);
    expect(extractProfile(doc, 'https://www.linkedin.com/in/sam/')).toMatchObject({ name: 'Sam Okafor' });
  });

  it('decodes entities in meta tags, even double-encoded ones', () => {
    const doc = parse(`<head><meta property="og:url" content="https://www.linkedin.com/in/ada">
      <meta property="og:title" content="Ada &amp;amp; Bo &amp;#233;t&amp;#xE9; - X | LinkedIn"></head><body></body>`);
    expect(extractProfile(doc, 'https://www.linkedin.com/in/ada/')?.name).toBe('Ada & Bo été');
  });
});

describe('embedded data is trusted only when it names the profile of the URL', () => {
  const jsonLd = (slug: string) =>
    parse(`<title>LinkedIn</title><script type="application/ld+json">{"@context":"http://schema.org","@graph":[
      {"@type":"Person","name":"Bo Ekdahl","url":"https://se.linkedin.com/in/${slug}","address":{"addressLocality":"Malmö"},
       "worksFor":[{"@type":"Organization","name":"Öresund Ferries"}],"alumniOf":[{"@type":"Organization","name":"Old Co"}]}]}</script>`);

  it('uses JSON-LD that names the same id', () => {
    expect(extractProfile(jsonLd('bo-ekdahl'), 'https://www.linkedin.com/in/Bo-Ekdahl/')).toMatchObject({
      id: 'bo-ekdahl',
      name: 'Bo Ekdahl',
      company: 'Öresund Ferries',
      location: 'Malmö',
    });
  });

  it('ignores JSON-LD of another profile (then the page names nobody)', () => {
    expect(extractProfile(jsonLd('someone-else'), 'https://www.linkedin.com/in/bo-ekdahl/')).toBeNull();
  });

  it('ignores the stale JSON-LD and og: tags but keeps the fresh title', () => {
    const profile = extractProfile(fixture('stale-jsonld.html'), 'https://www.linkedin.com/in/carol-nakamura/');
    expect(profile).toMatchObject({ name: 'Carol Nakamura', company: '', location: '', headline: '' });
    // …and the same page describes Benedikt when that is the URL.
    expect(
      extractProfile(fixture('stale-jsonld.html'), 'https://www.linkedin.com/in/benedikt-oyelaran/'),
    ).toMatchObject({
      name: 'Benedikt Oyelaran',
      company: 'Eko Harbour Authority',
      location: 'Lagos, Nigeria',
    });
  });

  it('reads <code> blobs only for the profile they name', () => {
    const doc = fixture('loggedin-2024.html');
    doc.querySelector('main')!.remove();
    doc.title = '';
    expect(extractProfile(doc, 'https://www.linkedin.com/in/riya-deshpande-ux/')).toMatchObject({
      name: 'Riya Deshpande',
      headline: 'Product Designer at Pavana Health | Accessibility & design systems',
    });
    expect(extractProfile(doc, 'https://www.linkedin.com/in/someone-else/')).toBeNull();
  });

  it('prefers what the top card shows over embedded data', () => {
    const doc = fixture('public-2023.html');
    doc.querySelector('.top-card-layout__title')!.textContent = 'Kwame K. Asante';
    expect(extractProfile(doc, 'https://www.linkedin.com/in/kwame-asante-dev/')?.name).toBe('Kwame K. Asante');
  });

  it('falls back to embedded data when the public top card is gone', () => {
    const doc = fixture('public-2023.html');
    doc.querySelector('.top-card-layout')!.remove();
    expect(extractProfile(doc, 'https://www.linkedin.com/in/kwame-asante-dev/')).toMatchObject({
      name: 'Kwame Asante',
      company: 'Sankofa Payments & Co',
      location: 'Accra, Greater Accra Region, Ghana',
    });
  });
});

describe('member-id URLs (/in/ACoAA…)', () => {
  it('returns the contact under the vanity slug revealed by the <code> blob and the contact-info link', () => {
    expect(extractProfile(fixture('member-urn.html'), urnUrl)).toMatchObject({
      id: 'lena-fischer-berlin',
      url: 'https://www.linkedin.com/in/lena-fischer-berlin/',
      name: 'Lena Fischer',
    });
  });

  it('uses the contact-info link alone', () => {
    const doc = fixture('member-urn.html');
    doc.querySelector('code')!.remove();
    expect(extractProfile(doc, urnUrl)?.id).toBe('lena-fischer-berlin');
  });

  it('uses the <code> blob alone, matched by the member id', () => {
    const doc = fixture('member-urn.html');
    doc.querySelector('main')!.remove();
    expect(extractProfile(doc, urnUrl)).toMatchObject({ id: 'lena-fischer-berlin', name: 'Lena Fischer' });
  });

  it('uses the canonical link or og:url', () => {
    const canonical = parse(`<head><title>Lena Fischer | LinkedIn</title>
      <link rel="canonical" href="https://de.linkedin.com/in/lena-fischer-berlin"></head><body></body>`);
    expect(extractProfile(canonical, urnUrl)).toMatchObject({ id: 'lena-fischer-berlin', name: 'Lena Fischer' });
    const og = parse(`<head><meta property="og:url" content="https://www.linkedin.com/in/lena-fischer-berlin/">
      <meta property="og:title" content="Lena Fischer - Cellist | LinkedIn"></head><body></body>`);
    expect(extractProfile(og, urnUrl)).toMatchObject({ id: 'lena-fischer-berlin', name: 'Lena Fischer' });
  });

  it('keeps the member id (with its case) when the page reveals no vanity slug', () => {
    const doc = parse('<title>Lena Fischer | LinkedIn</title>');
    expect(extractProfile(doc, urnUrl)).toMatchObject({ id: URN, url: urnUrl, name: 'Lena Fischer' });
  });

  it('does not take the slug of a server-driven card that shows another member', () => {
    const doc = fixture('sdui-2026.html');
    const profile = extractProfile(doc, urnUrl);
    expect(profile).toMatchObject({ id: URN, name: '', headline: '' });
    // The card's own member id does match:
    expect(extractProfile(doc, 'https://www.linkedin.com/in/ACoAAD7kQm3NbVx9ZtLwPe2RuSy8HgFj4Kd6Tc1')).toMatchObject({
      id: 'sven-halvorsen-data',
      name: 'Sven Halvorsen',
    });
  });

  it('does not take a JSON-LD slug whose name disagrees with the top card', () => {
    const doc =
      parse(`<script type="application/ld+json">{"@type":"Person","name":"Old Person","url":"https://www.linkedin.com/in/old-person"}</script>
      <main><section class="artdeco-card"><h1 class="text-heading-xlarge">Lena Fischer</h1></section></main>`);
    expect(extractProfile(doc, urnUrl)).toMatchObject({ id: URN, name: 'Lena Fischer' });
  });
});

describe('after in-page navigation', () => {
  it('leaves the fields empty while the top card still belongs to the previous person', () => {
    for (const file of ['loggedin-2024.html', 'sdui-2026.html', 'loggedin-2021.html']) {
      const doc = fixture(file);
      const profile = extractProfile(doc, 'https://www.linkedin.com/in/next-person/');
      expect(profile).toEqual({
        id: 'next-person',
        url: 'https://www.linkedin.com/in/next-person/',
        name: '',
        headline: '',
        company: '',
        location: '',
        // The previous person's card says nothing about LinkedIn's layout, nor whose member id it shows.
        missing: [],
        topCard: false,
      });
      // What the page shows is still readable, to know which name is stale.
      expect(extractProfileFields(doc).name).not.toBe('');
    }
  });

  it('does not take a "TopcardOnly" container (Highlights, About…) for the top card', () => {
    const doc = fixture('sdui-2026.html');
    doc.querySelector('[componentkey$="Topcard"]')!.remove();
    expect(extractProfileFields(doc).name).toBe('Sven Halvorsen'); // from the title
    expect(findTopCard(doc)).toBeNull();
    doc.title = 'LinkedIn';
    expect(extractProfileFields(doc).name).toBe('');
    expect(extractProfile(doc, 'https://www.linkedin.com/in/sven-halvorsen-data/')).toBeNull();
  });
});

describe('pages that are not a profile', () => {
  const profileUrl = 'https://www.linkedin.com/in/carol-nakamura/';

  it.each([
    [
      'logged-in 404 with a stale title',
      '<title>Carol Nakamura | LinkedIn</title><main><h1>This page doesn’t exist</h1></main>',
    ],
    [
      'profile unavailable',
      '<title>Carol Nakamura | LinkedIn</title><main><h2>This profile is not available</h2></main>',
    ],
    ['a page still loading', '<title>LinkedIn</title><main><div class="loader"></div></main>'],
    ['the feed', '<title>(3) Feed | LinkedIn</title><main><h1 class="visually-hidden">Feed post</h1></main>'],
    ['login page', '<title>LinkedIn Login, Sign in | LinkedIn</title><main><h1>Sign in</h1></main>'],
    ['no title at all', '<main><p>Hello</p></main>'],
  ])('%s gives null', (_name, html) => {
    const doc = parse(html);
    expect(extractProfile(doc, profileUrl)).toBeNull();
  });

  it.each(['profile-not-found.html', 'authwall.html', 'checkpoint.html'])('%s names nobody', (file) => {
    const doc = fixture(file);
    expect(extractProfile(doc, profileUrl)).toBeNull();
    expect(extractProfileFields(doc).name).toBe('');
  });

  it('gives null for URLs that are not profiles', () => {
    const doc = fixture('loggedin-2024.html');
    expect(extractProfile(doc, 'https://www.linkedin.com/feed/')).toBeNull();
    expect(extractProfile(doc, 'https://example.com/in/riya-deshpande-ux/')).toBeNull();
  });

  it('never throws on other LinkedIn pages', () => {
    for (const html of [
      '',
      '<title>"rust" | Search | LinkedIn</title><main><ul><li><span aria-hidden="true">Jo</span></li></ul></main>',
      '<script type="application/ld+json">{not json</script><code>{"a":</code><code>null</code>',
      '<script type="application/ld+json">[null, 1, "x", {"@type":"Person","url":7,"sameAs":[null]}]</script>',
    ]) {
      const doc = parse(html);
      expect(() => extractProfileFields(doc)).not.toThrow();
      expect(() => findTopCard(doc)).not.toThrow();
      expect(() => extractProfile(doc, profileUrl)).not.toThrow();
    }
  });
});

describe('isStandInPage', () => {
  const page = (title: string, body: string) =>
    new DOMParser().parseFromString(`<title>${title}</title>${body}`, 'text/html');
  it.each([
    ['Sign Up | LinkedIn', '<h1>Join LinkedIn</h1>'],
    ['Security Verification | LinkedIn', '<h1>Let’s do a quick security check</h1>'],
    ['LinkedIn', '<main><h1>This page doesn’t exist</h1></main>'],
    ['Profile Not Found | LinkedIn', '<div class="page-not-found"></div>'],
  ])('%s is a stand-in for a profile', (title, body) => {
    expect(isStandInPage(page(title, body))).toBe(true);
  });
  it.each([
    ['LinkedIn', '<div><span>Someone</span></div>'],
    ['Feed | LinkedIn', '<main><h2>Feed</h2></main>'],
    ['Jane Doe | LinkedIn', '<main><h1>Jane Doe</h1></main>'],
  ])('%s is not', (title, body) => {
    expect(isStandInPage(page(title, body))).toBe(false);
  });
});

const JONAS = 'https://www.linkedin.com/in/jonas-becker-ux/';
const ZOFIA = 'https://www.linkedin.com/in/zofia-kwiatkowska-7c1d2e/';
const SANNE = 'https://nl.linkedin.com/in/sanne-de-vries-zorg';

describe('reading by structure, in any UI language', () => {
  it.each([
    ...['· 2e', '· 1er', '· 3º+', '· 3.+', '· 1ª', '2nd', '3e+', '1.'],
    // Swedish, Italian, Spanish, French, Russian, Japanese, Chinese, Korean.
    ...['2:a', '3:e+', '2°', '2.º', '3e et +', '2-й', '2次', '3次+', '2度', '二度', '2촌'],
  ])('never takes the degree line "%s" for the headline or the company', (degree) => {
    const doc = fixture('sdui-2026-pl.html');
    const degrees = [...doc.querySelectorAll('p')].filter((p) => /^· [12]\.$/.test(p.textContent!));
    expect(degrees).toHaveLength(2);
    degrees.forEach((p) => (p.textContent = degree));
    // Beside the name row too, as a line of its own.
    doc.querySelector('h2')!.closest('a')!.insertAdjacentHTML('afterend', `<p>${degree}</p>`);
    expect(extractProfile(doc, ZOFIA)).toMatchObject({
      headline: 'Kierowniczka projektów IT w Pomorskie Systemy Logistyczne',
      company: 'Pomorskie Systemy Logistyczne',
      location: 'Sopot, Woj. Pomorskie, Polska',
    });
  });

  it.each([
    'Contact info',
    'Contact Info',
    'Contactgegevens',
    'Kontaktinfo',
    'Coordonnées',
    'Información de contacto',
    'Informacje kontaktowe',
    'Informações de contato',
    'Dados de contato',
    'Informazioni di contatto',
    'Kontaktuppgifter',
    'Yhteystiedot',
    'İletişim bilgileri',
  ])('keeps "%s" out of the location, also when it is plain text', (contact) => {
    const doc = fixture('loggedout-nl.html');
    doc.querySelector('.profile-info-subheader button')!.replaceWith(contact);
    expect(extractProfile(doc, SANNE)!.location).toBe('Apeldoorn, Gelderland, Nederland');
  });

  it('reads the location that "Contact info" ends, whatever its classes (Ember, hashed)', () => {
    const doc = fixture('ember-de-hashed.html');
    doc.querySelector('#top-card-text-details-contact-info')!.textContent = 'Coordonnées';
    expect(extractProfile(doc, JONAS)!.location).toBe('München, Bayern, Deutschland');
  });

  it('takes the current company from the list after the headline, not by its aria-label', () => {
    const doc = fixture('ember-de-hashed.html');
    doc.querySelectorAll('ul button[aria-label]').forEach((b) => b.setAttribute('aria-label', 'Firma'));
    expect(extractProfile(doc, JONAS)!.company).toBe('Nordlicht Mobility GmbH');
  });

  it('takes no school for the company, on Ember and server-driven pages', () => {
    const ember = fixture('ember-de-hashed.html');
    ember.querySelector('ul button')!.closest('li')!.remove(); // only the school is left in the list
    expect(extractProfile(ember, JONAS)).toMatchObject({ company: '', missing: ['company'] });

    const sdui = fixture('sdui-2026-pl.html');
    const line = [...sdui.querySelectorAll('p')].find((p) => p.textContent!.includes(' · Politechnika'))!;
    line.textContent = 'Politechnika Gdańska';
    expect(extractProfile(sdui, ZOFIA)).toMatchObject({
      headline: 'Kierowniczka projektów IT w Pomorskie Systemy Logistyczne',
      company: '',
      location: 'Sopot, Woj. Pomorskie, Polska',
    });
  });
});

describe('the member id', () => {
  const LEA = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
  const JONAS_ID = 'ACoAAF3kRb7TzQw9XyV2nMp4LsHd8GjCe1UaW6o';

  it("comes from the card's own links, or else from embedded data naming this profile", () => {
    const doc = fixture('ember-de-hashed.html');
    expect(extractProfile(doc, JONAS)!.memberId).toBe(JONAS_ID);
    doc.querySelectorAll('a[href*="onnectionOf"]').forEach((a) => a.removeAttribute('href'));
    expect(doc.querySelector(`a[href*="${LEA}"]`)).not.toBeNull(); // a mutual connection's link stays
    expect(extractProfile(doc, JONAS)!.memberId).toBe(JONAS_ID); // from the data for jonas-becker-ux
  });

  it("is never a mutual connection's, nor a guess", () => {
    const doc = fixture('ember-de-hashed.html');
    doc.querySelectorAll('a[href*="onnectionOf"]').forEach((a) => a.removeAttribute('href'));
    doc.querySelector('code')!.remove();
    const profile = extractProfile(doc, JONAS)!;
    expect(profile.name).toBe('Jonas Becker');
    expect(profile).not.toHaveProperty('memberId');
  });

  it('is absent where the page shows none (logged out)', () => {
    expect(extractProfile(fixture('loggedout-nl.html'), SANNE)).not.toHaveProperty('memberId');
  });
});

describe('layout health: fields unread on a page with a top card', () => {
  it('lists nothing when every field was read', () => {
    for (const [file, url] of [
      ['sdui-2026-pl.html', ZOFIA],
      ['ember-de-hashed.html', JONAS],
      ['loggedout-nl.html', SANNE],
    ]) {
      expect(extractProfile(fixture(file!), url!)!.missing).toEqual([]);
    }
  });

  it('lists each field the top card did not yield', () => {
    const doc = fixture('ember-de-hashed.html');
    doc.querySelector('.text-body-medium')!.remove();
    doc.querySelector('code')!.remove(); // else the embedded headline fills in
    doc.querySelector('#top-card-text-details-contact-info')!.closest('div')!.remove();
    expect(extractProfile(doc, JONAS)).toMatchObject({ headline: '', location: '', missing: ['headline', 'location'] });
    expect(
      extractProfile(fixture('unknown-layout.html'), 'https://www.linkedin.com/in/priya-raman-qb/')!.missing,
    ).toEqual(['headline', 'company', 'location']);
  });

  it('lists nothing without a top card: there is no layout to judge', () => {
    expect(
      extractProfile(fixture('stale-jsonld.html'), 'https://www.linkedin.com/in/carol-nakamura/')!.missing,
    ).toEqual([]);
  });
});

describe('a top card as a real browser parses it', () => {
  it('reads the company the parser moved out of the logged-out card (loggedout-nl.html in Chromium)', () => {
    // What Chromium's parser makes of loggedout-nl.html: the sign-in dialog's submit button inside the
    // "Contactgegevens" button ends that button and the lines around it, so the second subline (the
    // current company) becomes the card section's next sibling.
    const doc = parse(`<title>Sanne de Vries - Zorggroep Veluwezoom | LinkedIn</title><main>
      <section class="top-card-layout"><div class="top-card-layout__card"><div class="top-card-layout__entity-info">
        <button><h1 class="top-card-layout__title">Sanne de Vries</h1></button>
        <h2 class="top-card-layout__headline">Senior verpleegkundige</h2>
        <h3 class="top-card-layout__first-subline"><div><span>Apeldoorn, Gelderland, Nederland</span>
          <button class="link">Contactgegevens<div class="modal"><section role="dialog"><h2>Meld u aan</h2>
          <form><label>Wachtwoord</label><input type="password"></form></section></div></button>
          <button type="submit">Aanmelden</button></div></h3>
      </div></div></section>
      <h4 class="top-card-layout__second-subline"><div data-section="currentPositionsDetails">
        <a href="https://nl.linkedin.com/company/zorggroep-veluwezoom"><span class="top-card-link__description">Zorggroep Veluwezoom</span></a>
      </div></h4>
      <section><h2>Ervaring</h2><div data-section="currentPositionsDetails"><span class="top-card-link__description">Other BV</span></div></section>
    </main>`);
    expect(extractProfile(doc, 'https://nl.linkedin.com/in/sanne-de-vries-zorg')).toMatchObject({
      name: 'Sanne de Vries',
      headline: 'Senior verpleegkundige',
      company: 'Zorggroep Veluwezoom',
      location: 'Apeldoorn, Gelderland, Nederland',
      missing: [],
    });
  });

  it('never takes a field from a section after the card', () => {
    const doc = parse(`<title>Sanne de Vries | LinkedIn</title><main>
      <section class="top-card-layout"><h1 class="top-card-layout__title">Sanne de Vries</h1>
        <h2 class="top-card-layout__headline">Verpleegkundige</h2></section>
      <section><div data-section="currentPositionsDetails"><span class="top-card-link__description">Other BV</span></div></section>
    </main>`);
    expect(extractProfile(doc, 'https://nl.linkedin.com/in/sanne')).toMatchObject({
      company: '',
      missing: ['company', 'location'],
    });
  });
});

/**
 * LinkedIn in the UI languages the saved pages do not show: small hand-written cards, the people invented.
 * A word Kindred does not know must cost a value, never store a wrong one.
 */
describe('LinkedIn in other UI languages', () => {
  const SDUI_KEY = `com.linkedin.sdui.profile.card.ref${URN}Topcard`;
  /** A server-driven top card whose lines all sit beside the name, as one row: words decide then. */
  const sdui = (name: string, lines: string[], contact: string, title = '') =>
    parse(`<title>${title}</title><main><section componentkey="${SDUI_KEY}"><div>
      <a href="/in/someone/"><h2>${name}</h2></a>
      ${lines.map((line) => `<p>${line}</p>`).join('')}
      <p><a href="/in/someone/overlay/contact-info/">${contact}</a></p></div></section></main>`);

  it.each([
    ['Swedish', 'Sara Lindqvist', ['·', '2:a'], 'Kontaktuppgifter'],
    ['Japanese', '佐藤 花子', ['·', '2次'], '連絡先情報'],
    ['Chinese', '王小明', ['·', '2度'], '联系方式'],
    ['Korean', '김민준', ['·', '2촌'], '연락처 정보'],
    ['Russian', 'Анна Смирнова', ['·', '2-й'], 'Контактная информация'],
    ['Arabic', 'ليلى حداد', ['·', '3:e+'], 'معلومات الاتصال'],
  ])('%s: the degree shown as its own line is not the headline', (_language, name, degree, contact) => {
    const doc = sdui(name, [...degree, 'Headline', 'Company · School', 'Place'], contact);
    expect(extractProfile(doc, 'https://www.linkedin.com/in/someone/')).toMatchObject({
      name,
      headline: 'Headline',
      company: 'Company',
      location: 'Place',
    });
  });

  /** A 2018-style card, its location line holding "Contact info" as plain text. */
  const located = (name: string, location: string) =>
    parse(`<section class="pv-top-card-section"><h1 class="pv-top-card-section__name">${name}</h1>
      <h2 class="pv-top-card-section__headline">Cook</h2>
      <h3 class="pv-top-card-section__location">${location}</h3></section>`);

  it.each([
    ['Jane Doe · 2.', 'Jane Doe'], // German, Polish, Danish, Norwegian, Finnish, Czech, Turkish
    ['Camille Roux · 2e', 'Camille Roux'], // French, Dutch
    ['Camille Roux • 3e et +', 'Camille Roux'], // French
    ['Lucía Pérez · 3º+', 'Lucía Pérez'], // Spanish, Portuguese
    ['Giulia Bianchi · 2°', 'Giulia Bianchi'], // Italian
    ['Sara Lindqvist · 2:a', 'Sara Lindqvist'], // Swedish
    ['Анна Смирнова · 2-й', 'Анна Смирнова'], // Russian
    ['佐藤 花子 · 2次', '佐藤 花子'], // Japanese
    ['王小明 · 二度', '王小明'], // Chinese
    ['김민준 · 2촌', '김민준'], // Korean
    ['Lena Fischer (Sie/Ihr)', 'Lena Fischer'], // German pronouns
    ['Camille Roux (Elle/Elle)', 'Camille Roux'], // French pronouns
    ['Jan Kowalski On/Jego · 1.', 'Jan Kowalski'], // Polish pronouns
    ['\u200fليلى حداد\u200f', 'ليلى حداد'], // Arabic, with right-to-left marks
    ['\u2067محمد الأحمد\u2069 · 2nd', 'محمد الأحمد'],
    ['Wei He / 何伟', 'Wei He / 何伟'], // a name in two scripts is no pronoun ("he/…")
    ['Ji-min Han/한지민', 'Ji-min Han/한지민'],
    ['Wang Lei / 王磊', 'Wang Lei / 王磊'],
    ['Jane 2. Doe', 'Jane 2. Doe'], // an ordinal without the "·" is part of the name
    ['Louis Martin (Paris)', 'Louis Martin (Paris)'], // brackets without "/" are part of the name
  ])('%j is named %j', (shown, name) => {
    expect(extractProfile(card2018(shown), 'https://www.linkedin.com/in/someone/')?.name).toBe(name);
  });

  it.each([
    ['Milano, Lombardia, Italia <span>Informazioni di contatto</span>', 'Milano, Lombardia, Italia'],
    ['Stockholm, Sverige · <span>Kontaktuppgifter</span>', 'Stockholm, Sverige'],
    ['Kraków, Małopolskie <span>Informacje kontaktowe</span>', 'Kraków, Małopolskie'],
  ])('the location %j is %j', (html, location) => {
    expect(extractProfile(located('Jane Doe', html), 'https://www.linkedin.com/in/someone/')?.location).toBe(location);
  });

  it('takes no sign-in wall for a profile, whatever its language: its page key says what it is', () => {
    for (const title of ['Registrieren | LinkedIn', '登録 | LinkedIn', 'تسجيل | LinkedIn']) {
      const doc = parse(`<head><meta name="pageKey" content="auth_wall_desktop_profile"><title>${title}</title></head>
        <body><main><h1>LinkedIn</h1><form action="/signup/cold-join"><input type="password"></form></main></body>`);
      expect(extractProfile(doc, 'https://www.linkedin.com/in/someone/')).toBeNull();
      expect(isStandInPage(doc)).toBe(true);
    }
  });

  it.each([
    'Registrieren | LinkedIn',
    'S’inscrire | LinkedIn',
    'Regístrate | LinkedIn',
    'Cadastre-se | LinkedIn',
    'Iscriviti | LinkedIn',
    'Zarejestruj się | LinkedIn',
    'Profil nicht gefunden | LinkedIn',
    'Profil introuvable | LinkedIn',
  ])('takes no name from the title %j', (title) => {
    expect(nameFromTitle(title)).toBe('');
    expect(extractProfile(parse(`<title>${title}</title><main></main>`), 'https://www.linkedin.com/in/x/')).toBeNull();
  });

  it('takes nobody from /in/unavailable/, where LinkedIn sends members to a profile not available to them', () => {
    const html = '<title>Dieses Profil ist nicht verfügbar | LinkedIn</title><main><h1>Profil</h1></main>';
    expect(extractProfile(parse(html), 'https://www.linkedin.com/in/unavailable/')).toBeNull();
    const there = new Window({ url: 'https://www.linkedin.com/in/unavailable/' });
    there.document.write(html);
    expect(isStandInPage(there.document as unknown as Document)).toBe(true);
    void there.happyDOM.close();
  });
});
