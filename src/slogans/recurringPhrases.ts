import type { Token } from '../segment/token.js';
import { canonicalSurface } from '../lexicon/fold.js';

/**
 * Recurring phrases of formulation shape: the formulations a text repeats without quoting them and that no lexicon
 * names (社会主义现代化建设, 反腐败国际合作, 京津冀协同发展战略). Decided per document, from that document alone, so
 * that a count never depends on the other documents of a corpus (shards merge; a document's rows are its own).
 */

/**
 * Head words that close a formulation: what policy language names its programmes, systems, doctrines and
 * campaigns with (…建设, …改革, …体系, …机制, …战略, …工程, …思想, …格局).
 */
const FORMULATION_HEADS: ReadonlySet<string> = new Set([
  ...['建设', '改革', '发展', '体系', '机制', '体制', '制度', '战略', '工程', '思想', '精神', '理念', '合作', '格局'],
  ...['道路', '方针', '路线', '方略', '行动', '经验', '战役', '攻坚战', '现代化'],
]);
/**
 * The heads that name a formulation rather than an activity: only these extend a lexicon slogan (京津冀协同发展战略,
 * 乡村振兴战略). 平安中国建设 or 全国统一大市场建设 is the slogan put to work, counted as the slogan.
 */
const NAMING_HEADS: ReadonlySet<string> = new Set([...FORMULATION_HEADS].filter((h) => !['建设', '改革', '发展', '合作', '现代化'].includes(h)));
/** `X和Y工作` (廉政建设和反腐败工作): 工作 closes a formulation only after two coordinated tasks. */
const COORDINATED_HEAD = '工作';
const COORDINATORS: ReadonlySet<string> = new Set(['和', '与', '及']);

/**
 * Broad nouns that name a sector or a level: coordinated with another they make a plain phrase (国民经济和社会发展,
 * 经济和社会发展), not a formulation.
 */
const SECTOR_NOUNS: ReadonlySet<string> = new Set([
  ...['经济', '社会', '经济社会', '政治', '文化', '生态', '城市', '农村', '城乡', '乡村', '区域', '地方', '国家', '国际', '全国', '全省', '全市'],
  ...['行业', '产业', '企业', '科技', '科学', '技术', '教育', '卫生', '人才', '工作', '事业', '国民经济', '民生', '住房'],
  ...['基础设施', '基础工业', '生态环境', '社会保障', '公共服务'],
]);

const MAX_CHARS = 12;
const MAX_TOKENS = 5;
/** A phrase counts only where its document uses it at least this often: the list makers' "recurring". */
export const MIN_RECURRENCE = 2;

const isHan = (t: Token) => /^\p{Script=Han}+$/u.test(t.text);
/** A word of a coordinated phrase: Han, two characters or more, a noun, verbal noun, fixed phrase or a verb of three (反腐败). */
const isConjunctWord = (t: Token) => isHan(t) && t.text.length >= 2 && (/^(?:n|nz|vn|l|j|an)$/.test(t.pos ?? '') || (t.pos === 'v' && t.text.length >= 3));

/** Tokens [from, to] are adjacent (no space or mark between them). */
function adjacent(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (tokens[k - 1].end !== tokens[k].start) return false;
  return true;
}

/**
 * The three shapes of a formulation that the text alone shows, tokens [from, to] inclusive, all adjacent:
 * - coordinated: `X和Y` + head, X and Y each one or two words of the lexicon's vocabulary (`inVocabulary`; Y may be
 *   one verb after a noun-like X, made a noun by the head: 东西部协作和支援合作), the head
 *   a formulation head or 工作 (国防和军队建设, 廉政建设和反腐败工作, 东西部协作和支援合作); not a sector noun right before
 *   the head or first (国民经济和社会发展, 科学和技术发展);
 * - parallel: two or more `…化` words + head (革命化现代化正规化建设);
 * - named: a lexicon slogan held whole + a naming head (京津冀协同发展战略), see NAMING_HEADS and `marks`.
 * Plain phrases of policy nouns and a head (信息化建设, 社会保障体系, 城乡区域发展) have none of these shapes: the
 * shapes are what separates a formulation from them, so none other is promoted.
 */
