// Where, beyond its own sentence, a control identifier may find its framework named.
// Prose names the framework beside the identifier, and contextWindow.ts covers that.
// Documents that cite controls (audit memos, assessment notes, control matrices) name
// the framework once, in an introduction or the section above, then list identifiers
// in bullets or tables. This module describes that structure (sections, lists) and the
// look-alike positions where an identifier-shaped code is never a control (a road, a
// model number), whatever the document says elsewhere.

/** The framework named this far before an identifier counts, across headings. */
export const WIDE_BEFORE = 1500;
/** Within the identifier's own section, the name may be this far before it... */
export const SECTION_BEFORE = 6000;
/** ...or this far after it. */
export const SECTION_AFTER = 1500;
/** A qualified identifier (see isQualified) may have its framework named this far before it. */
export const QUALIFIED_BEFORE = 10_000;
/** A sibling identifier (same paragraph, table or list) vouches for another at most this far away. */
export const LIST_REACH = 3000;

/**
 * "AC-2(1)", "A.9.2.3": an enhancement in brackets or a third level. Shapes that are
 * rare outside control catalogues, so they may sit further from their framework's name
 * than a bare "CA-1", which is also a road, a battery or a part number.
 */
export function isQualified(raw: string): boolean {
  return /\(\s?\d{1,2}\)$/.test(raw) || /\d\.\d{1,3}\.\d/.test(raw);
}

// Roads and journeys: "drove north on CA-1", "Highway CA-1", "take CA-1 south".
const ROAD_WORD = '(?:highway|hwy|route|rte|interstate|freeway|motorway|expressway|turnpike|road|exit)';
const COMPASS = '(?:north|south|east|west)(?:bound|ward|wards)?';
const TRAVEL_VERB =
  '(?:drove|drive|drives|driving|driven|head|heads|headed|heading|travel(?:s|led|ed|ling|ing)?|rode|ride|rides|riding|' +
  'cruis(?:e|ed|es|ing)|commut(?:e|ed|es|ing)|walk(?:s|ed|ing)?|cycl(?:e|ed|es|ing)|merg(?:e|ed|es|ing)|took|take|takes|taking)';
// Things numbered like controls: "model CA-1", "firmware A1.2", "part IAM-02", "Figure A.5.1".
const ITEM_WORD = '(?:model|part|firmware|version|ver|sku|flight|gate|room|seat|platform|figure|fig|table|exhibit|page|step|appendix)';
const LOOK_ALIKE_BEFORE = new RegExp(
  `(?:\\b${ROAD_WORD}\\.?|\\b${ITEM_WORD}\\.?(?:[^\\S\\r\\n]*(?:no\\.?|number|#))?|\\b${COMPASS}(?:[^\\S\\r\\n]+(?:on|along|via|onto))?` +
    `|\\b${TRAVEL_VERB}(?:[^\\S\\r\\n]+[a-z]+){0,2}?[^\\S\\r\\n]+(?:on|along|via|onto|off|down|up))[^\\S\\r\\n]*#?[^\\S\\r\\n]*$`,
  'i',
);
const LOOK_ALIKE_AFTER = new RegExp(
  `^[^\\S\\r\\n]*(?:,[^\\S\\r\\n]*)?(?:${COMPASS}\\b|toward(?:s)?\\b|(?:highway|freeway|motorway|expressway|interchange|exit)\\b)`,
  'i',
);

/** "PR.AC-8": the tail of a longer dotted code (here not a real CSF subcategory), not an identifier of its own. */
const DOTTED_PREFIX = /[A-Za-z]\.$/;
/** "$500.12": an amount of money, not a section number. */
const CURRENCY_PREFIX = /[$€£¥][^\S\r\n]?$/;

/** Whether the identifier at [start, end) reads as a road, a model, a page or money rather than a control. */
export function isLookAlike(text: string, start: number, end: number): boolean {
  return (
    DOTTED_PREFIX.test(text.slice(Math.max(0, start - 2), start)) ||
    CURRENCY_PREFIX.test(text.slice(Math.max(0, start - 2), start)) ||
    LOOK_ALIKE_BEFORE.test(text.slice(Math.max(0, start - 48), start)) ||
    LOOK_ALIKE_AFTER.test(text.slice(end, end + 24))
  );
}

interface Line {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
  blank: boolean;
  bullet: boolean;
}

