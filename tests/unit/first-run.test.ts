import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

describe('first run', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // WXT's fake browser has no in-memory ports; the import port's listener only needs to be accepted.
    vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  });

  it('opens the options page on its welcome when Kindred is installed, not when it is updated', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: expect.stringMatching(/\/options\.html#welcome$/) });
  });
});
