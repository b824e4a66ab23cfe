import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchKindredInFirefox } from '../support/firefox';
import {
  byRole,
  chooseFile,
  downloaded,
  keepDownloads,
  openOptionsInFirefox,
  sendFromPage,
  storedContacts,
  waitForText,
} from '../support/firefox-options';
import { AWKWARD_CONNECTIONS_CSV } from '../support/connections-csv';
import { TMP, newUserDataDir, removeUserDataDir } from '../support/harness';
import { type Person, person, profilePage } from '../support/pages';

/**
 * In real Firefox (ESR, the MV2 build): a backup of CSV-imported data restores into a fresh browser
 * profile (issue 13). The options page is reached from a profile page's panel, as the extension opens it.
 */
const VISITED: Person = person(1);
const pages = (url: URL) => (url.pathname.startsWith(`/in/${VISITED.id}`) ? profilePage(VISITED) : undefined);
const dir = join(TMP, `firefox-restore-${process.pid}`);
const profiles = [newUserDataDir(), newUserDataDir()];
afterAll(() => {
  for (const profile of profiles) removeUserDataDir(profile);
  rmSync(dir, { recursive: true, force: true });
});

describe('restore a CSV-imported backup into a fresh browser profile (Firefox)', () => {
  it('imports the awkward Connections.csv, tags one, exports, and a new profile restores it all', async () => {
    mkdirSync(dir, { recursive: true });
    const csvPath = join(dir, 'Connections.csv');
    const backupPath = join(dir, 'backup.json');
    writeFileSync(csvPath, AWKWARD_CONNECTIONS_CSV);
    let before: Awaited<ReturnType<typeof storedContacts>>;

    const first = await launchKindredInFirefox(pages, profiles[0]);
    try {
      const profile = await first.newPage();
      await profile.goto(`https://www.linkedin.com/in/${VISITED.id}/`);
      const options = await openOptionsInFirefox(first, profile);
      await chooseFile(options, 'Connections.csv', csvPath);
      await (await byRole(options, 'button', 'Import connections')).click();
      await waitForText(options, 'Imported connections: 4 added');
      const imported = await storedContacts(options);
      const longId = Object.keys(imported).find((id) => id.startsWith('name:maximiliana'))!;
      expect(longId.length).toBeLessThanOrEqual(250);
      expect(imported['sanne-de-vries']).toMatchObject({ connectedOn: '2024-10-09' });
      await sendFromPage(options, { type: 'setTag', contactId: longId, tagId: 'mentor', on: true });
      await sendFromPage(options, { type: 'setNote', contactId: longId, note: 'Met at the flex conference 📚' });

      await keepDownloads(options);
      await (await byRole(options, 'button', 'Export JSON')).click();
      const file = await downloaded(options);
      expect(file.name).toMatch(/^kindred-.*\.json$/);
      writeFileSync(backupPath, file.text);
      await (await byRole(options, 'button', 'I saved it')).click();
      await waitForText(options, 'Thank you: your backup is up to date.');
      before = await storedContacts(options);
      expect(before[longId]).toMatchObject({ relationships: ['mentor'], note: 'Met at the flex conference 📚' });
      expect(Object.keys(before)).toHaveLength(5);
      expect(first.outsideRequests).toEqual([]);
    } finally {
      await first.close();
    }

    // A new computer: a fresh profile; everything there is replaced by the backup.
    const second = await launchKindredInFirefox(pages, profiles[1]);
    try {
      const profile = await second.newPage();
      await profile.goto(`https://www.linkedin.com/in/${VISITED.id}/`);
      const options = await openOptionsInFirefox(second, profile);
      await chooseFile(options, 'Kindred export file (JSON)', backupPath);
      await (await byRole(options, 'radio', 'Replace all my data with the file')).click();
      await (await byRole(options, 'button', 'Import')).click();
      await (await byRole(options, 'button', 'Replace everything')).click();
      await waitForText(options, 'Imported: 4 added, 1 updated, 0 removed.');
      expect(await options.$$('[role="alert"]')).toHaveLength(0);
      expect(await storedContacts(options)).toEqual(before);
      expect(second.outsideRequests).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
