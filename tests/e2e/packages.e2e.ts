import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runScript } from '../support/harness';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const listZip = (file: string) =>
  execFileSync(
    'python3',
    ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n');

/** `npm run zip` makes what the Chrome Web Store and addons.mozilla.org take. */
describe('store packages', () => {
  it('zips Chrome and Firefox builds with icons, and the sources Mozilla asks for', () => {
    runScript('zip');
    for (const browser of ['chrome', 'firefox']) {
      const files = listZip(join(ROOT, `.output/kindred-${version}-${browser}.zip`));
      expect(files, browser).toEqual(
        expect.arrayContaining([
          'manifest.json',
          'background.js',
          'popup.html',
          'options.html',
          'icon/128.png',
          'icon/16.png',
          '_locales/en/messages.json',
          '_locales/nl/messages.json',
        ]),
      );
      const manifest = JSON.parse(
        execFileSync(
          'python3',
          [
            '-c',
            'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("manifest.json").decode())',
            join(ROOT, `.output/kindred-${version}-${browser}.zip`),
          ],
          { encoding: 'utf8' },
        ),
      );
      expect(manifest.icons).toMatchObject({ 16: 'icon/16.png', 128: 'icon/128.png' });
    }
    const sources = listZip(join(ROOT, `.output/kindred-${version}-sources.zip`));
    expect(sources).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'locales/en.yml']),
    );
    expect(sources.filter((f) => /^(node_modules|tmp|\.output)\//.test(f))).toEqual([]);
  });
});
