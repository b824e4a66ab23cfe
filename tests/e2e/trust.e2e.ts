import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Kindred,
  ROOT,
  launchKindred,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  openProfile,
  removeUserDataDir,
  serviceWorkerControl,
} from '../support/harness';
import { JANE, type Person, SAM, profilePages } from '../support/pages';

const MALLORY: Person = {
  id: 'mallory',
  name: '<img src=x onerror="window.__pwned=1">Mallory',
  headline: '<script>window.__pwned=2</script>Red team',
  company: 'Evil "Corp"',
  location: 'Nowhere',
};
const pages = profilePages(JANE, SAM, MALLORY);

let kindred: Kindred | undefined;
afterEach(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
  kindred = undefined;
});

const pressed = (page: Page, name: string) =>
  panelOf(page).getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

/** Chooses a file in the options page's import form and submits it. */
async function importFile(options: Page, name: string, contents: string, mode: 'Merge' | 'Replace') {
  await options.getByLabel('Kindred export file (JSON)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(contents),
  });
  await options.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
}

describe('import and export on the options page', () => {
  it('refuses a bad file without changing anything, merges, replaces after confirming, exports CSV', async () => {
    kindred = await launchKindred(pages);
    const profile = await openProfile(kindred, JANE);
    await panelOf(profile).getByRole('button', { name: 'Mentor', exact: true }).click();
    await panelOf(profile).getByText('Saved', { exact: true }).waitFor();
    const before = await readStoredContacts(kindred);

    const options = await openExtensionPage(kindred, 'options.html#data');
    const bad = readFileSync(join(ROOT, 'tests/fixtures/bad-imports/unknown-purpose.json'), 'utf8');
    await importFile(options, 'bad.json', bad, 'Replace');
    await options.getByRole('button', { name: 'Replace everything' }).click();
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('unknown tag id "world-domination"');
    expect(await alert.textContent()).toContain('Nothing was changed.');
    expect(await readStoredContacts(kindred)).toEqual(before);

    const file = {
      format: 'kindred',
      version: 1,
      contacts: [
        { id: 'jane-doe', purposes: ['growth'], note: 'From my laptop', updatedAt: '2030-01-01T00:00:00.000Z' },
        { id: 'kim', name: 'Kim', relationships: ['way-shower'] },
      ],
    };
    await importFile(options, 'laptop.json', JSON.stringify(file), 'Merge');
    await options.getByText('Imported: 1 added, 1 updated, 0 unchanged.').waitFor();
    const merged = await readStoredContacts(kindred);
    expect(merged['jane-doe']).toMatchObject({
      purposes: ['growth'],
      relationships: ['mentor'],
      note: 'From my laptop',
    });
    expect(merged.kim).toMatchObject({ name: 'Kim', relationships: ['way-shower'] });

    await importFile(
      options,
      'only-sam.json',
      JSON.stringify({ format: 'kindred', version: 1, contacts: [{ id: 'sam-lee-42' }] }),
      'Replace',
    );
    const dialog = options.getByRole('alertdialog', { name: 'Replace all your data?' });
    expect(await dialog.textContent()).toContain('Your 2 contacts');
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect(Object.keys(await readStoredContacts(kindred)).sort()).toEqual(['jane-doe', 'kim']);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('button', { name: 'Replace everything' }).click();
    await options.getByText('Imported: 1 added, 0 updated, 2 removed.').waitFor();
    expect(Object.keys(await readStoredContacts(kindred))).toEqual(['sam-lee-42']);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kindred-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFName,Profile URL,')).toBe(true);
    expect(csv).toContain(',https://www.linkedin.com/in/sam-lee-42/,');
  });
});

