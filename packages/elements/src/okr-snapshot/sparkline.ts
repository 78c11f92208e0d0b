import type { SeriesPoint } from '@okrkit/core';

/**
 * The geometry of a small progress sparkline: a polyline through the weeks an item
 * existed, progress 0..1 mapped to the height, and the point of one highlighted week.
 */
export interface Sparkline {
  readonly points: string;
  readonly marker?: { readonly x: number; readonly y: number };
  readonly first: number;
  readonly last: number;
}

export function sparkline(
  series: readonly SeriesPoint[],
  width: number,
  height: number,
  highlight?: string,
): Sparkline | undefined {
  const known = series.filter((p): p is { week: string; progress: number } => p.progress !== undefined);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return undefined;
  const pad = 2;
  const step = known.length > 1 ? (width - pad * 2) / (known.length - 1) : 0;
  const at = (i: number, progress: number) => ({
    x: Math.round((pad + (known.length > 1 ? i * step : (width - pad * 2) / 2)) * 10) / 10,
    y: Math.round((height - pad - progress * (height - pad * 2)) * 10) / 10,
  });
  const coords = known.map((p, i) => at(i, p.progress));
  const markIndex = known.findIndex((p) => p.week === highlight);
  const marker = coords[markIndex];
  return {
    points: coords.map((c) => `${c.x},${c.y}`).join(' '),
    ...(marker ? { marker } : {}),
    first: first.progress,
    last: last.progress,
  };
}
