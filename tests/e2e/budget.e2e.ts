import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_GZIP_BUDGET, gzipBytes } from '../support/size';

/** Runs after `npm run build`, on what ships: a size regression fails the tests, not just the benchmark. */
describe('content-script size', () => {
  it(`stays within ${CONTENT_SCRIPT_GZIP_BUDGET} bytes gzipped`, () => {
    expect(gzipBytes(CONTENT_SCRIPT_FILE)).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  });

  it("carries none of WXT's content-script context, which announces itself to the page", () => {
    // WXT's wrapper posts `…:wxt:content-script-started` (naming the extension) to the page's window and
    // lets the page end the context with the same event; build/content-script-context.ts stands in for it.
    expect(readFileSync(CONTENT_SCRIPT_FILE, 'utf8')).not.toContain('content-script-started');
  });
});
