import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import background from '../../entrypoints/background';

describe('the background starts where an API is missing', () => {
  it('starts without the commands API (Firefox for Android)', async () => {
    const commands = Object.getOwnPropertyDescriptor(browser, 'commands');
    Object.defineProperty(browser, 'commands', { configurable: true, value: undefined });
    // WXT's fake browser has no in-memory ports; the import port's listener only needs to be accepted.
    vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    try {
      expect(() => background.main()).not.toThrow();
    } finally {
      if (commands) Object.defineProperty(browser, 'commands', commands);
    }
  });
});
