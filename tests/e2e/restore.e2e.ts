import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TMP,
  launchKindred,
  newUserDataDir,
  openExtensionPage,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';
import { AWKWARD_CONNECTIONS_CSV, LONG_NAME_FIRST } from '../support/connections-csv';

/**
 * In real Chromium: a backup of CSV-imported data restores into a fresh browser profile, everything
 * there (issue 13: Kindred's own export of such data used to be refused by its own import).
 */
const dir = join(TMP, `restore-${process.pid}`);
const profiles = [newUserDataDir(), newUserDataDir()];
afterAll(() => {
  for (const profile of profiles) removeUserDataDir(profile);
  rmSync(dir, { recursive: true, force: true });
});
const noPages = () => undefined;

describe('restore a CSV-imported backup into a fresh browser profile (Chromium)', () => {
  it('imports the awkward Connections.csv, tags one, exports, and a new profile imports it all', async () => {
    mkdirSync(dir, { recursive: true });
    const backup = join(dir, 'backup.json');
    let before: Awaited<ReturnType<typeof readStoredContacts>>;

    const first = await launchKindred(noPages, profiles[0]);
    try {
      const options = await openExtensionPage(first, 'options.html#data');
      await options.getByLabel('Connections.csv').setInputFiles({
        name: 'Connections.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(AWKWARD_CONNECTIONS_CSV),
      });
      await options.getByRole('button', { name: 'Import connections' }).click();
      await options.getByText('Imported connections: 4 added').waitFor();
      const imported = await readStoredContacts(first);
      const longId = Object.keys(imported).find((id) => id.startsWith('name:maximiliana'))!;
      expect(longId.length).toBeLessThanOrEqual(250);
      expect(imported['jane-doe']).not.toHaveProperty('connectedOn');
      expect(imported['sanne-de-vries']).toMatchObject({ connectedOn: '2024-10-09' });
      expect((imported['sam-lee-42']!.headline as string).length).toBe(500);
      expect((imported['sam-lee-42']!.company as string).length).toBe(200);

      // The person tags the long-named one and writes a note, as the panel or the table would.
      await options.evaluate(async (contactId) => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } } }
        ).chrome.runtime;
        for (const message of [
          { type: 'setTag', contactId, tagId: 'mentor', on: true },
          { type: 'setNote', contactId, note: 'Met at the flex conference 📚' },
        ]) {
          const reply = await runtime.sendMessage(message);
          if (!reply.ok) throw new Error(JSON.stringify(reply));
        }
      }, longId);

      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      await download.saveAs(backup);
      await options.getByRole('button', { name: 'I saved it' }).click();
      await options.getByText('Thank you: your backup is up to date.').waitFor();
      before = await readStoredContacts(first);
      expect(before[longId]).toMatchObject({ relationships: ['mentor'], note: 'Met at the flex conference 📚' });
    } finally {
      await first.close();
    }

    // A new computer: a fresh profile, the file imported on the options page.
    const second = await launchKindred(noPages, profiles[1]);
    try {
      const options = await openExtensionPage(second, 'options.html#data');
      await options.getByLabel('Kindred export file (JSON)').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: readFileSync(backup),
      });
      await options.getByRole('radio', { name: /^Merge/ }).check();
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await options.getByText('Imported: 4 added, 0 updated, 0 unchanged.').waitFor();
      expect(await options.getByRole('alert').count()).toBe(0);
      expect(await readStoredContacts(second)).toEqual(before);
      expect(Object.values(before).some((c) => (c.name as string).startsWith(LONG_NAME_FIRST))).toBe(true);
    } finally {
      await second.close();
    }
  });
});