function hasFormulationShape(tokens: Token[], from: number, to: number, marks: Uint8Array, inVocabulary: (word: string) => boolean): boolean {
  const n = to - from + 1;
  if (n < 2 || n > MAX_TOKENS || tokens[to].end - tokens[from].start > MAX_CHARS || !adjacent(tokens, from, to)) return false;
  const head = tokens[to].text;
  if (isLexiconFind(marks, tokens[from].start, tokens[to - 1].end)) return NAMING_HEADS.has(head);
  if (n === 2 || !FORMULATION_HEADS.has(head) && head !== COORDINATED_HEAD) return false;
  const words = tokens.slice(from, to);
  const at = words.findIndex((t) => COORDINATORS.has(t.text));
  if (at < 0) return head !== COORDINATED_HEAD && words.every((t) => isHan(t) && t.text.length >= 2 && t.text.endsWith('化') && t.pos !== 'v');
  const [left, right] = [words.slice(0, at), words.slice(at + 1)];
  const conjunct = (part: Token[]) => part.length >= 1 && part.length <= 2 && part.every((t) => isConjunctWord(t) && inVocabulary(t.text));
  // After a noun-like conjunct the last word may be a verb that the head makes a noun of (东西部协作和支援|合作);
  // two verbs coordinated are a task (加强和改进|工作), no formulation.
  const nominalised = right.length === 1 && right[0].pos === 'v' && isHan(right[0]) && right[0].text.length === 2 && inVocabulary(right[0].text);
  // Two single two-character words are a pair of nouns (国防和军队), not of activities (管理与指挥 体制: a plain phrase).
  const activities = left.length === 1 && right.length === 1 && left[0].text.length === 2 && right[0].text.length === 2 && [left[0], right[0]].some((t) => !/^n/.test(t.pos ?? ''));
  if (activities) return false;
  return conjunct(left) && (conjunct(right) || (nominalised && left.every((t) => /^(?:n|nz|l|j)$/.test(t.pos ?? '')))) && !SECTOR_NOUNS.has(words[0].text) && !SECTOR_NOUNS.has(words[words.length - 1].text);
}

/** A recurring phrase and where each use is, `[start, end)` in the text. */
export interface RecurringPhrase {
  canonical: string;
  spans: Array<[number, number]>;
}

/**
 * The recurring phrases of formulation shape in one document (`tokens` tagged): every token n-gram of that
 * shape outside the other finds (`marks`, see markFinds) that the document uses at least MIN_RECURRENCE times. A
 * phrase may hold a lexicon slogan whole and add a head to it (京津冀协同发展|战略), never cut into one. A phrase inside
 * a longer recurring one that is used exactly as often is that one's part, not a formulation of its own
 * (现代化建设 in 社会主义现代化建设). Uses are then taken longest first, left to right, without overlap, and a phrase
 * left with fewer than MIN_RECURRENCE uses is dropped.
 */
