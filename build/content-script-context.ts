/**
 * Stands in for WXT's `ContentScriptContext` in the content script's bundle. WXT's entry wrapper builds
 * one for every content script; Kindred's relies on nothing of it (entrypoints/linkedin.content/index.ts
 * ends itself with its own AbortController, only when the extension context is really gone), because the
 * real one listens on the page's document for a `…:wxt:content-script-started` event that any page can
 * forge to end it. Leaving it out drops that listener and about 0.8 KB (gzipped) that every LinkedIn page
 * would load for nothing.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
