import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LayoutHealthNotice } from './LayoutHealthNotice';

afterEach(cleanup);

describe('LayoutHealthNotice', () => {
  it('says plainly which field Kindred could not read, how often', () => {
    render(<LayoutHealthNotice warnings={[{ field: 'company', missed: 6, of: 20 }]} />);
    const notice = screen.getByRole('status', { name: 'Reading LinkedIn' });
    expect(notice.textContent).toContain(
      'Kindred could not read the company on 6 of the last 20 profiles: LinkedIn may have changed its pages.',
    );
  });
});
