/**
 * jieba-rs's `cut(text, hmm = true)` in AssemblyScript, compiled to portCut.wasm (`npm run build:wasm`), over the
 * port's dictionary (src/segment/portDictionary.ts): the same blocks, DAG, best route (the more probable path; on
 * a tie the longer word) and HMM (finalseg; jieba-rs hmm.rs) as jieba-rs, so that it gives @node-rs/jieba's words
 * token for token (tests/portCut.test.ts). WebAssembly, not TypeScript, because it runs at full speed from its
 * first call in every thread, where the TypeScript port it replaced warmed up in each for the first few hundred
 * thousand characters and was slower warm too (README, "Segmentation and dictionaries"). The host is
 * src/segment/portCut.ts.
 *
 * Memory: one shared memory per dictionary (src/segment/portCut.ts, portImage), which holds its arrays once for
 * every thread; each thread's instance names them (setDictionary) and reserves its own text, words and the
 * route's and HMM's scratch, reserved again larger as texts need.
 * Every word goes out as its end offset (in UTF-16 code units) and its trie node (NO_NODE for a word the
 * dictionary does not have).
 */

const NO_NODE: i32 = -1;
/** portDictionary.ts's SCAN_CHILDREN: children up to this many are scanned, a node with more is in the wide table. */
const SCAN_CHILDREN: i32 = 8;
/** The characters the HMM cuts: U+4E00..U+9FD5 (finalseg's re_han). */
const HAN_MIN: i32 = 0x4e00;
const HAN_MAX: i32 = 0x9fd5;
/** HMM states as jieba-rs numbers them; ties go to the higher-numbered state, as Rust's max_by gives them. */
const B: i32 = 0;
const E: i32 = 1;
const M: i32 = 2;
const S: i32 = 3;

// The dictionary (PortDictionaryData) and the HMM (HmmModel), by address.
let rootChild: usize = 0;
let childStart: usize = 0;
let childUnit: usize = 0;
let childNode: usize = 0;
let weight: usize = 0;
let wideParent: usize = 0;
let wideUnit: usize = 0;
let wideChildren: usize = 0;
let wideLength: i32 = 0;
let logTotal: f64 = 0;
let hmmStart: usize = 0;
let hmmTrans: usize = 0;
let hmmEmit: usize = 0;

/**
 * Fresh bytes for this instance, at least `bytes`: the memory grown by whole pages. The memory is shared by the
 * instances of every thread that cuts with this dictionary, and growing it hands each its own pages at once.
 */
function reserve(bytes: usize): usize {
  const old = memory.grow(<i32>((bytes + 0xffff) >> 16));
  if (old < 0) unreachable();
  return <usize>old << 16;
}

export function setDictionary(rc: usize, cs: usize, cu: usize, cn: usize, w: usize, wp: usize, wu: usize, wc: usize, wl: i32, lt: f64, hs: usize, ht: usize, he: usize): void {
  rootChild = rc;
  childStart = cs;
  childUnit = cu;
  childNode = cn;
  weight = w;
  wideParent = wp;
  wideUnit = wu;
  wideChildren = wc;
  wideLength = wl;
  logTotal = lt;
  hmmStart = hs;
  hmmTrans = ht;
  hmmEmit = he;
}

// The text (u16 code units) and the words (i32 ends, i32 nodes), for texts up to textCapacity units.
let text: usize = 0;
let textLength: i32 = 0;
let textCapacity: i32 = 0;
let outEnds: usize = 0;
let outNodes: usize = 0;
let count: i32 = 0;

/** Where the host writes a text of `length` code units before cut(length). */
export function textBuffer(length: i32): usize {
  if (length > textCapacity) {
    textCapacity = max(length, textCapacity * 2);
    text = reserve(<usize>textCapacity << 1);
    outEnds = reserve(<usize>textCapacity << 2);
    outNodes = reserve(<usize>textCapacity << 2);
  }
  return text;
}

/** Where the ends (i32) and the nodes (i32) of the last cut's words are. */
export function endsAt(): usize {
  return outEnds;
}
export function nodesAt(): usize {
  return outNodes;
}

// The route of the block being cut (prob f64, end and node i32 per position), for blocks up to routeCapacity.
let prob: usize = 0;
let routeEnd: usize = 0;
let routeNode: usize = 0;
let routeCapacity: i32 = 0;

