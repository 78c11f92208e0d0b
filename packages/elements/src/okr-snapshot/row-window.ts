/**
 * Which rows of a long list to render: the ones in the scroll viewport plus a few
 * either side (overscan), from each row's height. Pure, so it is easy to test and
 * cheap to run on every scroll frame (a prefix sum and a binary search).
 */

export interface RowWindow {
  /** First row to render (inclusive). */
  readonly start: number;
  /** Last row to render (exclusive). */
  readonly end: number;
  /** Offset of `start` from the top of the list, in pixels. */
  readonly offset: number;
  /** Height of the whole list, in pixels. */
  readonly total: number;
}

/** Offsets of each row's top edge, plus the total height as the last element. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

/** The index of the row at `y` (the last row whose top is at or above `y`). */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

export function rowWindow(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): RowWindow {
  const count = offsets.length - 1;
  const total = offsets[count] ?? 0;
  if (count <= 0) return { start: 0, end: 0, offset: 0, total };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, Math.max(0, scrollTop + viewport));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + 1 + overscan);
  return { start, end, offset: offsets[start] ?? 0, total };
}
