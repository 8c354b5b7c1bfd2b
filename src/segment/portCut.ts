import { NO_NODE, SCAN_CHILDREN, childOf, wideChild, type PortDictionaryData } from './portDictionary.js';
import { hmmCut, type HmmModel } from './portHmm.js';

/**
 * Where the port's words go, in order, covering the text: a dictionary word by its trie node, anything else
 * (an HMM word, a character the dictionary lacks, a character outside jieba's blocks) by its offsets.
 */
export interface PortSink {
  word(node: number, start: number, end: number): void;
  other(start: number, end: number): void;
}

/** jieba-rs's RE_HAN_DEFAULT class: the CJK ideographs, ASCII letters and digits, and + # & . _ % -. */
function inBlock(code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 35 || code === 38 || code === 46 || code === 95 || code === 37 || code === 45;
  }
  return (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2ebef) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * jieba-rs's `cut(text, hmm = true)` in TypeScript, over the dictionary's typed arrays: the same blocks, the
 * same DAG and best route (the more probable path; on a tie the longer word), the same HMM for what the route
 * leaves as single characters, so that it gives @node-rs/jieba's words token for token (tests/portCut.test.ts),
 * without making a string per word.
 */
export class PortCutter {
  private prob = new Float64Array(1024);
  private end = new Int32Array(1024);
  private node = new Int32Array(1024);
  private readonly hmmWord: (start: number, end: number) => void;
  private sink: PortSink | undefined;
  private text = '';

  constructor(
    private readonly dict: PortDictionaryData,
    private readonly hmm: HmmModel,
  ) {
    this.hmmWord = (start, end) => this.sink!.other(start, end);
  }

  cut(text: string, sink: PortSink): void {
    this.sink = sink;
    this.text = text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.codePointAt(i)!;
      const units = code > 0xffff ? 2 : 1;
      if (inBlock(code)) {
        let j = i + units;
        while (j < n) {
          const c = text.codePointAt(j)!;
          if (!inBlock(c)) break;
          j += c > 0xffff ? 2 : 1;
        }
        this.block(i, j);
        i = j;
      } else {
        // Outside the blocks every character is a word of its own, but \r\n is one.
        const len = code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : units;
        sink.other(i, i + len);
        i += len;
      }
    }
    this.sink = undefined;
    this.text = '';
  }

  /** The DAG and route of text[from, to) (offsets relative to `from`), then its words. */
  private block(from: number, to: number): void {
    const { text, dict } = this;
    const { rootChild, childStart, childUnit, childNode, weight } = dict;
    const len = to - from;
    if (this.prob.length < len + 1) {
      this.prob = new Float64Array(len * 2 + 1);
      this.end = new Int32Array(len * 2 + 1);
      this.node = new Int32Array(len * 2 + 1);
    }
    const { prob, end, node } = this;
    const unknown = -dict.logTotal;
    prob[len] = 0;
    // From the last character back: each start's words end further on, where the route is known already.
    for (let x = len - 1; x >= 0; x--) {
      const unit = text.charCodeAt(from + x);
      if (isLow(unit) && x > 0 && isHigh(text.charCodeAt(from + x - 1))) continue;
      let bestEnd = -1;
      let bestProb = 0;
      let bestNode = NO_NODE;
      let at = rootChild[unit];
      let y = x + 1;
      while (at !== NO_NODE) {
        const w = weight[at];
        // A word that ends inside a surrogate pair cannot be (words are whole strings); NaN: no word here.
        if (w === w && !(y < len && isLow(text.charCodeAt(from + y)) && isHigh(text.charCodeAt(from + y - 1)))) {
          const p = w + prob[y];
          if (bestEnd < 0 || p >= bestProb) {
            bestProb = p;
            bestEnd = y;
            bestNode = at;
          }
        }
        if (y >= len) break;
        // The child by the next code unit (childOf, its scan here in line): scanned among a few, looked up among many.
        let lo = childStart[at];
        const hi = childStart[at + 1];
        if (lo === hi) break;
        const next = text.charCodeAt(from + y);
        if (hi - lo <= SCAN_CHILDREN) {
          while (lo < hi && childUnit[lo] !== next) lo++;
          at = lo < hi ? childNode[lo] : NO_NODE;
        } else at = wideChild(dict, at, next);
        y++;
      }
      if (bestEnd < 0) {
        bestEnd = x + (isHigh(unit) && x + 1 < len && isLow(text.charCodeAt(from + x + 1)) ? 2 : 1);
        bestProb = unknown + prob[bestEnd];
      }
      prob[x] = bestProb;
      end[x] = bestEnd;
      node[x] = bestNode;
    }
    // Forward along the route; runs of single characters go to the HMM unless the run is a word itself.
    const sink = this.sink!;
    let left = -1;
    let x = 0;
    while (x < len) {
      const y = end[x];
      if (y - x === 1 || (y - x === 2 && isHigh(text.charCodeAt(from + x)))) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) this.run(from, left, x);
        left = -1;
        sink.word(node[x], from + x, from + y);
      }
      x = y;
    }
    if (left >= 0) this.run(from, left, len);
  }

  /** The single characters the route left at [x, y) of the block at `from`. */
  private run(from: number, x: number, y: number): void {
    const { end, node } = this;
    const sink = this.sink!;
    if (end[x] === y) {
      this.single(from, x);
      return;
    }
    if (this.wordAt(from + x, from + y) === NO_NODE) {
      hmmCut(this.hmm, this.text, from + x, from + y, this.hmmWord);
      return;
    }
    for (let i = x; i < y; i = end[i]) {
      if (node[i] !== NO_NODE) sink.word(node[i], from + i, from + end[i]);
      else sink.other(from + i, from + end[i]);
    }
  }

  private single(from: number, x: number): void {
    const at = this.node[x];
    if (at !== NO_NODE) this.sink!.word(at, from + x, from + this.end[x]);
    else this.sink!.other(from + x, from + this.end[x]);
  }

  /** The trie node of the dictionary word text[start, end), or NO_NODE. */
  private wordAt(start: number, end: number): number {
    const { text, dict } = this;
    let at = dict.rootChild[text.charCodeAt(start)];
    for (let i = start + 1; i < end && at !== NO_NODE; i++) at = childOf(dict, at, text.charCodeAt(i));
    return at !== NO_NODE && dict.weight[at] === dict.weight[at] ? at : NO_NODE;
  }
}
