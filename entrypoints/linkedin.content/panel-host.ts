/**
 * The panel's element in LinkedIn's page: `<kindred-panel>` with a shadow root, so LinkedIn's styles
 * stop at its edge (the reset) and ours stay inside. Key events stay inside too: typing a note must
 * not trigger LinkedIn's keyboard shortcuts. The root is open because the end-to-end tests read it.
 */
export function createPanelHost(css: string): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('kindred-panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial!important}${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress'])
    shadow.addEventListener(type, (event) => event.stopPropagation());
  return { host, container };
}