function ensureRoute(length: i32): void {
  if (length + 1 <= routeCapacity) return;
  routeCapacity = max(length + 1, routeCapacity * 2);
  prob = reserve(<usize>routeCapacity << 3);
  routeEnd = reserve(<usize>routeCapacity << 2);
  routeNode = reserve(<usize>routeCapacity << 2);
}

// The Viterbi's scratch (v f64 and prev i8 per position and state, path i8 per position), for runs up to hmmCapacity.
let vA: usize = 0;
let prevA: usize = 0;
let pathA: usize = 0;
let hmmCapacity: i32 = 0;

function ensureHmm(length: i32): void {
  if (length <= hmmCapacity) return;
  hmmCapacity = max(length, hmmCapacity * 2);
  vA = reserve(<usize>hmmCapacity << 5);
  prevA = reserve(<usize>hmmCapacity << 2);
  pathA = reserve(<usize>hmmCapacity);
}

@inline function unitAt(i: i32): i32 { return <i32>load<u16>(text + (<usize>i << 1)); }
@inline function isHigh(u: i32): bool { return u >= 0xd800 && u <= 0xdbff; }
@inline function isLow(u: i32): bool { return u >= 0xdc00 && u <= 0xdfff; }
@inline function i32At(base: usize, i: i32): i32 { return load<i32>(base + (<usize>i << 2)); }
@inline function f64At(base: usize, i: i32): f64 { return load<f64>(base + (<usize>i << 3)); }

/** String.prototype.codePointAt over the text. */
function codePointAt(i: i32): i32 {
  const u = unitAt(i);
  if (isHigh(u) && i + 1 < textLength) {
    const l = unitAt(i + 1);
    if (isLow(l)) return ((u - 0xd800) << 10) + (l - 0xdc00) + 0x10000;
  }
  return u;
}

/** jieba-rs's RE_HAN_DEFAULT class: the CJK ideographs, ASCII letters and digits, and + # & . _ % -. */
function inBlock(code: i32): bool {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code == 43 || code == 35 || code == 38 || code == 46 || code == 95 || code == 37 || code == 45;
  }
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2a6df) || (code >= 0x2a700 && code <= 0x2ebef) || (code >= 0x2f800 && code <= 0x2fa1f);
}

@inline function push(end: i32, node: i32): void {
  store<i32>(outEnds + (<usize>count << 2), end);
  store<i32>(outNodes + (<usize>count << 2), node);
  count++;
}

/** portDictionary.ts's wideSlot and the probe from it: the child of a node with more than SCAN_CHILDREN children. */
function wideChild(node: i32, unit: i32): i32 {
  const mask = wideLength - 1;
  let h = <i32>(<u32>((node ^ (unit * <i32>0x85ebca6b)) * <i32>0x9e3779b1) >> (clz<u32>(<u32>wideLength) + 1));
  while (true) {
    const parent = i32At(wideParent, h);
    if (parent == node && <i32>load<u16>(wideUnit + (<usize>h << 1)) == unit) return i32At(wideChildren, h);
    if (parent == NO_NODE) return NO_NODE;
    h = (h + 1) & mask;
  }
}

function childOf(node: i32, unit: i32): i32 {
  let lo = i32At(childStart, node);
  const hi = i32At(childStart, node + 1);
  if (hi - lo > SCAN_CHILDREN) return wideChild(node, unit);
  for (; lo < hi; lo++) if (<i32>load<u16>(childUnit + (<usize>lo << 1)) == unit) return i32At(childNode, lo);
  return NO_NODE;
}

/** Cuts the text[0, n) written at textBuffer(n) into words (endsAt, nodesAt), and says how many. */
export function cut(n: i32): i32 {
  count = 0;
  textLength = n;
  let i = 0;
  while (i < n) {
    const code = codePointAt(i);
    const units = code > 0xffff ? 2 : 1;
    if (inBlock(code)) {
      let j = i + units;
      while (j < n) {
        const c = codePointAt(j);
        if (!inBlock(c)) break;
        j += c > 0xffff ? 2 : 1;
      }
      block(i, j);
      i = j;
    } else {
      // Outside the blocks every character is a word of its own, but \r\n is one.
      const len = code == 13 && i + 1 < n && unitAt(i + 1) == 10 ? 2 : units;
      push(i + len, NO_NODE);
      i += len;
    }
  }
  return count;
}

