import type { PageClient, Watch } from '../../lib/protocol/page-client';

/** A watched read that yields one value (after `load` resolves) and never changes. */
export function watchOf<T>(load: T | (() => Promise<T>)): Watch<T> {
  return (onValue, onError) => {
    let live = true;
    Promise.resolve(typeof load === 'function' ? (load as () => Promise<T>)() : load).then(
      (value) => live && onValue(value),
      (error: unknown) => live && onError?.(error),
    );
    return () => {
      live = false;
    };
  };
}

/**
 * A page client for UI tests: every member throws unless the test gives it, so a test states exactly
 * what the component may use.
 */
export function fakePageClient(parts: Partial<PageClient>): PageClient {
  return new Proxy(parts as PageClient, {
    get(target, name: string) {
      if (name in target) return target[name as keyof PageClient];
      throw new Error(`fakePageClient: the test did not provide "${name}"`);
    },
  });
}
