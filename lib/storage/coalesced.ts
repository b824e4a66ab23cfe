/**
 * Wraps a background task so that calls never overlap: a call while it runs schedules exactly one
 * more run after it, however many calls came in. Failures are reported to `onError` and do not stop
 * later runs.
 */
export function coalesced(
  task: () => Promise<void>,
  onError: (error: unknown) => void = () => {},
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await task().catch(onError);
    } while (again);
    running = null;
  };
  return () => {
    if (running) again = true;
    else running = run();
    return running;
  };
}
