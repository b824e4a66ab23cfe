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

describe('request ids and what is retried', () => {
  it('sends the same request id on every attempt, and a new one for the next message', async () => {
    const send = spySend().mockResolvedValueOnce(undefined).mockResolvedValue(ok(null));
    await sendToBackground({ type: 'setPanelCollapsed', collapsed: true });
    await sendToBackground({ type: 'setPanelCollapsed', collapsed: false });
    const ids = send.mock.calls.map(([message]) => (message as { requestId: string }).requestId);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('retries when the worker stopped while handling the message', async () => {
    const send = spySend()
      .mockRejectedValueOnce(
        new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        ),
      )
      .mockResolvedValue(ok(null));
    await sendToBackground({ type: 'setPanelCollapsed', collapsed: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not retry a send that failed for another reason than a missing background', async () => {
    const send = spySend().mockRejectedValue(new Error('Message exceeded maximum allowed size of 64MB.'));
    await expect(sendToBackground({ type: 'setPanelCollapsed', collapsed: true })).rejects.toThrow('exceeded');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('starts an urgent message synchronously, after the messages still waiting in the queue', async () => {
    const sent: unknown[] = [];
    let answer: (value: unknown) => void = () => undefined;
    spySend().mockImplementation((message: unknown) => {
      sent.push((message as { note?: string; collapsed?: boolean }).note ?? 'collapse');
      // The first message's answer is slow: the others wait in the queue behind it.
      return sent.length === 1 ? new Promise((resolve) => (answer = resolve)) : Promise.resolve(ok(null));
    });
    const first = sendToBackground({ type: 'setPanelCollapsed', collapsed: true });
    await Promise.resolve();
    const waiting = sendToBackground({ type: 'setNote', contactId: 'a', note: 'older' });
    const urgent = sendToBackground({ type: 'setNote', contactId: 'a', note: 'newest' }, { urgent: true });
    // No await in between: the page may be gone after this line.
    expect(sent).toEqual(['collapse', 'older', 'newest']);
    answer(ok(null));
    await Promise.all([first, waiting, urgent]);
    expect(sent).toHaveLength(3);
  });
});
