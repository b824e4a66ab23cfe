import { Fragment, type ComponentChildren } from 'preact';

const mark = (i: number) => `\uE000${i}\uE001`;
const MARKS = /\uE000(\d+)\uE001/;

/**
 * A translated sentence with elements inside, such as a number in <strong>. `message` receives one
 * placeholder string per node, to pass as the substitutions (e.g.
 * `(marks) => i18n.t('balance.progress', known, [marks[0]!, known])`); each comes back as its node.
 */
export function withNodes(message: (marks: string[]) => string, nodes: ComponentChildren[]): ComponentChildren {
  return message(nodes.map((_, i) => mark(i)))
    .split(MARKS)
    .map((piece, i) => (i % 2 === 0 ? piece : <Fragment key={i}>{nodes[Number(piece)]}</Fragment>));
}
