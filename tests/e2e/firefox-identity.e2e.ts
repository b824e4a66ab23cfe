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
import { BEFORE, MEMBER, MOVED_TEXT, RENAMED, renamedPages } from '../support/renamed-person';

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
});
