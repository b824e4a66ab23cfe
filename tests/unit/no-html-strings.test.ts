import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Names, headlines and notes are other people's text: Kindred only ever renders it as text. */
describe('the source', () => {
  it('Kindred’s own code never writes HTML from strings', () => {
    const hits = execSync(
      "git grep --untracked -nE 'dangerouslySetInnerHTML|\\.innerHTML\\s*=|insertAdjacentHTML|document\\.write' -- lib components entrypoints app ':!*.test.ts' ':!*.test.tsx' || true",
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(hits.trim()).toBe('');
  });
});
