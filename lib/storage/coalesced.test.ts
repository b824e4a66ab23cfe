import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesced';

describe('coalesced', () => {
  it('runs once more after the current run, however many calls came in during it', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const task = coalesced(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          release = resolve;
        }),
    );
    const first = task();
    void task();
    void task();
    expect(runs).toBe(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    release();
    await first;
    expect(runs).toBe(2);
    void task();
    expect(runs).toBe(3);
    release();
  });

  it('keeps going after a failure and reports it', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const task = coalesced(
      async () => {
        calls++;
        if (calls === 1) throw new Error('disk full');
      },
      (error) => errors.push(error),
    );
    await task();
    await task();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('disk full')]);
  });
});
