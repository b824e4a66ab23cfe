import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageClient } from '../../../lib/protocol/page-client';
import { fakePageClient } from '../../../tests/support/fake-client';
import { BalanceTrend } from './BalanceTrend';
import { PurposeEditor } from './PurposeEditor';

afterEach(cleanup);

describe('PurposeEditor', () => {
  it('saves the statement, and refuses one over 500 characters before sending it', async () => {
    const setPurposeStatement = vi.fn<PageClient['setPurposeStatement']>(async () => null);
    render(<PurposeEditor statement="" client={fakePageClient({ setPurposeStatement })} />);
    const field = screen.getByRole('textbox', { name: 'Your professional purpose' });
    const save = screen.getByRole('button', { name: 'Save purpose' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(field, { target: { value: 'x'.repeat(501) } });
    expect(screen.getByText('At most 500 characters.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(save.disabled).toBe(true);
    fireEvent.input(field, { target: { value: 'A more equitable future of work' } });
    fireEvent.click(save);
    await screen.findByText('Saved.');
    expect(setPurposeStatement).toHaveBeenCalledExactlyOnceWith({ text: 'A more equitable future of work' });
  });

  it('says why a save failed', async () => {
    const setPurposeStatement = vi.fn<PageClient['setPurposeStatement']>(async () => {
      throw new Error('disk full');
    });
    render(<PurposeEditor statement="" client={fakePageClient({ setPurposeStatement })} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Your professional purpose' }), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save purpose' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: disk full');
  });
});

describe('BalanceTrend', () => {
  const row = (month: string, tagged: number, growth: number) => ({
    month,
    known: tagged,
    tagged,
    work: tagged - growth,
    growth,
    both: 0,
    tags: {},
  });

  it('gives each month’s shares in a table, newest first, under the trend sentence', () => {
    render(<BalanceTrend snapshots={[row('2026-08', 50, 11), row('2026-09', 100, 31)]} />);
    expect(screen.getByText('Since August 2026, your growth share rose from 22% to 31%.')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['MonthTaggedWorkOwn growth', 'September 202610069%31%', 'August 20265078%22%']);
  });

  it('explains that the trend comes with the second month', () => {
    render(<BalanceTrend snapshots={[]} />);
    expect(screen.getByText(/the trend shows from the second month on/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