const LINE_BREAK = /\r\n?|[\n\u2028\u2029\u0085]/g;
const BLANK = /^[\s\u00a0\ufeff]*$/;
const ATX = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const UNDERLINE = /^[ \t]{0,3}(?:={2,}|-{2,})[ \t]*$/;
const THEMATIC = /^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^[ \t\u00a0]*(?:[-*+•◦▪‣⁃●○■►▸·–—]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([A-Za-z0-9]{1,4}\))[ \t\u00a0]+\S/u;
/** A line alone between blank lines, short, capitalised and without a clause's ending, is a heading. */
const PLAIN_TITLE = /^[ \t\u00a0]*[\p{Lu}\p{N}][^\r\n]{0,98}$/u;
const NOT_TITLE_END = /[.,;:]["'”’)\]]*[ \t\u00a0]*$/;
const INNER_SENTENCE = /\p{Ll}[.!?]["'”’)]*\s+\p{Lu}/u;

function wordCountAtMost(s: string, max: number): boolean {
  const words = /\S+/g;
  let n = 0;
  while (words.exec(s) !== null) if (++n > max) return false;
  return true;
}

/**
 * Headings, paragraphs and lists of a stretch of a document, read line by line. Built
 * once per detection pass over the stretch its identifiers can reach, so each question
 * is then a binary search.
 */
export class Outline {
  private readonly lines: Line[] = [];
  /** Offsets where sections start (heading lines and thematic breaks), ascending. */
  private readonly sectionStarts: number[] = [];
  /** Paragraphs and lists as [start, end) pairs, in order; they tile the non-blank lines. */
  private readonly regionStarts: number[] = [];
  private readonly regionEnds: number[] = [];

  constructor(
    private readonly text: string,
    readonly from: number,
    readonly to: number,
  ) {
    // Start at a line start so the first line is whole.
    let pos = from;
    while (pos > 0 && !isBreakCode(text.charCodeAt(pos - 1))) pos--;
    LINE_BREAK.lastIndex = pos;
    while (pos <= to && pos <= text.length) {
      const m = LINE_BREAK.exec(text);
      const end = m ? m.index : text.length;
      const content = text.slice(pos, end);
      this.lines.push({ start: pos, end, blank: BLANK.test(content), bullet: BULLET.test(content) });
      if (!m) break;
      pos = end + m[0].length;
    }
    this.findSections();
    this.findRegions();
  }

  private findSections(): void {
    const { lines, text } = this;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as Line;
      if (line.blank) continue;
      const content = text.slice(line.start, line.end);
      const prev = lines[i - 1];
      const next = lines[i + 1];
      const prevBlank = prev ? prev.blank : line.start === 0;
      const nextBlank = next ? next.blank : line.end >= text.length;
      if (ATX.test(content) || THEMATIC.test(content)) {
        this.sectionStarts.push(line.start);
      } else if (UNDERLINE.test(content) && prev && !prev.blank && !prev.bullet) {
        // Setext heading: the section starts at the underlined line.
        this.sectionStarts.push(prev.start);
      } else if (
        prevBlank &&
        nextBlank &&
        !line.bullet &&
        PLAIN_TITLE.test(content) &&
        !NOT_TITLE_END.test(content) &&
        !INNER_SENTENCE.test(content) &&
        wordCountAtMost(content, 12)
      ) {
        this.sectionStarts.push(line.start);
      }
    }
    this.sectionStarts.sort((a, b) => a - b);
  }

  /**
   * A paragraph is a run of non-blank lines (a table is one). Two paragraphs separated
   * only by blank lines are one list when the first holds an item and the second opens
   * with one: a loose Markdown list, or items under a lead-in line.
   */
  private findRegions(): void {
    const { lines } = this;
    let previousHasItem = false;
    for (let i = 0; i < lines.length;) {
      if ((lines[i] as Line).blank) {
        i++;
        continue;
      }
      const first = lines[i] as Line;
      let hasItem = false;
      let last = first;
      for (; i < lines.length && !(lines[i] as Line).blank; i++) {
        last = lines[i] as Line;
        hasItem ||= last.bullet;
      }
      const n = this.regionEnds.length;
      if (n > 0 && previousHasItem && first.bullet) this.regionEnds[n - 1] = last.end;
      else {
        this.regionStarts.push(first.start);
        this.regionEnds.push(last.end);
      }
      previousHasItem = hasItem;
    }
  }

  /** The section holding `pos`: from its heading (or the outline's start) to the next heading. */
  section(pos: number): { start: number; end: number } {
    const starts = this.sectionStarts;
    const i = lastAtOrBefore(starts, pos);
    return { start: i >= 0 ? (starts[i] as number) : this.from, end: i + 1 < starts.length ? (starts[i + 1] as number) : this.to };
  }

  /** The paragraph or list holding `pos` (see findRegions); an empty range on a blank line. */
  region(pos: number): { start: number; end: number } {
    const i = lastAtOrBefore(this.regionStarts, pos);
    const end = i >= 0 ? (this.regionEnds[i] as number) : -1;
    return i >= 0 && pos < end ? { start: this.regionStarts[i] as number, end } : { start: pos, end: pos };
  }
}

/** Index of the last value at or before `pos` in an ascending array, or -1. */
function lastAtOrBefore(values: readonly number[], pos: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function isBreakCode(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}
