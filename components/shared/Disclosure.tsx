import type { ComponentChildren } from 'preact';

/** A list of details a report offers on request (skipped rows, note conflicts), closed at first. */
export function Disclosure({ summary, children }: { summary: string; children: ComponentChildren }) {
  return (
    <details>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
