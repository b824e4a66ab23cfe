import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/harness';

/** Kindred for Firefox as `npm run build:firefox` made it (`npm test` builds it first), checked by Mozilla's linter. */
describe('the Firefox build', () => {
  it('passes web-ext lint with no errors and declares that nothing is collected', () => {
    const dir = join(ROOT, '.output/firefox-mv2');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: 'kindred@kindred-network.org',
      data_collection_permissions: { required: ['none'] },
    });
    // unlimitedStorage keeps the data from being evicted; alarms recounts who is due each day and spaces
    // the opt-in sync's writes; storage serves that sync (README: permissions); nothing else is asked for.
    expect(manifest.permissions ?? []).toEqual(['unlimitedStorage', 'storage', 'alarms']);

    const report = JSON.parse(
      execFileSync(
        join(ROOT, 'node_modules/.bin/web-ext'),
        ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ),
    ) as { errors: unknown[]; warnings: Array<{ code: string; file: string; message: string }> };
    expect(report.errors).toEqual([]);
    // The only warnings allowed: Preact's renderer supports dangerouslySetInnerHTML, which Kindred never uses.
    const unexpected = report.warnings.filter(
      (w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message)),
    );
    expect(unexpected).toEqual([]);
  });
});
