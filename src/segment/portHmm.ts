/**
 * jieba's HMM for the characters its route leaves single (finalseg; jieba-rs hmm.rs), ported for portCut.ts.
 * States are numbered as jieba-rs numbers them (B 0, E 1, M 2, S 3): ties go to the higher-numbered state, as
 * Rust's max_by over (prob, state) pairs gives them.
 */

const B = 0;
const E = 1;
const M = 2;
const S = 3;
/** jieba-rs's MIN_FLOAT: the log-probability of what the model has not seen. */
const MIN_FLOAT = -3.14e100;
/** The characters the HMM cuts: U+4E00..U+9FD5 (finalseg's re_han). */
const HAN_MIN = 0x4e00;
const HAN_MAX = 0x9fd5;

/** The model: start and transition log-probabilities, emission log-probabilities per Han character. */
export interface HmmModel {
  start: Float64Array;
  /** [from * 4 + to]. */
  trans: Float64Array;
  /** [(code - HAN_MIN) * 4 + state]; MIN_FLOAT where the model has no emission. */
  emit: Float64Array;
}

/**
 * Reads the model in the hmm.model format jieba-rs compiles in (and cppjieba ships as hmm_model.utf8): '#'
 * comment lines, one line of 4 start probabilities, 4 lines of the transition matrix, 4 lines `char:prob,…` of
 * emissions for B, E, M, S.
 */
export function parseHmmModel(text: string): HmmModel {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  if (lines.length < 9) throw new Error('hmm model: expected 9 data lines');
  const numbers = (line: string) => line.split(/\s+/).map(Number);
  const start = Float64Array.from(numbers(lines[0]));
  const trans = Float64Array.from(lines.slice(1, 5).flatMap(numbers));
  const emit = new Float64Array((HAN_MAX - HAN_MIN + 1) * 4).fill(MIN_FLOAT);
  for (let state = 0; state < 4; state++) {
    for (const pair of lines[5 + state].split(',')) {
      const colon = pair.lastIndexOf(':');
      const code = pair.codePointAt(0)!;
      if (colon > 0 && code >= HAN_MIN && code <= HAN_MAX) emit[(code - HAN_MIN) * 4 + state] = Number(pair.slice(colon + 1));
    }
  }
  return { start, trans, emit };
}

/** A word the HMM cut: `text.slice(start, end)`. */
export type HmmWord = (start: number, end: number) => void;

const isHan = (code: number) => code >= HAN_MIN && code <= HAN_MAX;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const unitsAt = (text: string, i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);

let v = new Float64Array(256);
let prev = new Int8Array(256);
let path = new Int8Array(64);

/** Viterbi over the Han characters text[from, to) (all in the BMP, at least two), emitting the words. */
function viterbi(model: HmmModel, text: string, from: number, to: number, word: HmmWord): void {
  const n = to - from;
  if (v.length < n * 4) {
    v = new Float64Array(n * 8);
    prev = new Int8Array(n * 8);
    path = new Int8Array(n * 2);
  }
  const { start, trans, emit } = model;
  let e = (text.charCodeAt(from) - HAN_MIN) * 4;
  for (let y = 0; y < 4; y++) v[y] = start[y] + emit[e + y];
  for (let t = 1; t < n; t++) {
    e = (text.charCodeAt(from + t) - HAN_MIN) * 4;
    const p = (t - 1) * 4;
    const q = t * 4;
    // Into each state from its two allowed predecessors (jieba-rs ALLOWED_PREV_STATUS), in jieba-rs's order.
    best(q + B, v[p + E] + trans[E * 4 + B] + emit[e + B], E, v[p + S] + trans[S * 4 + B] + emit[e + B], S);
    best(q + E, v[p + B] + trans[B * 4 + E] + emit[e + E], B, v[p + M] + trans[M * 4 + E] + emit[e + E], M);
    best(q + M, v[p + M] + trans[M * 4 + M] + emit[e + M], M, v[p + B] + trans[B * 4 + M] + emit[e + M], B);
    best(q + S, v[p + S] + trans[S * 4 + S] + emit[e + S], S, v[p + E] + trans[E * 4 + S] + emit[e + S], E);
  }
  const last = (n - 1) * 4;
  let state = v[last + S] >= v[last + E] ? S : E;
  for (let t = n - 1; t >= 0; t--) {
    path[t] = state;
    state = prev[t * 4 + state];
  }
  let begin = 0;
  let next = 0;
  for (let t = 0; t < n; t++) {
    const s = path[t];
    if (s === B) begin = t;
    else if (s === E) {
      word(from + begin, from + t + 1);
      next = t + 1;
    } else if (s === S) {
      word(from + t, from + t + 1);
      next = t + 1;
    }
  }
  if (next < n) word(from + next, to);
}

/** The larger of two (prob, state) pairs, as Rust's max_by compares tuples: on equal probs the larger state. */
function best(at: number, p1: number, s1: number, p2: number, s2: number): void {
  if (p2 > p1 || (p2 === p1 && s2 > s1)) {
    v[at] = p2;
    prev[at] = s2;
  } else {
    v[at] = p1;
    prev[at] = s1;
  }
}

/**
 * finalseg's cut of text[from, to): runs of U+4E00..U+9FD5 through the Viterbi (a lone character as itself), and
 * the rest split as jieba-rs's re_skip `([a-zA-Z0-9]+(?:.\d+)?%?)` splits it (its `.` unescaped: any character
 * but a newline), the text between matches as one word.
 */
export function hmmCut(model: HmmModel, text: string, from: number, to: number, word: HmmWord): void {
  let i = from;
  while (i < to) {
    const j0 = i;
    if (isHan(text.charCodeAt(i))) {
      while (i < to && isHan(text.charCodeAt(i))) i++;
      if (i - j0 === 1) word(j0, i);
      else viterbi(model, text, j0, i, word);
      continue;
    }
    while (i < to && !isHan(text.charCodeAt(i))) i++;
    skipSplit(text, j0, i, word);
  }
}

function skipSplit(text: string, from: number, to: number, word: HmmWord): void {
  let pos = from;
  while (pos < to) {
    let cursor = pos;
    while (cursor < to && !isAlnum(text.charCodeAt(cursor))) cursor++;
    if (cursor > pos) word(pos, cursor);
    if (cursor === to) return;
    let end = cursor;
    while (end < to && isAlnum(text.charCodeAt(end))) end++;
    if (end < to && text.charCodeAt(end) !== 10) {
      const afterAny = end + unitsAt(text, end);
      let digits = afterAny;
      while (digits < to && isDigit(text.charCodeAt(digits))) digits++;
      if (digits > afterAny) end = digits;
    }
    if (end < to && text.charCodeAt(end) === 37) end++;
    word(cursor, end);
    pos = end;
  }
}
