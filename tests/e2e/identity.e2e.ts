import { afterAll, describe, expect, it } from 'vitest';
import { launchKindred, newUserDataDir, panelOf, readStoredContacts, removeUserDataDir } from '../support/harness';
import { BEFORE as JANE, MEMBER, MOVED_TEXT, RENAMED, renamedPages as pages } from '../support/renamed-person';

/**
 * In real Chromium, through the real background: a person who changed their LinkedIn URL keeps their
 * tags and note in Kindred. The top card's "connections" link carries LinkedIn's member id, which stays
 * when the URL changes; the panel on the new URL finds the contact kept under the old one.
 */
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
});
