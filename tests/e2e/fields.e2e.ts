import { afterAll, describe, expect, it } from 'vitest';
import {
  launchKindred,
  newUserDataDir,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';
import { JANE, SAM, profilePages } from '../support/pages';

/**
 * In real Chromium, through the real background: a correction made in the panel survives the next
 * visit, and an imported name-only contact with a profile's name is merged only when the person says so.
 */
const pages = profilePages(JANE, SAM);

const userDataDir = newUserDataDir();
afterAll(() => removeUserDataDir(userDataDir));

describe('fields the person owns, in real Chromium', () => {
  it('keeps a corrected company across visits until "Use LinkedIn’s"', async () => {
    const kindred = await launchKindred(pages, userDataDir);
    try {
      const page = await kindred.context.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      const panel = panelOf(page);
      await panel.getByRole('heading', { name: JANE.name }).waitFor();
      await panel.getByRole('button', { name: 'Edit name, headline or company' }).click();
      await panel.getByRole('textbox', { name: 'Company' }).fill('Flexa Health');
      await panel.getByRole('textbox', { name: 'Company' }).press('Enter');
      await panel.getByText('Flexa Health').waitFor();
      await page.reload();
      await panelOf(page).getByRole('heading', { name: JANE.name }).waitFor();
      await panelOf(page).getByText('Flexa Health').waitFor();
      expect((await readStoredContacts(kindred))[JANE.id]).toMatchObject({
        company: 'Flexa Health',
        pageValues: { company: JANE.company },
      });
      await panelOf(page).getByRole('button', { name: 'Edit name, headline or company' }).click();
      await panelOf(page)
        .getByRole('button', { name: `Use LinkedIn’s company: “${JANE.company}”` })
        .click();
      await expect.poll(async () => (await readStoredContacts(kindred))[JANE.id]?.company).toBe(JANE.company);
    } finally {
      await kindred.close();
    }
  });

  it('asks before giving a namesake profile the imported person’s data', async () => {
    const kindred = await launchKindred(pages, userDataDir);
    try {
      // A Connections.csv row without a URL, with a tag and a note, imported through the options page.
      const options = await openExtensionPage(kindred, 'options.html');
      await options.evaluate(async () => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
        ).chrome.runtime;
        const send = (message: unknown) => runtime.sendMessage(message);
        const csv =
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSam,Lee,,,Timewise,,09 Oct 2024';
        await send({ type: 'importConnections', text: csv });
        await send({ type: 'setNote', contactId: 'name:sam lee', note: 'Met at the fair' });
      });
      const page = await kindred.context.newPage();
      await page.goto(`https://www.linkedin.com/in/${SAM.id}/`);
      const panel = panelOf(page);
      const question = panel.getByRole('group', { name: 'Is this the Sam Lee from your LinkedIn export?' });
      await question.waitFor();
      // Opening the profile moved nothing.
      const before = await readStoredContacts(kindred);
      expect(before['name:sam lee']).toMatchObject({ note: 'Met at the fair', connectedOn: '2024-10-09' });
      expect(before[SAM.id]).toMatchObject({ note: '' });
      await question.getByRole('button', { name: 'Yes, same person' }).click();
      await expect.poll(async () => (await readStoredContacts(kindred))['name:sam lee']).toBeUndefined();
      expect((await readStoredContacts(kindred))[SAM.id]).toMatchObject({
        note: 'Met at the fair',
        connectedOn: '2024-10-09',
      });
      await panel.getByRole('button', { name: 'Undo merge' }).click();
      await expect.poll(async () => (await readStoredContacts(kindred))['name:sam lee']?.note).toBe('Met at the fair');
      expect((await readStoredContacts(kindred))[SAM.id]).toMatchObject({ note: '' });
    } finally {
      await kindred.close();
    }
  });
});
