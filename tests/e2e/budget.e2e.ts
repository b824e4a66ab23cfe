import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_GZIP_BUDGET, gzipBytes } from '../support/size';

/** Runs after `npm run build`, on what ships: a size regression fails the tests, not just the benchmark. */
describe('content-script size', () => {
  it(`stays within ${CONTENT_SCRIPT_GZIP_BUDGET} bytes gzipped`, () => {
    expect(gzipBytes(CONTENT_SCRIPT_FILE)).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  });
});
