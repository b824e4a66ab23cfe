/**
 * Calls `onChange(newUrl)` when the page changes its URL without loading (LinkedIn's in-page
 * navigation). Kindred's own, not WXT's `wxt:locationchange`: WXT's watcher stops with WXT's content
 * script context, which the page can shut down with one forged document event.
 */
export function watchLocation(onChange: (url: URL) => void, signal: AbortSignal): void {
  let last = location.href;
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    // Fires as the navigation starts, before the new page's DOM is there: the caller waits for it.
    navigation.addEventListener(
      'navigate',
      (event) => {
        if (!event.isTrusted) return; // the page can dispatch events on `navigation` too
        const url = new URL((event as Event & { destination: { url: string } }).destination.url);
        if (url.href === last) return;
        last = url.href;
        onChange(url);
      },
      { signal },
    );
    return;
  }
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange(new URL(last));
  }, 250);
  signal.addEventListener('abort', () => clearInterval(timer));
}
