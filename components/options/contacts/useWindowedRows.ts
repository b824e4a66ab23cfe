import type { RefObject, TargetedUIEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Fixed row height in pixels; the CSS uses the same numbers (--ct-row-height, --ct-header-height). */
export const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 40;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 5;
/** The scroll area's height when it cannot be measured (tests, not yet laid out). */
const FALLBACK_HEIGHT = 600;

export interface WindowedRows {
  /** The scroll area: a fixed-height element whose rows are all ROW_HEIGHT tall below a sticky header. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The active row, kept within the rows there are. */
  active: number;
  setActive: (i: number) => void;
  /** The rendered rows are [start, end); spacers stand in for the others. */
  start: number;
  end: number;
  /** How many rows PageUp and PageDown move. */
  rowsPerPage: number;
  onScroll: (event: TargetedUIEvent<HTMLDivElement>) => void;
  /** Makes row `i` (clamped) active and scrolls it into view. */
  moveTo: (i: number) => void;
  /** A new search, filter or order starts at the top. */
  restart: () => void;
  /**
   * After scrolling with the mouse the active row may be far away: a key then starts from what is on screen
   * rather than acting on (or jumping back to) a row the user cannot see. Returns whether it moved.
   */
  returnToScreen: () => boolean;
  /** Focus comes back to the grid: make sure the active row is one that is rendered. */
  keepActiveRendered: () => void;
}

/**
 * Which of `count` rows to render in a scroll area so that 30,000 stay fast: only those on screen plus a
 * few either side, recomputed from the scroll position. Also tracks the active (keyboard) row.
 */
export function useWindowedRows(count: number): WindowedRows {
  const [activeIndex, setActiveIndex] = useState(0);
  const [firstVisible, setFirstVisible] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_HEIGHT);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Measure the scroll area; happy-dom (and a hidden page) report 0, so fall back to a sensible size.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight > 0 ? element.clientHeight : FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const active = Math.min(activeIndex, Math.max(0, count - 1));
  const rowsArea = Math.max(ROW_HEIGHT, viewportHeight - HEADER_HEIGHT);
  const rowsPerPage = Math.max(1, Math.floor(rowsArea / ROW_HEIGHT));
  const start = Math.max(0, Math.min(firstVisible, count) - OVERSCAN);
  const end = Math.min(count, firstVisible + Math.ceil(rowsArea / ROW_HEIGHT) + OVERSCAN);

  function onScroll(event: TargetedUIEvent<HTMLDivElement>) {
    setFirstVisible(Math.max(0, Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT)));
  }

  /** Scrolls just enough for row `i` to be fully visible below the sticky header. */
  function reveal(i: number) {
    const element = scrollRef.current;
    if (!element) return;
    const top = i * ROW_HEIGHT;
    let scrollTop = element.scrollTop;
    if (top < scrollTop) scrollTop = top;
    else if (top + ROW_HEIGHT > scrollTop + rowsArea) scrollTop = top + ROW_HEIGHT - rowsArea;
    if (scrollTop !== element.scrollTop) element.scrollTop = scrollTop;
    setFirstVisible(Math.max(0, Math.floor(scrollTop / ROW_HEIGHT)));
  }

  function moveTo(i: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, i));
    setActiveIndex(next);
    reveal(next);
  }

  function restart() {
    setActiveIndex(0);
    setFirstVisible(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }

  function returnToScreen(): boolean {
    const scrollTop = scrollRef.current?.scrollTop ?? 0;
    const outOfView = (active + 1) * ROW_HEIGHT <= scrollTop || active * ROW_HEIGHT >= scrollTop + rowsArea;
    if (count === 0 || !outOfView) return false;
    moveTo(Math.ceil(scrollTop / ROW_HEIGHT));
    return true;
  }

  function keepActiveRendered() {
    if (count === 0) return;
    if (active < start || active >= end) setActiveIndex(Math.min(count - 1, firstVisible));
  }

  return {
    scrollRef,
    active,
    setActive: setActiveIndex,
    start,
    end,
    rowsPerPage,
    onScroll,
    moveTo,
    restart,
    returnToScreen,
    keepActiveRendered,
  };
}
