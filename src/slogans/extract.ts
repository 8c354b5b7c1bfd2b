import type { Token } from '../segment/token.js';
import { canonicalSurface } from '../lexicon/fold.js';
import type { LexiconMatcher } from '../lexicon/lexiconMatcher.js';

export type { LexiconMatcher } from '../lexicon/lexiconMatcher.js';
export { createLexiconMatcher } from '../lexicon/lexiconMatcher.js';

/** How a formulation was found; when several sources find the same stretch, the first in this order wins. */
export const SLOGAN_KINDS = ['lexicon', 'numbered', 'formula', 'quoted'] as const;
export type SloganKind = (typeof SLOGAN_KINDS)[number];

/** One use of a formulation in a text. */
export interface SloganHit {
  /** The form it is counted under: the lexicon's canonical form, or the found text with noise removed. */
  canonical: string;
  /** The text as written, `[start, end)` of the analysis text. */
  surface: string;
  start: number;
  end: number;
  /** The formulation is the whole content of a pair of quotes (“…” 「…」 『…』 "…" ‘…’). */
  quoted: boolean;
  kind: SloganKind;
}

/** Where tokens start (bit 1) and end (bit 2), indexed by offset. */
function tokenBoundaries(text: string, tokens: Token[]): Uint8Array {
  const flags = new Uint8Array(text.length + 1);
  for (const t of tokens) {
    flags[t.start] |= 1;
    flags[t.end] |= 2;
  }
  return flags;
}

