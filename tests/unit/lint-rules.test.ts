// @vitest-environment node
// ESLint runs in Node; happy-dom's globals are of no use to it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/harness';

/**
 * Each boundary in eslint.config.js, proven on small snippets linted as if they lived at a given path:
 * the bad one gets the named rule's error, the good one lints clean. A rule that silently matched
 * nothing (a mistyped glob, an import spelled differently) would pass `npm run check` and fail here.
 */

const eslint = new ESLint({ cwd: ROOT });

async function errors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).filter((message) => message.severity === 2);
}

async function ruleIds(filePath: string, code: string) {
  return (await errors(filePath, code)).map((message) => message.ruleId);
}

/** A module that uses `specifier` at runtime. */
const runtimeImport = (specifier: string) => `import * as mod from '${specifier}';\n\nexport default mod;\n`;
/** A module that uses only types from `specifier`: erased from the bundle. */
const typeImport = (specifier: string) =>
  `import type * as mod from '${specifier}';\n\nexport type Mod = typeof mod;\n`;

const PATHS = 'import-x/no-restricted-paths';

describe('lib layers', () => {
  it.each([
    ['../storage/db', 'lib/storage'],
    ['../protocol/operations', 'lib/protocol'],
    ['../formats/export-format', 'lib/formats'],
    ['../linkedin/profile-extract', 'lib/linkedin'],
    ['../i18n', 'lib/i18n.ts'],
  ])('lib/model imports only lib/model: not %s (%s), not even its types', async (specifier) => {
    expect(await ruleIds('lib/model/__bad.ts', runtimeImport(specifier))).toContain(PATHS);
    expect(await ruleIds('lib/model/__bad.ts', typeImport(specifier))).toContain(PATHS);
  });

  it('lib/model may import lib/model', async () => {
    expect(await errors('lib/model/__good.ts', runtimeImport('./taxonomy'))).toEqual([]);
  });

  it.each(['../storage/store', '../protocol/handler', '../formats/kindred-file', '../i18n'])(
    'lib/linkedin does not import %s',
    async (specifier) => {
      expect(await ruleIds('lib/linkedin/__bad.ts', runtimeImport(specifier))).toContain(PATHS);
    },
  );

  it('lib/linkedin may import lib/model', async () => {
    expect(await errors('lib/linkedin/__good.ts', runtimeImport('../model/contact'))).toEqual([]);
  });

  it.each(['dexie', 'valibot', 'papaparse', 'wxt/browser', 'webextension-polyfill', '#imports'])(
    'lib/model and lib/linkedin do not use %s',
    async (specifier) => {
      expect(await ruleIds('lib/model/__bad.ts', runtimeImport(specifier))).toContain('kindred/layer-packages');
      expect(await ruleIds('lib/linkedin/__bad.ts', typeImport(specifier))).toContain('kindred/layer-packages');
    },
  );

  it.each(['../linkedin/profile-extract', '../storage/db', '../protocol/operations', '../i18n'])(
    'lib/formats does not import %s',
    async (specifier) => {
      expect(await ruleIds('lib/formats/__bad.ts', runtimeImport(specifier))).toContain(PATHS);
    },
  );

  it('lib/formats does not use dexie or the browser', async () => {
    expect(await ruleIds('lib/formats/__bad.ts', runtimeImport('dexie'))).toContain('kindred/layer-packages');
    expect(await ruleIds('lib/formats/__bad.ts', runtimeImport('wxt/browser'))).toContain('kindred/layer-packages');
  });

  it.each(['../model/contact', './export-format', 'valibot', 'papaparse'])(
    'lib/formats may import %s',
    async (specifier) => {
      expect(await errors('lib/formats/__good.ts', runtimeImport(specifier))).toEqual([]);
    },
  );

  it.each(['../protocol/operations', '../linkedin/profile-extract', '../i18n'])(
    'lib/storage does not import %s',
    async (specifier) => {
      expect(await ruleIds('lib/storage/__bad.ts', runtimeImport(specifier))).toContain(PATHS);
    },
  );

  it.each(['../model/contact', '../formats/export-format', './db', 'dexie'])(
    'lib/storage may import %s',
    async (specifier) => {
      expect(await errors('lib/storage/__good.ts', runtimeImport(specifier))).toEqual([]);
    },
  );

  it.each([
    '../model/contact',
    '../linkedin/profile-extract',
    '../formats/kindred-file',
    '../storage/store',
    '../i18n',
  ])('lib/protocol may import %s', async (specifier) => {
    expect(await errors('lib/protocol/__good.ts', runtimeImport(specifier))).toEqual([]);
  });

  it('lib/ never imports components or entrypoints', async () => {
    expect(await ruleIds('lib/protocol/__bad.ts', runtimeImport('../../components/shared/Tabs'))).toContain(PATHS);
  });
});

