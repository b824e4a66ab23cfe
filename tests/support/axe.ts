import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * axe-core, to evaluate in a page before `seriousAxeViolations`: evaluate() is not subject to the extension
 * pages' CSP, which forbids injected script tags (in Chromium over CDP and in Firefox over BiDi alike).
 */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs in the page, after `AXE`: its serious and critical axe-core violations (WCAG 2.x A and AA, best
 * practice), or a note that axe checked almost nothing (an axe that did not run finds nothing wrong either).
 */
export async function seriousAxeViolations(): Promise<string[]> {
  const axe = (
    window as unknown as {
      axe: {
        run: (
          context: unknown,
          options: unknown,
        ) => Promise<{
          violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown; failureSummary: string }> }>;
          passes: unknown[];
        }>;
      };
    }
  ).axe;
  const result = await axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
  });
  if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' | ')}`,
    );
}
