import { lexiconSurfaceForms, type LexiconEntry } from './lexicon.js';

/** Spaces a PDF or web page leaves inside a line; a line break is not one of them (normalise repairs page breaks). */
const INLINE_SPACE = /[ \t\u3000\u00a0]/;
/** Middle dots that editors and fonts use interchangeably in `秀美·警·色`, `大景区·花满城`. */
const MIDDLE_DOTS = new Set([...'·・•‧･']);
/** List separators that do not make a different slogan: `市县主战，派出所主防` is `市县主战、派出所主防`. */
const LIST_SEPARATORS = new Set([...'、,']);
/** The longest aside skipped inside a slogan: `一村（格）一警`, `凡提（晋）必考`. */
const MAX_ASIDE = 4;

/**
 * One character as the matcher compares it: full-width ASCII (＋ Ｎ １ ，（ ）) as ASCII, any middle dot as ·,
 * a comma as 、. The text itself is never rewritten, so offsets stay those of the analysis text.
 */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  // Fast path for the bulk of the text: CJK ideographs and syllables need no folding.
  if (code >= 0x3400 && code < 0xff00) return c;
  const ascii = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c;
  if (MIDDLE_DOTS.has(ascii)) return '·';
  if (LIST_SEPARATORS.has(ascii)) return '、';
  return ascii;
}

/**
 * The reported form of a formulation found by a pattern: full-width letters, digits and ＋ as ASCII, spaces
 * dropped except one between two ASCII letters or digits (`AI 警务` → `AI警务`, `Big Data` stays).
 */
export function canonicalSurface(surface: string): string {
  const ascii = surface.replace(/[\uff0b\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return ascii.trim().replace(/[ \t\u3000\u00a0]+/g, (space, at: number, whole: string) =>
    /[A-Za-z0-9]/.test(whole[at - 1] ?? '') && /[A-Za-z0-9]/.test(whole[at + space.length] ?? '') ? ' ' : '',
  );
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set on the node where a surface form ends: the canonical form it counts as. */
  canonical?: string;
}

export interface LexiconMatch {
  start: number;
  end: number;
  canonical: string;
}

/** Finds lexicon slogans in text; built once per lexicon and reused for every document. */
export interface LexiconMatcher {
  /**
   * Leftmost-longest, non-overlapping matches among the spans `[start, end)` that `accept` allows.
   * A slogan nested in a longer one (`大数据` in `专业+机制+大数据`) is part of the longer match and is not
   * counted again; the same words elsewhere are counted.
   */
  matches(text: string, accept: (start: number, end: number) => boolean): LexiconMatch[];
  /** The canonical form when the whole of `surface` is a written form of a slogan (noise tolerated), else undefined. */
  canonicalOf(surface: string): string | undefined;
  /** The theme of a canonical form, undefined for a formulation outside the lexicon. */
  themeOf(canonical: string): string | undefined;
}

function buildTrie(forms: Map<string, string>): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const [form, canonical] of forms) {
    let node = root;
    // Code units, as the text is walked: a character outside the BMP is two steps on both sides.
    for (let k = 0; k < form.length; k++) {
      const unit = foldChar(form[k]);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.canonical = canonical;
  }
  return root;
}

/** End (exclusive) of a bracketed aside of 1..MAX_ASIDE characters opening at `at`, or -1. */
function asideEnd(text: string, at: number): number {
  if (foldChar(text[at]) !== '(') return -1;
  for (let j = at + 2; j <= at + MAX_ASIDE + 1 && j < text.length; j++) {
    if (foldChar(text[j]) === ')') return j + 1;
    if (text[j] === '\n') return -1;
  }
  return -1;
}

/**
 * Walks the trie from `start`, skipping what a reader does not see as part of the slogan: spaces, and a short
 * bracketed aside, both only inside a match. Returns the longest form whose span `accept` allows.
 */
function longestAt(root: TrieNode, text: string, start: number, accept: (start: number, end: number) => boolean): LexiconMatch | undefined {
  let node = root;
  let best: LexiconMatch | undefined;
  let j = start;
  while (j < text.length) {
    const child = node.next.get(foldChar(text[j]));
    if (child) {
      node = child;
      j++;
      if (node.canonical !== undefined && accept(start, j)) best = { start, end: j, canonical: node.canonical };
      continue;
    }
    if (node === root) break;
    if (INLINE_SPACE.test(text[j])) {
      j++;
      continue;
    }
    const aside = asideEnd(text, j);
    if (aside < 0) break;
    j = aside;
  }
  return best;
}

/** Compiles the lexicon's surface forms (canonical and variants) into one character trie. */
export function createLexiconMatcher(entries: readonly LexiconEntry[]): LexiconMatcher {
  const root = buildTrie(lexiconSurfaceForms(entries));
  const themes = new Map(entries.map((e) => [e.canonical, e.theme]));
  return {
    matches(text, accept) {
      const out: LexiconMatch[] = [];
      for (let i = 0; i < text.length; i++) {
        if (!root.next.has(foldChar(text[i]))) continue;
        const match = longestAt(root, text, i, accept);
        if (match) {
          out.push(match);
          i = match.end - 1;
        }
      }
      return out;
    },
    canonicalOf(surface) {
      const trimmed = surface.trim();
      return longestAt(root, trimmed, 0, (_, end) => end === trimmed.length)?.canonical;
    },
    themeOf(canonical) {
      return themes.get(canonical);
    },
  };
}
