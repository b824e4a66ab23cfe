/**
 * Stands in for is-potential-custom-element-name in the content script's bundle: WXT checks the
 * name we give our panel's element, which is ours and fixed ("kindred-panel"), against a 300-byte
 * Unicode regular expression. Lower-case ASCII with a dash is all Kindred uses.
 */
export default function isPotentialCustomElementName(name: string): boolean {
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(name);
}
