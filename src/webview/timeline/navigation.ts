// Where the keyboard cursor goes: within a lane by time, across lanes to the mark nearest
// in time. Pure (no DOM), unit-tested.

import type { Lane } from './model';

export interface CursorPosition {
  lane: number;
  mark: number;
}

export type NavigationKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';
export const NAVIGATION_KEYS: readonly NavigationKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/** The mark of `lane` whose start is nearest `time` (the earlier one on a tie). */
export function nearestInLane(lane: Lane, time: number): number {
  const marks = lane.marks;
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid]?.placed.start ?? Infinity) < time) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= marks.length) return marks.length - 1;
  const after = marks[lo]?.placed.start ?? Infinity;
  const before = lo > 0 ? (marks[lo - 1]?.placed.start ?? -Infinity) : -Infinity;
  return time - before <= after - time ? lo - 1 : lo;
}

/** The cursor after a key; the same position when it cannot move (first mark, last lane). */
export function navigate(lanes: readonly Lane[], at: CursorPosition, key: NavigationKey): CursorPosition {
  const lane = lanes[at.lane];
  const mark = lane?.marks[at.mark];
  if (!lane || !mark) return at;
  switch (key) {
    case 'ArrowLeft':
      return { lane: at.lane, mark: Math.max(0, at.mark - 1) };
    case 'ArrowRight':
      return { lane: at.lane, mark: Math.min(lane.marks.length - 1, at.mark + 1) };
    case 'Home':
      return { lane: at.lane, mark: 0 };
    case 'End':
      return { lane: at.lane, mark: lane.marks.length - 1 };
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = key === 'ArrowUp' ? -1 : 1;
      // Lanes are never empty (a lane exists because a mark is in it), but stay safe.
      for (let i = at.lane + step; i >= 0 && i < lanes.length; i += step) {
        const next = lanes[i];
        if (next && next.marks.length > 0) return { lane: i, mark: nearestInLane(next, mark.placed.start) };
      }
      return at;
    }
  }
}