/** The DAG and route of text[from, to) (offsets relative to `from`), then its words. */
function block(from: i32, to: i32): void {
  const len = to - from;
  ensureRoute(len);
  const unknown = -logTotal;
  store<f64>(prob + (<usize>len << 3), 0);
  // From the last character back: each start's words end further on, where the route is known already.
  for (let x = len - 1; x >= 0; x--) {
    const unit = unitAt(from + x);
    if (isLow(unit) && x > 0 && isHigh(unitAt(from + x - 1))) continue;
    let bestEnd = -1;
    let bestProb: f64 = 0;
    let bestNode = NO_NODE;
    let at = i32At(rootChild, unit);
    let y = x + 1;
    while (at != NO_NODE) {
      const w = f64At(weight, at);
      // A word that ends inside a surrogate pair cannot be (words are whole strings); NaN: no word here.
      if (w == w && !(y < len && isLow(unitAt(from + y)) && isHigh(unitAt(from + y - 1)))) {
        const p = w + f64At(prob, y);
        if (bestEnd < 0 || p >= bestProb) {
          bestProb = p;
          bestEnd = y;
          bestNode = at;
        }
      }
      if (y >= len) break;
      // childOf, in line: calling it measured about 10% slower (one thread, the 20 MB corpus, 2026-12-04).
      let lo = i32At(childStart, at);
      const hi = i32At(childStart, at + 1);
      if (lo == hi) break;
      const next = unitAt(from + y);
      if (hi - lo <= SCAN_CHILDREN) {
        while (lo < hi && <i32>load<u16>(childUnit + (<usize>lo << 1)) != next) lo++;
        at = lo < hi ? i32At(childNode, lo) : NO_NODE;
      } else at = wideChild(at, next);
      y++;
    }
    if (bestEnd < 0) {
      bestEnd = x + (isHigh(unit) && x + 1 < len && isLow(unitAt(from + x + 1)) ? 2 : 1);
      bestProb = unknown + f64At(prob, bestEnd);
    }
    store<f64>(prob + (<usize>x << 3), bestProb);
    store<i32>(routeEnd + (<usize>x << 2), bestEnd);
    store<i32>(routeNode + (<usize>x << 2), bestNode);
  }
  // Forward along the route; runs of single characters go to the HMM unless the run is a word itself.
  let left = -1;
  let x = 0;
  while (x < len) {
    const y = i32At(routeEnd, x);
    if (y - x == 1 || (y - x == 2 && isHigh(unitAt(from + x)))) {
      if (left < 0) left = x;
    } else {
      if (left >= 0) run(from, left, x);
      left = -1;
      push(from + y, i32At(routeNode, x));
    }
    x = y;
  }
  if (left >= 0) run(from, left, len);
}

/** The single characters the route left at [x, y) of the block at `from`. */
function run(from: i32, x: i32, y: i32): void {
  if (i32At(routeEnd, x) == y) {
    push(from + y, i32At(routeNode, x));
    return;
  }
  if (wordAt(from + x, from + y) == NO_NODE) {
    hmmCut(from + x, from + y);
    return;
  }
  for (let i = x; i < y; i = i32At(routeEnd, i)) push(from + i32At(routeEnd, i), i32At(routeNode, i));
}

/** The trie node of the dictionary word text[start, end), or NO_NODE. */
function wordAt(start: i32, end: i32): i32 {
  let at = i32At(rootChild, unitAt(start));
  for (let i = start + 1; i < end && at != NO_NODE; i++) at = childOf(at, unitAt(i));
  if (at == NO_NODE) return NO_NODE;
  const w = f64At(weight, at);
  return w == w ? at : NO_NODE;
}

@inline function isHan(c: i32): bool { return c >= HAN_MIN && c <= HAN_MAX; }
@inline function isAlnum(c: i32): bool { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }
@inline function isDigit(c: i32): bool { return c >= 48 && c <= 57; }

/**
 * finalseg's cut of text[from, to): runs of U+4E00..U+9FD5 through the Viterbi (a lone character as itself), and
 * the rest split as jieba-rs's re_skip `([a-zA-Z0-9]+(?:.\d+)?%?)` splits it (its `.` unescaped: any character
 * but a newline), the text between matches as one word.
 */
