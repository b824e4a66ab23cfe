import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../lib/model/colour';
import { DEFAULT_TAXONOMY } from '../../lib/model/taxonomy';

/**
 * WCAG AA (4.5:1 for text) for every colour pair the panel, popup and options page draw text with,
 * in the light and the dark theme. axe-core checks the pages in the browser too, but cannot measure
 * inside the panel's shadow root, so the palette itself is checked here.
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** The custom properties of the CSS block whose selector matches `selector`. */
function variables(file: string, selector: RegExp): Record<string, string> {
  const css = readFileSync(resolve(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    // The dark theme's media block is read separately (darkRoot).
    .replace(/@media \(prefers-color-scheme: dark\)\s*\{[^{}]*\{[^{}]*\}\s*\}/g, '');
  const blocks = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter(([, sel]) => selector.test(sel!.trim()));
  const vars: Record<string, string> = {};
  for (const [, , body] of blocks)
    for (const [, name, value] of body!.matchAll(/--([\w-]+):\s*([^;]+);/g)) vars[name!] = value!.trim();
  return vars;
}

const themes = {
  'panel, light': variables('entrypoints/panel/style.css', /^\.panel$/),
  'panel, dark': variables('entrypoints/panel/style.css', /^\.dark$/),
  'pages, light': variables('components/shared/theme.css', /^:root$/),
  'pages, dark': variables('components/shared/theme.css', /^:root$/),
};
Object.assign(themes['pages, dark'], variables('components/shared/theme.css', /^:root$/), darkRoot());

function darkRoot(): Record<string, string> {
  const css = readFileSync(resolve(ROOT, 'components/shared/theme.css'), 'utf8');
  const media = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return Object.fromEntries([...media.matchAll(/--([\w-]+):\s*([^;]+);/g)].map(([, n, v]) => [n!, v!.trim()]));
}

describe('colour contrast', () => {
  for (const [theme, vars] of Object.entries(themes)) {
    it(`${theme}: text, muted text, links, errors and focus rings on the background`, () => {
      expect(Object.keys(vars).length).toBeGreaterThan(4);
      for (const name of ['fg', 'muted', 'accent', 'error']) {
        expect(contrastRatio(vars[name]!, vars.bg!), `--${name} on --bg`).toBeGreaterThanOrEqual(4.5);
      }
      // Non-text contrast (WCAG 1.4.11) for the focus ring.
      expect(contrastRatio(vars.focus!, vars.bg!), '--focus on --bg').toBeGreaterThanOrEqual(3);
    });
  }

  it('white labels on every default tag colour (pressed tags)', () => {
    for (const tag of DEFAULT_TAXONOMY) expect(contrastRatio('#ffffff', tag.color), tag.id).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG ratios', () => {
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2f855a', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('red', '#fff')).toBeNaN();
  });
});
