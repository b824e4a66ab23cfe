import { afterAll, describe, expect, it } from 'vitest';
import {
  countInPanel,
  launchKindredInFirefox,
  panelByRole,
  panelField,
  panelIn,
  pressedState,
  readStoredContacts,
} from '../support/firefox';
import { newUserDataDir, removeUserDataDir } from '../support/harness';
import { BEFORE, MEMBER, MOVED_TEXT, RENAMED, renamedPages, withoutMemberLink } from '../support/renamed-person';

/**
 * In real Firefox (ESR, the MV2 build): a person who changed their LinkedIn URL keeps their tags and
 * note; the panel on the new URL says where they were found and can undo the move.
 */
const userDataDir = newUserDataDir();
afterAll(() => removeUserDataDir(userDataDir));
const note = async (page: Parameters<typeof panelField>[0]) =>
  (await panelField(page, 'Note')).evaluate((field) => field.value);

describe('one person, one contact, in real Firefox', () => {
  it('shows the tags and note kept under the old URL on the new one, and can undo the move', async () => {
    const kindred = await launchKindredInFirefox(renamedPages, userDataDir);
    try {
      const page = await kindred.newPage();
      await page.goto(`https://www.linkedin.com/in/${BEFORE.id}/`);
      await (await panelByRole(page, 'button', 'Mentor')).click();
      await (await panelField(page, 'Note')).type('Met at the flex conference');
      await page.keyboard.press('Tab');
      await expect
        .poll(async () => (await readStoredContacts(page))[BEFORE.id])
        .toMatchObject({ memberId: MEMBER, relationships: ['mentor'], note: 'Met at the flex conference' });

      await page.goto(`https://www.linkedin.com/in/${RENAMED.id}/`);
      const panel = await panelIn(page);
      await panel.waitForSelector(`::-p-text(${MOVED_TEXT})`);
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('true');
      await expect.poll(() => note(page)).toBe('Met at the flex conference');
      expect(Object.keys(await readStoredContacts(page))).toEqual([RENAMED.id]);

      await (await panelByRole(page, 'button', 'Undo move')).click();
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('false');
      await expect.poll(() => note(page)).toBe('');
      expect(await countInPanel(page, 'button', 'Undo move')).toBe(0);
      const undone = await readStoredContacts(page);
      expect(undone[BEFORE.id]).toMatchObject({ relationships: ['mentor'], note: 'Met at the flex conference' });
      expect(undone[RENAMED.id]).toMatchObject({ memberId: MEMBER, relationships: [], note: '' });
      expect(kindred.outsideRequests).toEqual([]);
    } finally {
      await kindred.close();
    }
  });

  it('finds the person under their old URL after the move, on a page without the member id, with no second contact', async () => {
    // Her old URL, once she moved, is opened from an old bookmark on a page that shows no member id.
    let moved = false;
    const pages = (url: URL) =>
      moved && url.pathname === `/in/${BEFORE.id}/` ? withoutMemberLink(url) : renamedPages(url);
    const kindred = await launchKindredInFirefox(pages, newUserDataDir());
    try {
      const page = await kindred.newPage();
      await page.goto(`https://www.linkedin.com/in/${BEFORE.id}/`);
      await (await panelByRole(page, 'button', 'Mentor')).click();
      await expect.poll(async () => (await readStoredContacts(page))[BEFORE.id]?.relationships).toEqual(['mentor']);
      await page.goto(`https://www.linkedin.com/in/${RENAMED.id}/`);
      await (await panelIn(page)).waitForSelector(`::-p-text(${MOVED_TEXT})`);

      moved = true;
      await page.goto(`https://www.linkedin.com/in/${BEFORE.id}/`);
      await (
        await panelIn(page)
      ).waitForSelector(
        `::-p-text(Kindred knows this person as linkedin.com/in/${RENAMED.id}, their LinkedIn address now)`,
      );
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('true');
      const stored = await readStoredContacts(page);
      expect(Object.keys(stored)).toEqual([RENAMED.id]);
      expect(stored[RENAMED.id]).toMatchObject({ memberId: MEMBER, formerIds: [BEFORE.id] });
    } finally {
      await kindred.close();
      removeUserDataDir(kindred.userDataDir);
    }
  });
});