function hmmCut(from: i32, to: i32): void {
  let i = from;
  while (i < to) {
    const j0 = i;
    if (isHan(unitAt(i))) {
      while (i < to && isHan(unitAt(i))) i++;
      if (i - j0 == 1) push(i, NO_NODE);
      else viterbi(j0, i);
      continue;
    }
    while (i < to && !isHan(unitAt(i))) i++;
    skipSplit(j0, i);
  }
}

function skipSplit(from: i32, to: i32): void {
  let pos = from;
  while (pos < to) {
    let cursor = pos;
    while (cursor < to && !isAlnum(unitAt(cursor))) cursor++;
    if (cursor > pos) push(cursor, NO_NODE);
    if (cursor == to) return;
    let end = cursor;
    while (end < to && isAlnum(unitAt(end))) end++;
    if (end < to && unitAt(end) != 10) {
      const c = codePointAt(end);
      const afterAny = end + (c > 0xffff ? 2 : 1);
      let digits = afterAny;
      while (digits < to && isDigit(unitAt(digits))) digits++;
      if (digits > afterAny) end = digits;
    }
    if (end < to && unitAt(end) == 37) end++;
    push(end, NO_NODE);
    pos = end;
  }
}

@inline function vAt(i: i32): f64 { return load<f64>(vA + (<usize>i << 3)); }
@inline function tr(a: i32, b: i32): f64 { return load<f64>(hmmTrans + (<usize>(a * 4 + b) << 3)); }
@inline function em(e: i32, s: i32): f64 { return load<f64>(hmmEmit + (<usize>(e + s) << 3)); }

/** The larger of two (prob, state) pairs, as Rust's max_by compares tuples: on equal probs the larger state. */
@inline function best(at: i32, p1: f64, s1: i32, p2: f64, s2: i32): void {
  if (p2 > p1 || (p2 == p1 && s2 > s1)) {
    store<f64>(vA + (<usize>at << 3), p2);
    store<i8>(prevA + <usize>at, <i8>s2);
  } else {
    store<f64>(vA + (<usize>at << 3), p1);
    store<i8>(prevA + <usize>at, <i8>s1);
  }
}

/** Viterbi over the Han characters text[from, to) (all in the BMP, at least two), emitting the words. */
function viterbi(from: i32, to: i32): void {
  const n = to - from;
  ensureHmm(n);
  let e = (unitAt(from) - HAN_MIN) * 4;
  for (let y = 0; y < 4; y++) store<f64>(vA + (<usize>y << 3), load<f64>(hmmStart + (<usize>y << 3)) + em(e, y));
  for (let t = 1; t < n; t++) {
    e = (unitAt(from + t) - HAN_MIN) * 4;
    const p = (t - 1) * 4;
    const q = t * 4;
    // Into each state from its two allowed predecessors (jieba-rs ALLOWED_PREV_STATUS), in jieba-rs's order.
    best(q + B, vAt(p + E) + tr(E, B) + em(e, B), E, vAt(p + S) + tr(S, B) + em(e, B), S);
    best(q + E, vAt(p + B) + tr(B, E) + em(e, E), B, vAt(p + M) + tr(M, E) + em(e, E), M);
    best(q + M, vAt(p + M) + tr(M, M) + em(e, M), M, vAt(p + B) + tr(B, M) + em(e, M), B);
    best(q + S, vAt(p + S) + tr(S, S) + em(e, S), S, vAt(p + E) + tr(E, S) + em(e, S), E);
  }
  const last = (n - 1) * 4;
  let state = vAt(last + S) >= vAt(last + E) ? S : E;
  for (let t = n - 1; t >= 0; t--) {
    store<i8>(pathA + <usize>t, <i8>state);
    state = <i32>load<i8>(prevA + <usize>(t * 4 + state));
  }
  let begin = 0;
  let next = 0;
  for (let t = 0; t < n; t++) {
    const s = <i32>load<i8>(pathA + <usize>t);
    if (s == B) begin = t;
    else if (s == E) {
      push(from + t + 1, NO_NODE);
      next = t + 1;
    } else if (s == S) {
      push(from + t + 1, NO_NODE);
      next = t + 1;
    }
  }
  if (next < n) push(to, NO_NODE);
}
