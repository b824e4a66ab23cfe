/**
 * Stands in for @1natsu/wait-element in the content script's bundle. WXT's createShadowRootUi only
 * uses it for `autoMount()`, which Kindred never calls; bundlers cannot see that, so without this the
 * library and its dependencies (about 2 KB gzipped) would ship on every LinkedIn page.
 */
function unused(): never {
  throw new Error('autoMount is not used by Kindred');
}

export const waitElement = unused;
export const isExist = unused;
export const isNotExist = unused;