describe('what the content script reaches', () => {
  const RULE = 'kindred/content-script-runtime';

  it.each([
    ['entrypoints/linkedin.content/__bad.ts', 'dexie'],
    ['entrypoints/linkedin.content/__bad.ts', '../../lib/storage/store'],
    ['components/panel/__bad.tsx', 'valibot'],
    ['components/panel/__bad.tsx', '../../lib/storage/db'],
    ['components/shared/TagButton.tsx', 'papaparse'],
    ['lib/protocol/transport.ts', 'valibot'],
    ['lib/protocol/transport.ts', '../storage/store'],
    ['lib/linkedin/__bad.ts', '@/lib/storage/store'],
  ])('%s does not import %s at runtime', async (filePath, specifier) => {
    expect(await ruleIds(filePath, runtimeImport(specifier))).toContain(RULE);
  });

  it.each([
    ['entrypoints/linkedin.content/__good.ts', '../../lib/storage/store'],
    ['components/panel/__good.tsx', 'valibot'],
    ['lib/protocol/transport.ts', '../storage/store'],
  ])('%s may import the types of %s', async (filePath, specifier) => {
    expect(await ruleIds(filePath, typeImport(specifier))).not.toContain(RULE);
  });

  it('the rest of lib/protocol may use valibot', async () => {
    expect(await errors('lib/protocol/__good.ts', runtimeImport('valibot'))).toEqual([]);
  });
});

describe('the browser APIs', () => {
  const MESSAGE = /Only the entrypoints and the adapters/;

  it.each([
    ['components/popup/__bad.tsx', runtimeImport('wxt/browser')],
    ['lib/storage/__bad.ts', runtimeImport('webextension-polyfill')],
    ['lib/model/__bad.ts', runtimeImport('@wxt-dev/browser')],
    ['lib/protocol/handler.ts', 'export const id = browser.runtime.id;\n'],
    ['components/shared/__bad.tsx', 'export const id = chrome.runtime.id;\n'],
  ])('%s may not use them', async (filePath, code) => {
    const found = await errors(filePath, code);
    expect(found.map((message) => message.ruleId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(kindred\/browser-api|no-restricted-globals)$/)]),
    );
    expect(found.some((message) => MESSAGE.test(message.message))).toBe(true);
  });

  it.each([
    'entrypoints/popup/__good.ts',
    'lib/protocol/transport.ts',
    'lib/protocol/page-client.ts',
    'lib/i18n.ts',
    'build/__good.ts',
    'tests/support/__good.ts',
    'bench/__good.ts',
  ])('%s may use them', async (filePath) => {
    const code = `import { browser } from 'wxt/browser';\n\nexport const ids = [browser.runtime.id, chrome.runtime.id];\n`;
    expect(await errors(filePath, code)).toEqual([]);
  });
});

describe('components', () => {
  it.each(['../../lib/storage/store', 'dexie'])('do not import %s at runtime', async (specifier) => {
    expect(await ruleIds('components/options/__bad.tsx', runtimeImport(specifier))).toContain(
      'kindred/components-runtime',
    );
  });

  it('may import lib/storage types', async () => {
    expect(await errors('components/options/__good.tsx', typeImport('../../lib/storage/store'))).toEqual([]);
  });
});

describe('tests', () => {
  it.each([
    ['lib/model/__bad.test.ts', './balance.test'],
    ['tests/unit/__bad.test.ts', './locales.test'],
    ['tests/e2e/__bad.e2e.ts', './core.e2e'],
    ['tests/support/__bad.ts', '../e2e/core.e2e'],
  ])('%s does not import the test file %s', async (filePath, specifier) => {
    expect(await ruleIds(filePath, runtimeImport(specifier))).toContain(PATHS);
  });

  it('test files may import tests/support and any layer', async () => {
    const code = `${runtimeImport('../../tests/support/db-helpers')}export { i18n } from '../i18n';\n`;
    expect(await errors('lib/model/__good.test.ts', code)).toEqual([]);
  });

  it.each(['lib/storage/__bad.ts', 'components/options/__bad.tsx', 'entrypoints/__bad.ts', 'build/__bad.ts'])(
    '%s, which ships, does not import tests/',
    async (filePath) => {
      const specifier = relative(join(ROOT, filePath, '..'), join(ROOT, 'tests/support/db-helpers'));
      expect(await ruleIds(filePath, runtimeImport(specifier))).toContain(PATHS);
    },
  );
});

describe('import cycles', () => {
  // A cycle needs two files that exist on disk for the resolver to follow; made here and removed after.
  const dir = mkdtempSync(join(ROOT, 'tests/.lint-cycle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are reported wherever they are', async () => {
    writeFileSync(join(dir, 'a.ts'), `import { b } from './b';\n\nexport const a = () => b;\n`);
    writeFileSync(join(dir, 'b.ts'), `import { a } from './a';\n\nexport const b = () => a;\n`);
    const rel = relative(ROOT, dir);
    expect(await ruleIds(`${rel}/a.ts`, `import { b } from './b';\n\nexport const a = () => b;\n`)).toContain(
      'import-x/no-cycle',
    );
  });

  it('are not reported for a one-way import', async () => {
    writeFileSync(join(dir, 'c.ts'), `export const c = 1;\n`);
    const rel = relative(ROOT, dir);
    expect(await errors(`${rel}/d.ts`, `import { c } from './c';\n\nexport const d = c;\n`)).toEqual([]);
  });
});