export function recurringPhrases(tokens: Token[], text: string, marks: Uint8Array, inVocabulary: (word: string) => boolean): RecurringPhrase[] {
  const uses = new Map<string, Array<[number, number]>>();
  // From each head back: most tokens are no head, and a phrase cannot reach across a mark.
  for (let j = 1; j < tokens.length; j++) {
    if (!FORMULATION_HEADS.has(tokens[j].text) && tokens[j].text !== COORDINATED_HEAD) continue;
    // Followed by another head, the phrase only modifies it (生态文明制度|建设): the longer one is the unit.
    const next = tokens[j + 1];
    if (next && next.start === tokens[j].end && FORMULATION_HEADS.has(next.text)) continue;
    for (let i = j - 1; i >= 0 && j - i < MAX_TOKENS; i--) {
      const [start, end] = [tokens[i].start, tokens[j].end];
      if (end - start > MAX_CHARS || !isHan(tokens[i])) break;
      if (!isFree(marks, start, end) || !hasFormulationShape(tokens, i, j, marks, inVocabulary)) continue;
      const form = canonicalSurface(text.slice(start, end));
      let list = uses.get(form);
      if (!list) uses.set(form, (list = []));
      list.push([start, end]);
    }
  }
  const recurring = [...uses].filter(([, spans]) => spans.length >= MIN_RECURRENCE);
  const kept = recurring.filter(([form, spans]) => !recurring.some(([longer, other]) => longer.length > form.length && longer.includes(form) && other.length === spans.length));
  // Longest first, then left to right: a use inside a longer phrase's use is that phrase's.
  const claimed = new Uint8Array(text.length);
  const found: RecurringPhrase[] = [];
  for (const [canonical, spans] of kept.sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))) {
    const free = spans.filter(([s, e]) => claimed.subarray(s, e).every((c) => c === 0));
    if (free.length < MIN_RECURRENCE) continue;
    for (const [s, e] of free) claimed.fill(1, s, e);
    found.push({ canonical, spans: free });
  }
  return found;
}

/** `[start, end)` is one lexicon find (marked by markFinds). */
function isLexiconFind(marks: Uint8Array, start: number, end: number): boolean {
  if (marks[start] !== LEXICON_START || (end < marks.length && marks[end] === LEXICON_REST)) return false;
  for (let k = start + 1; k < end; k++) if (marks[k] !== LEXICON_REST) return false;
  return true;
}

/** markFinds: the first unit of a lexicon find, its other units, and the units of any other find. */
export const LEXICON_START = 1;
const LEXICON_REST = 2;
const OTHER_FIND = 3;

/**
 * The units of the finds a phrase must respect, for recurringPhrases: a lexicon slogan may be held whole by a
 * phrase, any other find (a quote, a numbered or + formula) may not be touched.
 */
export function markFinds(length: number, finds: Iterable<{ start: number; end: number; lexicon: boolean }>): Uint8Array {
  const marks = new Uint8Array(length + 1);
  for (const f of finds) {
    if (!f.lexicon) marks.fill(OTHER_FIND, f.start, f.end);
    else {
      marks.fill(LEXICON_REST, f.start + 1, f.end);
      marks[f.start] = Math.max(marks[f.start], LEXICON_START);
    }
  }
  return marks;
}

/**
 * `[start, end)` touches no find it may not hold: it neither starts nor ends inside a lexicon find, nor touches
 * another find, and it adds text to the lexicon finds it holds (it is not one of them).
 */
export function isFree(marks: Uint8Array, start: number, end: number): boolean {
  if (marks[start] === LEXICON_REST || marks[end] === LEXICON_REST) return false;
  let adds = false;
  for (let k = start; k < end; k++) {
    if (marks[k] === OTHER_FIND) return false;
    if (marks[k] === 0) adds = true;
  }
  return adds;
}

