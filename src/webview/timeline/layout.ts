// Sizes of the chart and the shapes of its marks, shared by the chart, the legend and the
// saved figure so that the legend draws exactly what the chart draws.

import type { TimelineItem, TimelineRole } from '../../core/timeline/types';
import type { Lane } from './model';

/** Width of the lane names on the left; the plot starts there. */
export const LABEL_WIDTH = 230;
export const RIGHT_PAD = 18;
export const AXIS_HEIGHT = 30;
export const TRACK_HEIGHT = 18;
export const LANE_PAD = 6;
/** A bar never gets thinner than this, so a month stays visible when ten years fit the screen. */
export const MIN_BAR_WIDTH = 3;
/** The narrowest span one can zoom to: three days across the plot. */
export const MIN_SPAN_MS = 3 * 86_400_000;

/** Symbols of one-day marks, centred on (0, 0): due is a diamond, made a circle, mentioned a small square. */
export const POINT_PATHS: Record<TimelineRole, string> = {
  due: 'M0,-6.5L6.5,0L0,6.5L-6.5,0Z',
  made: 'M5,0A5,5 0 1 1 -5,0A5,5 0 1 1 5,0Z',
  mentioned: 'M-3.5,-3.5H3.5V3.5H-3.5Z',
};

/** Heights of bars: a mention is thinner than a claim's date. */
export const BAR_HEIGHT: Record<TimelineRole, number> = { due: 10, made: 10, mentioned: 5 };

/**
 * Corner radius of a bar. A suggestion's dashed outline is drawn with square corners: the
 * browser dashes a rounded outline along its curves at about twice the raster time, a
 * third of a zoom step at 10,000 marks, and the square one shows its dashes more evenly.
 */
export function barRadius(status: TimelineItem['status']): number {
  return status === 'suggested' ? 0 : 1.5;
}

/** The flag at a due bar's end (its deadline), drawn from the bar's end x. */
export const DUE_FLAG_PATH = 'M0,-8V6M0,-8L7,-5L0,-2Z';

export function laneHeight(lane: Lane): number {
  return lane.tracks * TRACK_HEIGHT + LANE_PAD * 2;
}

export interface LaneBox {
  lane: Lane;
  top: number;
  height: number;
}

export function stackLanes(lanes: readonly Lane[]): { boxes: LaneBox[]; height: number } {
  let top = 0;
  const boxes = lanes.map((lane) => {
    const box = { lane, top, height: laneHeight(lane) };
    top += box.height;
    return box;
  });
  return { boxes, height: top };
}

/** The centre line of a track inside its lane. */
export function trackY(track: number): number {
  return LANE_PAD + track * TRACK_HEIGHT + TRACK_HEIGHT / 2;
}

/** The colour class of an item: by kind, and for a claim by its type. */
export function colourClass(item: TimelineItem): string {
  if (item.kind === 'date') return 'c-date';
  return item.claimType ? `c-${item.claimType}` : 'c-claim';
}

/** Small marks beside a mark for a person's judgement: a commitment's verdict, or a disputed status. */
export function glyphOf(item: TimelineItem): string {
  if (item.verdict === 'kept') return '✓';
  if (item.verdict === 'broken') return '✗';
  if (item.verdict === 'disputed' || item.status === 'disputed') return '?';
  return '';
}
