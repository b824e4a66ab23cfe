import { type Mock, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { sendToBackground } from './transport';

const ok = (value: unknown) => ({ ok: true, value });
/** runtime.sendMessage, typed loosely: the tests answer with whatever a worker might. */
const spySend = () =>
  vi.spyOn(browser.runtime, 'sendMessage') as unknown as Mock<(message: unknown) => Promise<unknown>>;

describe('sendToBackground', () => {
  it('sends again when a stopped worker never answered', async () => {
    const send = spySend()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce(ok(null));
    await expect(sendToBackground({ type: 'setPanelCollapsed', collapsed: true })).resolves.toBeNull();
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('turns an error reply into a rejection with its message, without retrying', async () => {
    const send = spySend().mockResolvedValue({ ok: false, error: 'Unknown tag "x".' });
    await expect(sendToBackground({ type: 'setTag', contactId: 'a', tagId: 'x', on: true })).rejects.toThrow(
      'Unknown tag "x".',
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after a few silent attempts', async () => {
    spySend().mockResolvedValue(undefined);
    await expect(sendToBackground({ type: 'getContact', contactId: 'a' })).rejects.toThrow('did not answer');
  });

  it('keeps the order of changes even when the first needs a retry', async () => {
    const arrived: unknown[] = [];
    let first = true;
    spySend().mockImplementation(async (message: unknown) => {
      if (first) {
        first = false;
        return undefined; // lost: will be sent again
      }
      arrived.push(message);
      return ok(null);
    });
    await Promise.all([
      sendToBackground({ type: 'setTag', contactId: 'a', tagId: 'peer', on: true }),
      sendToBackground({ type: 'setTag', contactId: 'a', tagId: 'peer', on: false }),
    ]);
    expect(arrived.map((m) => (m as { on: boolean }).on)).toEqual([true, false]);
  });
});
