/**
 * Stands in for @webext-core/isolated-element in the content script's bundle: the same contract as
 * the part WXT's createShadowRootUi uses (an element with a shadow root, the styles and a container
 * inside it, key events kept inside), without what Kindred never needs: CSS fetched from a URL and a
 * 300-byte Unicode check of the element's name, which is ours and fixed ("kindred-panel").
 */
interface Options {
  name: string;
  mode?: ShadowRootMode;
  css?: { textContent: string };
  isolateEvents?: boolean | string[];
}

export async function createIsolatedElement({ name, mode = 'closed', css, isolateEvents = false }: Options) {
  const parentElement = document.createElement(name);
  const shadow = parentElement.attachShadow({ mode });
  const isolatedElement = document.createElement('div');
  if (css) {
    const style = document.createElement('style');
    style.textContent = css.textContent;
    shadow.append(style);
  }
  shadow.append(isolatedElement);
  const isolated = isolateEvents === true ? ['keydown', 'keyup', 'keypress'] : isolateEvents || [];
  for (const type of isolated) shadow.addEventListener(type, (event) => event.stopPropagation());
  return { parentElement, shadow, isolatedElement };
}
