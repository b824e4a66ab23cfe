import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './harness';

/** The built content script, which every LinkedIn page loads. */
export const CONTENT_SCRIPT_FILE = `${EXTENSION_DIR}/content-scripts/linkedin.js`;

/**
 * The content script's budget in gzip bytes: it loads on every LinkedIn page. tests/e2e/budget.e2e.ts
 * fails over it and the benchmark (bench/run.ts) reports against it.
 */
export const CONTENT_SCRIPT_GZIP_BUDGET = 10_000;

/** Size after gzip at its highest level: roughly what the browser holds to parse, and stable between runs. */
export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}
