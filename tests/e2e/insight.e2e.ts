import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Kindred,
  ROOT,
  SCREENSHOTS,
  launchKindred,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';
import { type Person, profilePage } from '../support/pages';

/** The people of tests/fixtures/connections/connections-2024.csv, as their profile pages show them. */
const ANNA: Person = {
  id: 'anna-de-vries-1a2b3c',
  name: 'Anna de Vries',
  headline: 'Head of People, EMEA',
  company: 'Flexa',
  location: 'Utrecht',
};
const pages = (url: URL) => (url.pathname.startsWith(`/in/${ANNA.id}`) ? profilePage(ANNA) : undefined);

let kindred: Kindred | undefined;
afterAll(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
});

describe('insight for the whole network', () => {
  it('imports Connections.csv, tags on a profile, bulk-tags and uses the queue; the popup adds up; a renamed tag shows on the panel', async () => {
    kindred = await launchKindred(pages);
    mkdirSync(SCREENSHOTS, { recursive: true });

    // 1. LinkedIn's own export through the options page.
    const options = await openExtensionPage(kindred, 'options.html#data');
    await options.getByLabel('Connections.csv').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(ROOT, 'tests/fixtures/connections/connections-2024.csv')),
    });
    await options.getByRole('button', { name: 'Import connections' }).click();
    await options.getByText('Imported connections: 4 added, 0 updated, 0 unchanged.').waitFor();
    await options.getByText('1 row skipped').waitFor();

    // 2. Tagging on a profile page.
    const profile = await kindred.context.newPage();
    await profile.goto(`https://www.linkedin.com/in/${ANNA.id}/`);
    await panelOf(profile).getByRole('button', { name: 'Career resilience' }).click();
    await panelOf(profile).getByRole('button', { name: 'Mentor', exact: true }).click();
    await panelOf(profile).getByText('Saved', { exact: true }).waitFor();

    // 3. Bulk tagging in the contacts table: one action for two people.
    await options.getByRole('tab', { name: 'Contacts' }).click();
    await options.getByRole('checkbox', { name: 'Select Bram Janssen' }).check();
    await options.getByRole('checkbox', { name: 'Select Chloé Martin' }).check();
    await options.getByRole('combobox', { name: /^Tag\b/ }).selectOption({ label: 'Gets work done' });
    await options.getByRole('button', { name: 'Add tag' }).click();
    await options.getByText(/Added “Gets work done” to 2 contacts/).waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-contacts.png'), fullPage: true });

    // 4. The untagged queue, by keyboard: Deepa is the one left; "1" toggles the first relationship (Mentor).
    await options.getByRole('tab', { name: 'Untagged queue' }).click();
    const queue = options.getByRole('region', { name: 'Untagged queue' });
    await queue.getByRole('heading', { name: 'Deepa Iyer' }).waitFor();
    await queue.focus();
    await options.keyboard.press('1');
    await expect.poll(() => queue.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true');

    const stored = await readStoredContacts(kindred);
    expect(stored[ANNA.id]).toMatchObject({
      purposes: ['growth'],
      relationships: ['mentor'],
      connectedOn: '2024-10-09',
    });
    expect(stored.bramjanssen).toMatchObject({ purposes: ['work'] });
    expect(stored['chloé-martin']).toMatchObject({ purposes: ['work'] });
    expect(stored['deepa-iyer']).toMatchObject({ relationships: ['mentor'] });

    // 5. The popup counts the whole network.
    const popup = await openExtensionPage(kindred, 'popup.html');
    await popup.getByText('Balanced (50% work, 25% growth); no way-shower and no community of practice.').waitFor();
    expect(await popup.getByText(/of 4 known contacts tagged/).textContent()).toContain('4 of 4');
    // Keep in touch: everyone was tagged just now, so nobody is due yet (tests/e2e/keep-in-touch.e2e.ts).
    await popup.getByText('Nobody is due: you are in touch with everyone on their rhythm.').waitFor();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-network.png'), fullPage: true });
    // The overview has the charts: the split in words, the gaps, the company spread.
    await options.getByRole('tab', { name: 'Overview' }).click();
    await options.getByText('2 of 4 tagged contacts serve your work; 1 your own growth.').waitFor();
    const gaps = (await options.getByRole('list', { name: 'Gaps in your network' }).textContent()) ?? '';
    expect(gaps).toContain('No peer yet');
    expect(gaps).not.toContain('No mentor yet');
    await options.getByText(/% of your contacts with a known company work at/).waitFor();

    // 6. Renaming a tag: the panel shows the new label, and the contact keeps it.
    await options.getByRole('tab', { name: 'Tags' }).click();
    const label = options.getByLabel('Label of Mentor');
    await label.fill('Guide');
    await label.press('Enter');
    await options.getByText('Saved', { exact: true }).waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-tags.png'), fullPage: true });
    await profile.reload();
    await expect
      .poll(() => panelOf(profile).getByRole('button', { name: 'Guide' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await panelOf(profile).getByRole('button', { name: 'Mentor', exact: true }).count()).toBe(0);

    await options.getByRole('tab', { name: 'Overview' }).click();
    await options.getByRole('heading', { name: 'Keep in touch' }).waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-overview.png'), fullPage: true });
  });
});