/** Index of the token that covers `offset` (tokens cover the text in order, without gaps). */
function tokenIndexAt(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (tokens[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function hit(text: string, start: number, end: number, canonical: string, kind: SloganKind, quoted = false): SloganHit {
  return { canonical, surface: text.slice(start, end), start, end, quoted, kind };
}

/**
 * Lexicon slogans anywhere, quoted or not. A match must not cut through a word on its way: it starts and ends on
 * token boundaries, or lies inside one token (a dictionary compound that holds the slogan: `进一步全面深化改革`,
 * `常态化扫黑除恶`). So `护游` is not found in `保护|游客` nor `四同` in `四|同步`. See LexiconMatcher.matches for the
 * noise tolerated and the nesting rule.
 */
function lexiconHits(text: string, tokens: Token[], boundaries: Uint8Array, lexicon: LexiconMatcher): SloganHit[] {
  const accept = (start: number, end: number) =>
    ((boundaries[start] & 1) !== 0 && (boundaries[end] & 2) !== 0) || tokenIndexAt(tokens, start) === tokenIndexAt(tokens, end - 1);
  return lexicon.matches(text, accept).map((m) => hit(text, m.start, m.end, m.canonical, 'lexicon'));
}

/** Quote pairs; a pair never spans a line, so one stray quote mark cannot swallow a paragraph. */
const QUOTE_PAIRS: readonly RegExp[] = [/“([^“”\n]*)”/g, /「([^「」\n]*)」/g, /『([^『』\n]*)』/g, /"([^"\n]*)"/g, /‘([^‘’\n]*)’/g];
const QUOTED_MIN = 2;
const QUOTED_MAX = 20;
/** A quote holding one of these is a quoted sentence (reported speech), not a formulation. */
const SENTENCE_PUNCTUATION = /[。！？；!?;]/;

/**
 * The rule for a quoted formulation outside the lexicon: 2–20 characters (after noise removal), no sentence
 * punctuation (。！？；), at least one letter or digit (so `“+”` or `“、”` are not formulations). A comma or 、 is
 * allowed: formulations often have two halves (`思想引领，学习在先`).
 */
export function isQuotedFormulation(content: string): boolean {
  const length = [...content].length;
  return length >= QUOTED_MIN && length <= QUOTED_MAX && !SENTENCE_PUNCTUATION.test(content) && /[\p{L}\p{N}]/u.test(content);
}

/** The contents of quote pairs: a lexicon form (whatever its length) counts as that slogan, other formulations as themselves. */
function quotedHits(text: string, lexicon: LexiconMatcher): SloganHit[] {
  const hits: SloganHit[] = [];
  for (const pair of QUOTE_PAIRS) {
    for (const m of text.matchAll(pair)) {
      const inner = m[1];
      const start = m.index + 1 + (inner.length - inner.trimStart().length);
      const end = m.index + 1 + inner.trimEnd().length;
      if (end <= start) continue;
      const surface = text.slice(start, end);
      const slogan = lexicon.canonicalOf(surface);
      const content = canonicalSurface(surface);
      if (slogan !== undefined) hits.push(hit(text, start, end, slogan, 'lexicon', true));
      else if (isQuotedFormulation(content)) hits.push(hit(text, start, end, content, 'quoted', true));
    }
  }
  return hits;
}

/**
 * A one-character Han number and a classifier (四个, 五大, 六项, 两化). 一 is left out: 一个/一项/一种 are the
 * indefinite article of ordinary prose. Longer numbers (十九个采油厂) and digits (8个省份, 6个工作日, 22项举措) count
 * things in policy prose; the few slogans written so (十四个坚持) belong in the lexicon. The number must not continue
 * another number or an ordinal (第三个).
 */
const NUMBER_CLASSIFIER = /(?<![0-9一二三四五六七八九十百千万两第])([两二三四五六七八九十])([个大项条种类支化])/g;
/** 八大, 九大, 十大 name party congresses (`九大以后`, `九大路线`), not formulas. */
const CONGRESS_NUMBERS = new Set([...'八九十']);

/** Heads that make a count, not a formulation: `三个方面`, `两个月`, `四个自治区`, `九大以后`. */
const GENERIC_HEADS: ReadonlySet<string> = new Set([
  ...['方面', '问题', '阶段', '时期', '部分', '环节', '层面', '层次', '方向', '步骤', '领域', '方式', '途径', '因素', '原因', '特点'],
  ...['年', '月', '日', '天', '周', '小时', '周年', '月份', '季度', '星期', '世纪', '年度', '多月', '多小时', '百分点', '以上', '左右'],
  ...['以后', '以来', '以前', '期间', '可能', '类型', '人', '次', '孩子', '工人', '职工', '国家', '地区', '城市', '地方', '大洲'],
  ...['自治区', '单位', '部门', '企业', '行业', '港口', '方案', '文件', '案件', '项目', '建设项目'],
]);
/** Heads that only qualify the word after them: `四项基本|原则` takes both. */
const MODIFIER_HEADS: ReadonlySet<string> = new Set(['基本', '主要', '重大', '重要', '重点', '大型', '根本', '总体', '特别']);

/**
 * The head word of a numbered formula: the rest of the number's token (`五个一批`), else the next token (`三个|务必`),
 * and the token after a modifier (`四项|基本|原则`).
 */
function numberedHead(text: string, tokens: Token[], afterClassifier: number): { head: string; end: number } {
  const i = tokenIndexAt(tokens, afterClassifier - 1);
  if (tokens[i].end > afterClassifier) return { head: text.slice(afterClassifier, tokens[i].end), end: tokens[i].end };
  const next = tokens[i + 1];
  if (!next || next.start !== afterClassifier || next.text.length < 2) return { head: '', end: afterClassifier };
  const after = tokens[i + 2];
  if (MODIFIER_HEADS.has(next.text) && after && after.start === next.end && /^\p{Script=Han}+$/u.test(after.text)) {
    return { head: next.text + after.text, end: after.end };
  }
  return { head: next.text, end: next.end };
}

/**
 * Numbered formulas: number + classifier + head (四个意识, 五大安全, 两个维护, 六项规定, 三个务必), the head
 * found with the tokens. Not formulas: a head in GENERIC_HEADS or not all Han; a number inside a word (the number
 * must start a token); 八大/九大/十大 (party congresses).
 * List heads (`一是`, `二、`) never match: 是 and 、 are not classifiers. Only 化 stands without a head (`四化`).
 */
function numberedHits(text: string, tokens: Token[], boundaries: Uint8Array): SloganHit[] {
  const hits: SloganHit[] = [];
  for (const m of text.matchAll(NUMBER_CLASSIFIER)) {
    const [whole, number, classifier] = m;
    if ((boundaries[m.index] & 1) === 0) continue;
    if (classifier === '大' && CONGRESS_NUMBERS.has(number)) continue;
    const { head, end } = numberedHead(text, tokens, m.index + whole.length);
    const headless = head === '' && classifier === '化';
    if (!headless && (!/^\p{Script=Han}+$/u.test(head) || GENERIC_HEADS.has(head))) continue;
    hits.push(hit(text, m.index, end, canonicalSurface(text.slice(m.index, end)), 'numbered'));
  }
  return hits;
}

const OPERAND_CHAR = '[\\p{Script=Han}A-Za-z0-9\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]';
const OPERAND = `${OPERAND_CHAR}+`;
const PLUS = '[ \\t\\u3000\\u00a0]*[+＋][ \\t\\u3000\\u00a0]*';
// Tried only where a run of operand characters starts: from inside a run it would rescan the run (quadratic).
const FORMULA = new RegExp(`(?<!${OPERAND_CHAR})${OPERAND}(?:${PLUS}${OPERAND})+`, 'gu');
const LEADING_OPERAND = new RegExp(`^${OPERAND}`, 'u');
const TRAILING_OPERAND = new RegExp(`${OPERAND}$`, 'u');

/**
 * Formulas: operands (Han, letters, digits) joined by + or ＋, spaces around it tolerated (1+9+N, 专业+机制+大数据,
 * 四所一庭一中心+N). A run of Han characters has no word breaks, so the first operand starts and the last one ends
 * with the word (token) next to the +: `落实党建+业务融合` gives `党建+业务`. Sums of bare numbers (`3+5`) are not formulas.
 */
function formulaHits(text: string, tokens: Token[]): SloganHit[] {
  const hits: SloganHit[] = [];
  if (!/[+＋]/.test(text)) return hits;
  for (const m of text.matchAll(FORMULA)) {
    if (!/\p{L}/u.test(m[0])) continue;
    const matchEnd = m.index + m[0].length;
    const firstOperandEnd = m.index + LEADING_OPERAND.exec(m[0])![0].length;
    const lastOperandStart = matchEnd - TRAILING_OPERAND.exec(m[0])![0].length;
    const start = Math.max(m.index, tokens[tokenIndexAt(tokens, firstOperandEnd - 1)].start);
    const end = Math.min(matchEnd, tokens[tokenIndexAt(tokens, lastOperandStart)].end);
    hits.push(hit(text, start, end, canonicalSurface(text.slice(start, end)), 'formula'));
  }
  return hits;
}

const spanKey = (h: SloganHit): string => `${h.start}:${h.end}`;

/**
 * One hit per stretch of text, in text order. Quotes delimit a slogan exactly, so a quoted lexicon form comes
 * first, then the lexicon matches outside it. A numbered or formula hit that overlaps a slogan is dropped (on the
 * same span it adds nothing; otherwise the lexicon knows where its slogan ends). A quoted formulation on the same
 * span as a kept hit only marks it quoted; a longer quotation is kept beside the slogans inside it, because the
 * quotation is the author's own unit and the slogans in it are used all the same.
 */
function mergeHits(length: number, lexicon: SloganHit[], structural: SloganHit[], quoted: SloganHit[]): SloganHit[] {
  const covered = new Uint8Array(length);
  const bySpan = new Map<string, SloganHit>();
  const kept: SloganHit[] = [];
  const isFree = (h: SloganHit) => covered.subarray(h.start, h.end).every((c) => c === 0);
  const keep = (h: SloganHit) => {
    kept.push(h);
    bySpan.set(spanKey(h), h);
    covered.fill(1, h.start, h.end);
  };
  for (const q of quoted) if (q.kind === 'lexicon' && !bySpan.has(spanKey(q))) keep(q);
  for (const h of lexicon) if (isFree(h)) keep(h);
  const leftmostLongest = [...structural].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const h of leftmostLongest) if (isFree(h)) keep(h);
  for (const q of quoted) {
    if (q.kind === 'lexicon') continue;
    const same = bySpan.get(spanKey(q));
    if (same) same.quoted = true;
    else kept.push(q);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Every formulation used in `text` (the analysis text of a Document, `tokens` its segmentation): lexicon slogans,
 * quoted formulations, numbered formulas and + formulas, one hit per stretch of text, in text order.
 */
export function extractSlogans(text: string, tokens: Token[], lexicon: LexiconMatcher): SloganHit[] {
  if (tokens.length === 0) return [];
  const boundaries = tokenBoundaries(text, tokens);
  const structural = [...numberedHits(text, tokens, boundaries), ...formulaHits(text, tokens)];
  return mergeHits(text.length, lexiconHits(text, tokens, boundaries, lexicon), structural, quotedHits(text, lexicon));
}
