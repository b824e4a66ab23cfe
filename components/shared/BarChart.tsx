import { formatNumber, formatPercent } from '../../lib/i18n';

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** 0..1, shown as a percentage in the table. */
  share: number;
  /** A fill colour (a tag's; lightened in dark mode by theme.css); bars without one use the accent. */
  color?: string;
}

interface BarChartProps {
  id?: string;
  caption: string;
  /** Column headings of the table equivalent: [label, count, share]. */
  columns: [string, string, string];
  bars: Bar[];
  /** What the number at the end of each bar shows. */
  value: 'count' | 'share';
}

/** Horizontal bars drawn in SVG; the table beside them carries the same numbers for screen readers. */
export function BarChart({ id, caption, columns, bars, value }: BarChartProps) {
  const max = Math.max(1, ...bars.map((bar) => (value === 'count' ? bar.count : bar.share)));
  const rowHeight = 22;
  return (
    <figure class="chart" id={id}>
      <svg
        aria-hidden="true"
        viewBox={`0 0 300 ${bars.length * rowHeight}`}
        width="100%"
        height={bars.length * rowHeight}
      >
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const amount = value === 'count' ? bar.count : bar.share;
          return (
            <g key={bar.key}>
              <text x={0} y={y + 15} class="chart-label">
                {bar.label.length > 18 ? `${bar.label.slice(0, 17)}…` : bar.label}
              </text>
              <rect x={120} y={y + 4} width={140} height={14} rx={3} class="chart-track" />
              <rect
                x={120}
                y={y + 4}
                width={(amount / max) * 140}
                height={14}
                rx={3}
                class="chart-bar"
                style={bar.color ? { '--bar-color': bar.color } : undefined}
              />
              <text x={300} y={y + 15} class="chart-value" text-anchor="end">
                {value === 'count' ? formatNumber(bar.count) : formatPercent(bar.share)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row">{bar.label}</th>
              <td>{formatNumber(bar.count)}</td>
              <td>{formatPercent(bar.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