/** The longest modifier looked for before a slogan, in code units (工人阶级领导的、以工农联盟为基础的: 17). */
const MAX_MODIFIER = 24;
/** A modifier holds at least this many characters before its 的. */
const MIN_MODIFIER = 4;
/** What ends the stretch a modifier is taken from: clause punctuation, quotes, brackets, a line break. */
const CLAUSE_END = /[，,。；;：:！!？?“”"（）()《》\n]/u;
/** Tags that cannot open a modifier: verbs (是, 坚持), pronouns (我国, 我们), function words, numbers, adverbs. */
const NO_OPENING_TAGS = /^(?:v|vd|r|p|c|d|u|uj|ul|uz|ud|ug|uv|m|q|f|y|e|o)$/;

/** The tokens that start within MAX_MODIFIER before a slogan, by offset: all a modifier is looked for in. */
function tokensAround(tokens: Token[], slogans: Array<{ start: number }>): Map<number, Token> {
  const wanted = new Uint8Array((tokens.at(-1)?.end ?? 0) + 1);
  for (const s of slogans) wanted.fill(1, Math.max(0, s.start - MAX_MODIFIER), s.start);
  const starts = new Map<number, Token>();
  for (const t of tokens) if (wanted[t.start]) starts.set(t.start, t);
  return starts;
}

/** How many words start in [from, to): a modifier of one word is a plain possessive (社会主义的改革开放, 地方政府的机构改革). */
function wordsIn(starts: Map<number, Token>, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (starts.get(k) && isHan(starts.get(k)!)) n++;
  return n;
}

/**
 * A lexicon slogan with the same modifier before it (`…的` + slogan) at two or more of its uses in the document:
 * the longer form is the formulation the text fixes (工人阶级领导的、以工农联盟为基础的人民民主专政 beside
 * 人民民主专政). The modifier is the longest shared stretch before the slogan that starts on a word that is no
 * verb, pronoun or function word, ends in 的, holds two words or more and MIN_MODIFIER characters before it, no clause
 * punctuation (、 allowed), and touches no other find. Its uses are the spans of modifier and slogan.
 */
export function modifiedSlogans(tokens: Token[], text: string, slogans: Array<{ start: number; end: number; canonical: string }>, marks: Uint8Array): RecurringPhrase[] {
  const uses = new Map<string, Array<[number, number]>>();
  let starts: Map<number, Token> | undefined;
  for (const s of slogans) {
    if (text[s.start - 1] !== '的') continue;
    starts ??= tokensAround(tokens, slogans);
    let from = s.start - 1;
    while (from > 0 && s.start - from < MAX_MODIFIER && !CLAUSE_END.test(text[from - 1])) from--;
    // every start of a word in [from, s.start - 1) opens a candidate modifier
    for (let at = from; at < s.start - 1; at++) {
      const opening = starts.get(at);
      if (!opening || NO_OPENING_TAGS.test(opening.pos ?? '') || !isHan(opening)) continue;
      const modifier = text.slice(at, s.start);
      if (modifier.replace(/[、的]/gu, '').length < MIN_MODIFIER || !isFree(marks, at, s.start - 1) || wordsIn(starts, at, s.start - 1) < 2) continue;
      const form = canonicalSurface(modifier) + s.canonical;
      let list = uses.get(form);
      if (!list) uses.set(form, (list = []));
      list.push([at, s.end]);
    }
  }
  // The longest shared modifier at each use: a use claimed by a longer recurring form is that form's.
  const recurring = [...uses].filter(([, spans]) => spans.length >= MIN_RECURRENCE).sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const claimedEnds = new Set<number>();
  const found: RecurringPhrase[] = [];
  for (const [canonical, spans] of recurring) {
    const free = spans.filter(([, e]) => !claimedEnds.has(e));
    if (free.length < MIN_RECURRENCE) continue;
    for (const [, e] of free) claimedEnds.add(e);
    found.push({ canonical, spans: free });
  }
  return found;
}

/**
 * Two lexicon slogans written as one, with nothing between them, that the document uses together at least
 * MIN_RECURRENCE times: the longer form is the formulation the text fixes around a found one (家庭医生签约服务 +
 * 高质量发展 → 家庭医生签约服务高质量发展; 阶级斗争、生产斗争、科学实验 + 三大革命运动). Each slogan stays a use of its own.
 * `slogans` in text order; a pair that touches another find (`marks`) is not taken.
 */
export function adjacentSlogans(text: string, slogans: Array<{ start: number; end: number; canonical: string }>, marks: Uint8Array): RecurringPhrase[] {
  const uses = new Map<string, Array<[number, number]>>();
  for (let k = 0; k + 1 < slogans.length; k++) {
    const [a, b] = [slogans[k], slogans[k + 1]];
    if (a.end !== b.start || marks.subarray(a.start, b.end).some((m) => m === OTHER_FIND)) continue;
    const form = canonicalSurface(text.slice(a.start, b.end));
    if (!uses.has(form)) uses.set(form, []);
    uses.get(form)!.push([a.start, b.end]);
  }
  return [...uses].filter(([, spans]) => spans.length >= MIN_RECURRENCE).map(([canonical, spans]) => ({ canonical, spans }));
}
