import type { OriginMap } from './document.js';

/** An OriginMap that also gives the original offset, so a later rewriting step can chain onto it. */
export interface OffsetMap extends OriginMap {
  toOriginal(offset: number): number;
}

/** One rewrite of a source range: `[start, end)` becomes `text` ('' deletes). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Line starts of the original text: the root of every chain of maps (memory: one number per line, and one per
 * character outside the BMP). Columns count characters (code points), as an editor's cursor does in Chinese
 * text: `𠮷` is one column although it is two UTF-16 units. Offsets stay UTF-16 units, as JavaScript strings are.
 */
class LineIndex implements OffsetMap {
  private readonly lineStarts: Uint32Array;
  /** Offsets of the second unit of every surrogate pair, ascending. */
  private readonly lowSurrogates: Uint32Array;

  constructor(original: string) {
    let lines = 1;
    for (let i = original.indexOf('\n'); i !== -1; i = original.indexOf('\n', i + 1)) lines++;
    this.lineStarts = new Uint32Array(lines);
    let line = 1;
    for (let i = original.indexOf('\n'); i !== -1; i = original.indexOf('\n', i + 1)) this.lineStarts[line++] = i + 1;
    const low: number[] = [];
    for (const m of original.matchAll(ASTRAL)) low.push(m.index + 1);
    this.lowSurrogates = Uint32Array.from(low);
  }

  toOriginal(offset: number): number {
    return offset;
  }

  locate(offset: number): { line: number; column: number } {
    const at = Math.max(0, offset);
    const index = lastAtOrBefore(this.lineStarts, this.lineStarts.length, at);
    const start = this.lineStarts[index];
    return { line: index + 1, column: at - start - this.pairsBetween(start, at) + 1 };
  }

  /** Surrogate pairs whose second unit lies in `[from, to)`: each makes one column of two units. */
  private pairsBetween(from: number, to: number): number {
    const n = this.lowSurrogates.length;
    if (n === 0) return 0;
    return countBelow(this.lowSurrogates, to) - countBelow(this.lowSurrogates, from);
  }
}

const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/g;

/** Number of entries of sorted `values` that are < `target`. */
function countBelow(values: Uint32Array, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The map of a text to itself: where every chain of rewrites starts. */
export function originalPositions(original: string): OffsetMap {
  return new LineIndex(original);
}

/** Index of the last entry of sorted `values[0..count)` that is <= `target` (0 when none is). */
function lastAtOrBefore(values: Uint32Array, count: number, target: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (values[mid] <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Piece table of a derived text: piece i starts at derived offset `outStarts[i]` and came from source range
 * `[sourceStarts[i], sourceEnds[i])`, verbatim or (when `replaced[i]`) rewritten. Offsets are resolved through
 * `source`, which is the LineIndex of the original or the map of an earlier step.
 */
class PieceMap implements OffsetMap {
  constructor(
    private readonly outStarts: Uint32Array,
    private readonly sourceStarts: Uint32Array,
    private readonly sourceEnds: Uint32Array,
    private readonly replaced: Uint8Array,
    private readonly textLength: number,
    private readonly sourceLength: number,
    private readonly source: OffsetMap,
  ) {}

  toOriginal(offset: number): number {
    return this.source.toOriginal(this.toSource(offset));
  }

  locate(offset: number): { line: number; column: number } {
    return this.source.locate(this.toSource(offset));
  }

  /** Offset in the source text; the end of the derived text maps to the end of the last piece. */
  private toSource(offset: number): number {
    const count = this.outStarts.length;
    if (count === 0) return Math.min(Math.max(0, offset), this.sourceLength);
    if (offset >= this.textLength) return this.sourceEnds[count - 1];
    const i = lastAtOrBefore(this.outStarts, count, Math.max(0, offset));
    const within = Math.max(0, offset - this.outStarts[i]);
    if (!this.replaced[i]) return this.sourceStarts[i] + within;
    // Inside a rewrite, characters map one to one as long as the source range lasts, then stay on its last char.
    const lastOfRange = Math.max(0, this.sourceEnds[i] - this.sourceStarts[i] - 1);
    return this.sourceStarts[i] + Math.min(within, lastOfRange);
  }
}

/**
 * Builds a derived text from pieces of a source text while recording where each piece came from.
 * Memory is proportional to the number of pieces (edits), not to the text length: adjacent verbatim copies merge.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private count = 0;
  private outStarts = new Uint32Array(8);
  private sourceStarts = new Uint32Array(8);
  private sourceEnds = new Uint32Array(8);
  private replaced = new Uint8Array(8);

  /**
   * @param source the text that `copy` and `replace` offsets refer to.
   * @param sourceOrigin where `source` itself came from, when it is the output of an earlier step; omit it when
   *   `source` is the original text.
   */
  constructor(
    private readonly source: string,
    private readonly sourceOrigin: OffsetMap = originalPositions(source),
  ) {}

  /** Copies `source[start, end)` verbatim. */
  copy(start: number, end: number): this {
    if (end <= start) return this;
    const last = this.count - 1;
    if (last >= 0 && !this.replaced[last] && this.sourceEnds[last] === start) {
      this.sourceEnds[last] = end;
      this.append(this.source.slice(start, end));
      return this;
    }
    this.addPiece(start, end, false);
    this.append(this.source.slice(start, end));
    return this;
  }

  /** Puts `text` in place of `source[start, end)`; with '' the range is deleted and leaves no piece. */
  replace(start: number, end: number, text: string): this {
    if (text === '') return this;
    this.addPiece(start, end, true);
    this.append(text);
    return this;
  }

  build(): { text: string; origin: OffsetMap } {
    const n = this.count;
    const origin = new PieceMap(
      this.outStarts.slice(0, n),
      this.sourceStarts.slice(0, n),
      this.sourceEnds.slice(0, n),
      this.replaced.slice(0, n),
      this.length,
      this.source.length,
      this.sourceOrigin,
    );
    return { text: this.parts.join(''), origin };
  }

  private append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  private addPiece(start: number, end: number, replaced: boolean): void {
    if (this.count === this.outStarts.length) this.grow();
    this.outStarts[this.count] = this.length;
    this.sourceStarts[this.count] = start;
    this.sourceEnds[this.count] = end;
    this.replaced[this.count] = replaced ? 1 : 0;
    this.count++;
  }

  private grow(): void {
    const size = this.outStarts.length * 2;
    const widen = <T extends Uint32Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.outStarts = widen(this.outStarts, new Uint32Array(size));
    this.sourceStarts = widen(this.sourceStarts, new Uint32Array(size));
    this.sourceEnds = widen(this.sourceEnds, new Uint32Array(size));
    this.replaced = widen(this.replaced, new Uint8Array(size));
  }
}

/**
 * Applies sorted, non-overlapping edits to `source`, copying everything between them.
 * Pass the map of `source` when it is itself derived, so the result still points into the original.
 */
export function applyEdits(source: string, edits: readonly Edit[], sourceOrigin?: OffsetMap): { text: string; origin: OffsetMap } {
  const builder = new TextBuilder(source, sourceOrigin);
  let at = 0;
  for (const edit of edits) {
    builder.copy(at, edit.start).replace(edit.start, edit.end, edit.text);
    at = edit.end;
  }
  return builder.copy(at, source.length).build();
}
