import os from 'node:os';

/** How much the benchmark measures: `--quick` is the smoke run `npm test` makes. */
export const quick = process.argv.includes('--quick');
export const CONTACTS = quick ? 1_000 : 30_000;
export const RUNS = quick ? 3 : 7;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
  baseline?: string;
  /** A second condition, e.g. "≤ 2× the empty database". */
  alsoOk?: boolean;
}
export const figures: Figure[] = [];

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The first and third quartiles, e.g. "0.98–1.12". */
export const quartiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!.toFixed(2);
  return `${at(0.25)}–${at(0.75)}`;
};

export async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await measure(run));
  return median(values);
}

export function printTable() {
  const rows = figures.map((f) => {
    const over = f.value > f.target || f.alsoOk === false;
    const digits = f.unit === 'B' ? 0 : f.unit === '×' ? 3 : f.unit === 's' || f.unit === 'MB' ? 2 : 1;
    return [
      f.name,
      `${f.value.toFixed(digits)} ${f.unit}`,
      `≤ ${f.target} ${f.unit}`,
      f.baseline ?? '',
      over ? 'OVER TARGET' : 'ok',
    ];
  });
  const header = ['figure', 'median', 'target', 'baseline (same run)', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
}
