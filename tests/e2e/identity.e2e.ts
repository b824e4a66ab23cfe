import { afterAll, describe, expect, it } from 'vitest';
import {
  launchKindred,
  newUserDataDir,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';
import {
  BEFORE as JANE,
  MEMBER,
  MOVED_TEXT,
  RENAMED,
  renamedPages,
  withoutMemberLink,
} from '../support/renamed-person';

/**
 * In real Chromium, through the real background: a person who changed their LinkedIn URL keeps their
 * tags and note in Kindred. The top card's "connections" link carries LinkedIn's member id, which stays
 * when the URL changes; the panel on the new URL finds the contact kept under the old one.
 */
/** Which URLs LinkedIn shows without the member id (e.g. before Kindred could read it). */
const hidden = new Set<string>();
const pages = (url: URL) => (hidden.has(url.pathname) ? withoutMemberLink(url) : renamedPages(url));
const userDataDir = newUserDataDir();
afterAll(() => removeUserDataDir(userDataDir));

describe('one person, one contact, in real Chromium', () => {
  it('shows the tags and note kept under the old URL on the new one, and can undo the move', async () => {
    const kindred = await launchKindred(pages, userDataDir);
    try {
      const page = await kindred.context.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      let panel = panelOf(page);
      await panel.getByRole('button', { name: 'Mentor' }).click();
      await panel.getByRole('textbox', { name: 'Note' }).fill('Met at the flex conference');
      await panel.getByRole('textbox', { name: 'Note' }).blur();
      await expect
        .poll(async () => (await readStoredContacts(kindred))[JANE.id])
        .toMatchObject({ memberId: MEMBER, relationships: ['mentor'], note: 'Met at the flex conference' });

      // Jane changes her URL; the person opens her profile under the new one.
      await page.goto(`https://www.linkedin.com/in/${RENAMED.id}/`);
      panel = panelOf(page);
      await panel.getByText(MOVED_TEXT).waitFor();
      await expect.poll(() => panel.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(() => panel.getByRole('textbox', { name: 'Note' }).inputValue())
        .toBe('Met at the flex conference');
      const moved = await readStoredContacts(kindred);
      expect(Object.keys(moved)).toEqual([RENAMED.id]);
      expect(moved[RENAMED.id]).toMatchObject({ memberId: MEMBER, relationships: ['mentor'] });

      // Undo: the old contact is back as it was, the new URL is a contact of its own (kept apart).
      await panel.getByRole('button', { name: 'Undo move' }).click();
      await expect.poll(() => panel.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('false');
      const undone = await readStoredContacts(kindred);
      expect(undone[JANE.id]).toMatchObject({ relationships: ['mentor'], note: 'Met at the flex conference' });
      expect(undone[RENAMED.id]).toMatchObject({ relationships: [], note: '' });
      await page.reload();
      await panelOf(page).getByRole('button', { name: 'Mentor' }).waitFor();
      expect(Object.keys(await readStoredContacts(kindred)).sort()).toEqual([JANE.id, RENAMED.id]);
    } finally {
      await kindred.close();
    }
  });

  it('offers two stored contacts of one member for merging, in the panel and on the contacts page, with undo', async () => {
    const kindred = await launchKindred(pages, newUserDataDir());
    try {
      const page = await kindred.context.newPage();
      // Her new URL, first seen without the member id: a contact of its own, tagged.
      hidden.add(`/in/${RENAMED.id}/`);
      await page.goto(`https://www.linkedin.com/in/${RENAMED.id}/`);
      await panelOf(page).getByRole('button', { name: 'Peer', exact: true }).click();
      await expect.poll(async () => (await readStoredContacts(kindred))[RENAMED.id]?.relationships).toEqual(['peer']);
      // Her old URL, with the member id: tagged too.
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      await panelOf(page).getByRole('button', { name: 'Mentor' }).click();
      await expect.poll(async () => (await readStoredContacts(kindred))[JANE.id]?.memberId).toBe(MEMBER);
      // The new URL again, now with the member id: the same person, twice.
      hidden.clear();
      await page.goto(`https://www.linkedin.com/in/${RENAMED.id}/`);
      const offer = panelOf(page).getByRole('group', {
        name: 'Jane Doe is also kept under linkedin.com/in/jane-doe: the same LinkedIn member.',
      });
      await offer.waitFor();

      const options = await openExtensionPage(kindred, 'options.html#contacts');
      await options
        .getByText(
          'Jane Doe is kept twice, under linkedin.com/in/jane-doe-flexa and linkedin.com/in/jane-doe: the same LinkedIn member.',
        )
        .waitFor();

      await offer.getByRole('button', { name: 'Merge into this profile' }).click();
      await expect
        .poll(() => panelOf(page).getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed'))
        .toBe('true');
      expect(await panelOf(page).getByRole('button', { name: 'Peer', exact: true }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(Object.keys(await readStoredContacts(kindred))).toEqual([RENAMED.id]);
      // The contacts page follows: nothing left to merge.
      await options.getByRole('list', { name: 'Contacts kept twice' }).waitFor({ state: 'detached' });

      await panelOf(page).getByRole('button', { name: 'Undo merge' }).click();
      await expect
        .poll(async () => Object.keys(await readStoredContacts(kindred)).sort())
        .toEqual([JANE.id, RENAMED.id]);
      expect((await readStoredContacts(kindred))[RENAMED.id]).toMatchObject({ relationships: ['peer'] });
    } finally {
      await kindred.close();
      removeUserDataDir(kindred.userDataDir);
    }
  });

  it('finds the person under their old URL after the move, on a page without the member id, with no second contact', async () => {
    const kindred = await launchKindred(pages, newUserDataDir());
    try {
      const page = await kindred.context.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      let panel = panelOf(page);
      await panel.getByRole('button', { name: 'Mentor' }).click();
      await expect.poll(async () => (await readStoredContacts(kindred))[JANE.id]?.relationships).toEqual(['mentor']);
      // She changes her URL: the panel on the new one moves her there (by the member id).
      await page.goto(`https://www.linkedin.com/in/${RENAMED.id}/`);
      await panelOf(page).getByText(MOVED_TEXT).waitFor();

      // An old bookmark of her old URL, on a page that shows no member id (e.g. logged out).
      hidden.add(`/in/${JANE.id}/`);
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      panel = panelOf(page);
      await panel
        .getByText(
          'Kindred knows this person as linkedin.com/in/jane-doe-flexa, their LinkedIn address now; this page is under an earlier one.',
        )
        .waitFor();
      await expect.poll(() => panel.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true');
      // A change made here goes to her, under her URL now.
      await panel.getByRole('button', { name: 'Friend' }).click();
      await expect
        .poll(async () => (await readStoredContacts(kindred))[RENAMED.id]?.relationships)
        .toEqual(['mentor', 'friend']);
      const stored = await readStoredContacts(kindred);
      expect(Object.keys(stored)).toEqual([RENAMED.id]);
      expect(stored[RENAMED.id]).toMatchObject({ memberId: MEMBER, formerIds: [JANE.id] });
    } finally {
      hidden.clear();
      await kindred.close();
      removeUserDataDir(kindred.userDataDir);
    }
  });
});
