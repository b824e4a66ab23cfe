import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Kindred,
  launchKindred,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  openProfile,
  removeUserDataDir,
} from '../support/harness';
import { JANE, SAM, profilePages } from '../support/pages';

/**
 * An open panel shows what is stored, whatever changed it: the options page's contacts table (a bulk
 * tag, its undo, the note dialog) and the same profile open in another tab change what the open panel
 * shows, without a reload; a note being typed in the panel is kept, and saved over the newer one.
 * (Another browser's changes arriving through sync: tests/e2e/sync.e2e.ts.)
 */
const pages = profilePages(JANE, SAM);

let kindred: Kindred | undefined;
afterEach(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
  kindred = undefined;
});

const pressed = (page: Page, name: string) =>
  expect.poll(() => panelOf(page).getByRole('button', { name, exact: true }).getAttribute('aria-pressed'), {
    timeout: 15_000,
  });
const noteOn = (page: Page) => panelOf(page).getByRole('textbox', { name: 'Note' });

describe('an open panel follows what is stored', () => {
  it('shows a tag added and undone on the options page, and a note written there, without a reload', async () => {
    kindred = await launchKindred(pages);
    const jane = await openProfile(kindred, JANE);
    await panelOf(jane).getByRole('button', { name: 'Peer', exact: true }).click();
    await pressed(jane, 'Peer').toBe('true');
    // Sam is open in another tab: he is not told about Jane (his panel stays as it is).
    const sam = await openProfile(kindred, SAM);

    const options = await openExtensionPage(kindred, 'options.html');
    await options.getByRole('tab', { name: 'Contacts' }).click();
    await options.getByRole('checkbox', { name: 'Select Jane Doe' }).check();
    await options.getByRole('combobox', { name: /^Tag\b/ }).selectOption({ label: 'Mentor' });
    await options.getByRole('button', { name: 'Add tag' }).click();
    await options.getByText(/Added “Mentor” to 1 contact/).waitFor();
    await pressed(jane, 'Mentor').toBe('true');
    await pressed(jane, 'Peer').toBe('true');

    // Undone on the options page: gone from the open panel too.
    await options.getByRole('button', { name: 'Undo', exact: true }).click();
    await options.getByText('Undone: everything is back as it was.').waitFor();
    await pressed(jane, 'Mentor').toBe('false');

    // The note, written in the options page's dialog while the panel's field is empty and untouched.
    const janeRow = options
      .getByRole('row')
      .filter({ has: options.getByRole('checkbox', { name: 'Select Jane Doe' }) });
    await janeRow.getByRole('button', { name: 'Edit note' }).click();
    await options.getByRole('textbox', { name: 'Note for Jane Doe' }).fill('Written on the options page');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Saved the note for Jane Doe.').waitFor();
    await expect.poll(() => noteOn(jane).inputValue(), { timeout: 15_000 }).toBe('Written on the options page');
    expect(await noteOn(sam).inputValue()).toBe('');
    await pressed(sam, 'Mentor').toBe('false');
  });

  it('shows in one tab what the same profile’s panel in another tab changed, keeping what is being typed', async () => {
    kindred = await launchKindred(pages);
    const first = await openProfile(kindred, JANE);
    const second = await openProfile(kindred, JANE);
    await panelOf(second).getByRole('button', { name: 'Colleague', exact: true }).click();
    await pressed(first, 'Colleague').toBe('true');
    await noteOn(second).fill('From the second tab');
    await noteOn(second).blur();
    await expect.poll(() => noteOn(first).inputValue(), { timeout: 15_000 }).toBe('From the second tab');

    // The first tab's person is typing (not saved yet: the panel saves after a pause) when the second tab
    // changes her tags: what is typed stays, and is saved over the second tab's note.
    await noteOn(first).click();
    await noteOn(first).press('End');
    await noteOn(first).pressSequentially(', and typed in the first');
    await panelOf(second).getByRole('button', { name: 'Mentor', exact: true }).click();
    await pressed(first, 'Mentor').toBe('true');
    expect(await noteOn(first).inputValue()).toBe('From the second tab, and typed in the first');
    await expect
      .poll(async () => (await readStoredContacts(kindred!))['jane-doe']?.note, { timeout: 10_000 })
      .toBe('From the second tab, and typed in the first');
    await expect
      .poll(() => noteOn(second).inputValue(), { timeout: 15_000 })
      .toBe('From the second tab, and typed in the first');
  });
});