describe('durability', () => {
  it('keeps every toggle when two tabs tag the same person at once (2 × 50 interleaved)', async () => {
    kindred = await launchKindred(pages);
    const [a, b] = [await openProfile(kindred, JANE), await openProfile(kindred, JANE)];
    const purposes = ['Gets work done', 'Career resilience', 'Shared purpose'];
    const relationships = ['Mentor', 'Way-shower', 'Peer', 'Colleague', 'Client', 'Industry contact', 'Mentee'];
    for (let i = 0; i < 50; i++) {
      await Promise.all([
        // force: the status line under the buttons changes with every save, and Playwright would
        // otherwise wait for the layout to settle between clicks, which is not what a person does.
        panelOf(a)
          .getByRole('button', { name: purposes[i % 3], exact: true })
          .click({ force: true }),
        panelOf(b)
          .getByRole('button', { name: relationships[i % 7], exact: true })
          .click({ force: true }),
      ]);
    }
    // 50 clicks over 3 purposes: 17, 17, 16 → on, on, off. Over 7 relationships: 8, 7 × 6 → off, then on.
    const expected = {
      purposes: ['work', 'growth'],
      relationships: ['way-shower', 'peer', 'colleague', 'client', 'industry', 'mentee'],
    };
    // The background may still be working through the 100 clicks on a busy machine.
    await expect
      .poll(
        async () => {
          const jane = (await readStoredContacts(kindred!))['jane-doe']!;
          return { purposes: [...jane.purposes].sort(), relationships: [...jane.relationships].sort() };
        },
        { timeout: 15_000 },
      )
      .toEqual({ purposes: [...expected.purposes].sort(), relationships: [...expected.relationships].sort() });
    await a.reload();
    await expect.poll(() => pressed(a, 'Gets work done')).toBe('true');
    await expect.poll(() => pressed(a, 'Mentor')).toBe('false');
    await expect.poll(() => pressed(a, 'Mentee')).toBe('true');
  });

  it('loses nothing when the service worker is stopped between and during tagging', async () => {
    kindred = await launchKindred(pages);
    const worker = await serviceWorkerControl(kindred);
    const page = await openProfile(kindred, JANE);
    const panel = panelOf(page);

    await worker.stop();
    await panel.getByRole('button', { name: 'Mentor', exact: true }).click();
    await panel.getByText('Saved', { exact: true }).waitFor();

    for (const name of ['Peer', 'Career resilience', 'Sponsor']) {
      await worker.stop();
      const click = panel.getByRole('button', { name, exact: true }).click();
      await Promise.all([click, worker.stop()]);
      await expect.poll(() => pressed(page, name)).toBe('true');
    }
    await panel.getByRole('textbox', { name: 'Note' }).fill('Written while the worker sleeps');
    await worker.stop();
    await panel.getByRole('textbox', { name: 'Note' }).blur();
    await expect
      .poll(async () => (await readStoredContacts(kindred!))['jane-doe']?.note)
      .toBe('Written while the worker sleeps');
    await expect
      .poll(async () => {
        const jane = (await readStoredContacts(kindred!))['jane-doe']!;
        return [...jane.purposes, ...jane.relationships].sort();
      })
      .toEqual(['growth', 'mentor', 'peer', 'sponsor']);
    await worker.stop();
    await page.reload();
    await expect.poll(() => pressed(page, 'Sponsor')).toBe('true');
    expect(await panelOf(page).getByRole('status').textContent()).not.toContain('Not saved');
    await worker.close();
  });
});

describe('hostile content', () => {
  it('shows names, headlines and notes with markup as plain text everywhere', async () => {
    kindred = await launchKindred(pages);
    const dialogs: string[] = [];
    kindred.context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));

    const options = await openExtensionPage(kindred, 'options.html#data');
    options.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    const markup = readFileSync(join(ROOT, 'tests/fixtures/accepted-imports/markup-and-formulas.json'), 'utf8');
    await importFile(options, 'markup.json', markup, 'Merge');
    await options.getByText('Imported: 2 added').waitFor();
    // A conflicting note makes the report show names and notes.
    const conflict = {
      format: 'kindred',
      version: 1,
      contacts: [
        { id: 'mallory', note: '<img src=x onerror="window.__pwned=3">', updatedAt: '2030-01-01T00:00:00.000Z' },
      ],
    };
    await importFile(options, 'conflict.json', JSON.stringify(conflict), 'Merge');
    await options.getByText('1 note differed').click();
    await options.getByText('kept “<img src=x onerror="window.__pwned=3">”').waitFor();

    const profile = await kindred.context.newPage();
    profile.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await profile.goto('https://www.linkedin.com/in/mallory/');
    const panel = panelOf(profile);
    await panel.getByRole('heading', { name: MALLORY.name }).waitFor();
    await panel.getByText(MALLORY.headline).waitFor();
    await expect.poll(() => panel.getByRole('textbox', { name: 'Note' }).inputValue()).toContain('<img src=x');

    // The contacts table and the untagged queue show names, headlines and companies.
    await options.getByRole('tab', { name: 'Contacts' }).click();
    // The imported name, markup and all, as link text.
    await options.getByRole('link', { name: /^<img src=x onerror=.*>Mallory$/ }).waitFor();
    await options.getByRole('tab', { name: 'Untagged queue' }).click();

    const popup = await openExtensionPage(kindred, 'popup.html');
    await popup.locator('.diagnosis-sentence').waitFor(); // the popup's glance is up
    await profile.waitForTimeout(300);
    for (const page of [options, profile, popup]) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.title()).not.toBe('pwned');
      expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });
});

describe('privacy', () => {
  it('makes no request outside the extension during a whole session', async () => {
    kindred = await launchKindred(pages);
    const requests: string[] = [];
    kindred.context.on('request', (request) => requests.push(request.url()));
    const linkedInDocuments = new Set<string>();

    const profile = await openProfile(kindred, JANE);
    linkedInDocuments.add(profile.url());
    await panelOf(profile).getByRole('button', { name: 'Peer', exact: true }).click();
    await panelOf(profile).getByText('Saved', { exact: true }).waitFor();
    const options = await openExtensionPage(kindred, 'options.html#data');
    await importFile(
      options,
      'f.json',
      JSON.stringify({ format: 'kindred', version: 1, contacts: [{ id: 'kim' }] }),
      'Merge',
    );
    await options.getByText('Imported: 1 added').waitFor();
    await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export JSON' }).click()]);
    await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).click()]);
    const popup = await openExtensionPage(kindred, 'popup.html');
    await popup.locator('.diagnosis-sentence').waitFor(); // the popup's glance is up
    await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export JSON' }).click()]);

    const own = `chrome-extension://${kindred.extensionId}/`;
    const outside = requests.filter(
      (url) => !url.startsWith(own) && !url.startsWith('blob:') && !linkedInDocuments.has(url),
    );
    expect(outside).toEqual([]);
    expect(kindred.outsideRequests).toEqual([]);
    expect(requests.some((url) => url.startsWith(own))).toBe(true);
  });
});
