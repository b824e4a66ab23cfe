import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractProfile, extractProfileFields } from '../../lib/linkedin/profile-extract';
import { fold } from '../../lib/model/text';

/**
 * Real saved LinkedIn pages (2016–2026) live outside the project, in ../shared: they are other people's
 * data and must not be copied in. Without them this suite is skipped (and says so).
 */
const root = resolve(__dirname, '../..');
const dir = resolve(root, '../shared/fixtures/linkedin');
/** cases.json: pages of 2016–2026; cases-current.json: pages saved in 2025–2026, in English and Polish UI. */
const caseFiles = ['cases.json', 'cases-current.json'].map((f) => resolve(dir, f));
const exists = caseFiles.every((f) => existsSync(f));
if (!exists) console.warn(`conformance: skipped, ../shared is missing (no ${caseFiles.join(' or ')})`);

interface Case {
  file: string;
  url: string;
  layout: string;
  expect: Record<string, string | boolean>;
}
const cases: Case[] = exists
  ? caseFiles.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { cases: Case[] }).cases)
  : [];

// Without this, happy-dom reports every stylesheet, script and iframe of a saved page it does not load.
const happy = new Window({
  settings: { handleDisabledFileLoadingAsSuccess: true, disableJavaScriptFileLoading: true },
});
afterAll(() => happy.happyDOM.close());

/** The page served at `url`: scripts are not run, nothing is fetched. */
function load(file: string, url: string): Document {
  happy.happyDOM.setURL(url);
  return new happy.DOMParser().parseFromString(
    readFileSync(resolve(dir, file), 'utf8'),
    'text/html',
  ) as unknown as Document;
}

/** cases.json's how_to_match: whitespace folded, trimmed, HTML entities decoded. */
function normalise(value: string): string {
  const doc = new DOMParser().parseFromString(`<p>${value.replace(/</g, '&lt;')}</p>`, 'text/html');
  return fold(doc.body.textContent ?? '');
}

describe.skipIf(!exists)('conformance with saved LinkedIn pages (../shared/fixtures/linkedin)', () => {
  it.each(cases.map((c) => [c.layout, c] as const))('%s', (_layout, c) => {
    const doc = load(c.file, c.url);
    const profile = extractProfile(doc, c.url);
    if (c.expect.profile === false) {
      expect(profile).toBeNull();
      expect(extractProfileFields(doc).name).toBe('');
      return;
    }
    expect(profile).not.toBeNull();
    // Every field at once, so a failure shows all the fields a page gets wrong, not only the first.
    const actual: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const [field, value] of Object.entries(c.expect)) {
      // The cases also record what the page shows beyond a contact; Kindred does not read pronouns.
      if (field === 'pronouns') continue;
      actual[field] = normalise(String((profile as unknown as Record<string, unknown>)[field] ?? ''));
      wanted[field] = normalise(String(value));
    }
    expect(actual).toEqual(wanted);
    // Layout health: a page whose every field is expected must leave none unread.
    if (['headline', 'company', 'location'].every((f) => c.expect[f])) expect(profile!.missing).toEqual([]);
  });
});
