import { afterEach, describe, expect, it } from 'vitest';
import { panelShouldBeDark } from './page-theme';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('panelShouldBeDark', () => {
  it('follows LinkedIn’s dark background whatever the system says', () => {
    document.body.style.backgroundColor = 'rgb(27, 31, 35)';
    expect(panelShouldBeDark(document, false)).toBe(true);
  });

  it('follows LinkedIn’s light background whatever the system says', () => {
    document.documentElement.style.backgroundColor = 'rgb(244, 242, 238)';
    expect(panelShouldBeDark(document, true)).toBe(false);
  });

  it('follows the system where the page has no background', () => {
    expect(panelShouldBeDark(document, true)).toBe(true);
    expect(panelShouldBeDark(document, false)).toBe(false);
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    expect(panelShouldBeDark(document, true)).toBe(true);
  });
});
