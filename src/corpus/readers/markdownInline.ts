/**
 * Markdown's inline markup within one paragraph, as a reader of the rendered page sees it: emphasis and strike-through
 * marks, code-span backticks, link and autolink brackets and targets, images, footnote references, HTML tags and
 * comments dropped; escapes and entities read as the characters they stand for; `<br>` a line break. The text
 * is not rewritten but described: which of its characters are kept, which replaced, so that every character of
 * the result maps back to its place in the file.
 */

/** What a character of the line becomes: kept, dropped, or (at the first of a range) replaced by `text`. */
export interface InlineEdit {
  start: number;
  end: number;
  /** '' drops the range; '\n' is a hard line break (`<br>`). */
  text: string;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003', middot: '·', hellip: '…', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };
const ENTITY = /^&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/;
const AUTOLINK = /^<((?:https?|ftp):\/\/[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/;
const HTML_TAG = /^<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const ASCII_ALNUM = /[A-Za-z0-9]/;

/** Link text longer than this is no link text: a stray `[` in a long paragraph is not followed to its end. */
const MAX_LINK_TEXT = 1000;

/** Index of the `]` that closes the `[` at `open`, nested brackets counted; -1 when none near. */
function closingBracket(line: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < Math.min(end, open + MAX_LINK_TEXT); i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '[') depth++;
    else if (line[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** A link label as CommonMark matches it with its definition: case and runs of white space do not matter. */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * End (exclusive) of a link's `(target "title")`, or of a `[ref]` (`[]`: the text itself) that the file defines,
 * starting at `at`; -1 when there is none. An undefined `[ref]` is text: `文献[1][2]` stays as written.
 */
function linkTail(line: string, at: number, end: number, text: string, labels: ReadonlySet<string>): number {
  if (line[at] === '[') {
    const close = line.indexOf(']', at);
    if (close === -1 || close >= end) return -1;
    const ref = line.slice(at + 1, close);
    return labels.has(labelKey(ref === '' ? text : ref)) ? close + 1 : -1;
  }
  if (line[at] !== '(') return -1;
  let depth = 0;
  for (let i = at; i < end; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '(') depth++;
    else if (line[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function entityText(name: string): string | undefined {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

interface Run {
  char: string;
  start: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Emphasis (`*`, `_`, runs of one to three) and strike-through (`~~`) marks: a run opens when text follows it and
 * closes when text precedes it (an `_` also not inside an ASCII word: snake_case stays), and a closer drops itself
 * and the nearest opener of the same kind and length. An unmatched mark is text (`注*`, `3 * 4`).
 */
function emphasisEdits(line: string, free: (i: number) => boolean, start: number, end: number): InlineEdit[] {
  const runs: Run[] = [];
  for (let i = start; i < end; ) {
    const c = line[i];
    if ((c !== '*' && c !== '_' && c !== '~') || !free(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && line[j] === c && free(j)) j++;
    const before = i > start ? line[i - 1] : undefined;
    const after = j < end ? line[j] : undefined;
    let canOpen = !isSpace(after);
    let canClose = !isSpace(before);
    if (c === '_') {
      canOpen &&= !(before !== undefined && ASCII_ALNUM.test(before));
      canClose &&= !(after !== undefined && ASCII_ALNUM.test(after));
    }
    if ((c !== '~' && j - i <= 3) || (c === '~' && j - i === 2)) runs.push({ char: c, start: i, length: j - i, canOpen, canClose });
    i = j;
  }
  const edits: InlineEdit[] = [];
  const open: Run[] = [];
  for (const run of runs) {
    let opener = -1;
    for (let k = open.length - 1; run.canClose && k >= 0 && opener === -1; k--) if (open[k].char === run.char && open[k].length === run.length) opener = k;
    if (opener !== -1) {
      edits.push({ start: open[opener].start, end: open[opener].start + run.length, text: '' }, { start: run.start, end: run.start + run.length, text: '' });
      open.length = opener;
    } else if (run.canOpen) open.push(run);
  }
  return edits;
}

/**
 * The edits that turn `line[start, end)` into what a reader sees. Code spans, escapes, autolinks, tags, images,
 * links and entities are taken left to right; emphasis is paired afterwards among the characters still free.
 * `labels`: the link and footnote (`^1`) labels the file defines (labelKey), which alone make `[…]` markup.
 */
export function inlineEdits(line: string, start = 0, end = line.length, labels: ReadonlySet<string> = new Set()): InlineEdit[] {
  const edits: InlineEdit[] = [];
  // Characters whose meaning is settled (code, escaped, link targets): emphasis never pairs across them.
  const settled = new Uint8Array(end - start);
  const settle = (from: number, to: number) => settled.fill(1, from - start, to - start);
  const drop = (from: number, to: number) => {
    if (to > from) edits.push({ start: from, end: to, text: '' });
    settle(from, to);
  };
  for (let i = start; i < end; ) {
    // A link's target, dropped when its text was reached, is not read again.
    if (settled[i - start]) {
      i++;
      continue;
    }
    const c = line[i];
    const rest = () => line.slice(i, Math.min(end, i + 512));
    if (c === '\\' && i + 1 < end && ESCAPABLE.test(line[i + 1])) {
      drop(i, i + 1);
      settle(i + 1, i + 2);
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (line[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let close = line.indexOf(fence, i + n);
      while (close !== -1 && close + n < end && line[close + n] === '`') close = line.indexOf(fence, close + n + 1);
      if (close === -1 || close + n > end) {
        settle(i, i + n);
        i += n;
        continue;
      }
      // One space inside each end is padding (`` `a` `` shows a backtick), not content.
      const padded = close - (i + n) >= 2 && line[i + n] === ' ' && line[close - 1] === ' ';
      drop(i, i + n + (padded ? 1 : 0));
      settle(i + n, close);
      drop(close - (padded ? 1 : 0), close + n);
      i = close + n;
      continue;
    }
    if (c === '<') {
      const comment = line.startsWith('<!--', i) ? line.indexOf('-->', i + 4) : -1;
      if (comment !== -1 && comment + 3 <= end) {
        drop(i, comment + 3);
        i = comment + 3;
        continue;
      }
      const auto = AUTOLINK.exec(rest());
      if (auto) {
        drop(i, i + 1);
        settle(i + 1, i + auto[0].length - 1);
        drop(i + auto[0].length - 1, i + auto[0].length);
        i += auto[0].length;
        continue;
      }
      const tag = HTML_TAG.exec(rest());
      if (tag) {
        if (LINE_BREAK_TAG.test(tag[0])) {
          edits.push({ start: i, end: i + tag[0].length, text: '\n' });
          settle(i, i + tag[0].length);
        } else drop(i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
    }
    if (c === '&') {
      const entity = ENTITY.exec(rest());
      const text = entity ? entityText(entity[1]) : undefined;
      if (entity && text !== undefined) {
        edits.push({ start: i, end: i + entity[0].length, text });
        settle(i, i + entity[0].length);
        i += entity[0].length;
        continue;
      }
    }
    const image = c === '!' && line[i + 1] === '[';
    if (c === '[' || image) {
      const open = image ? i + 1 : i;
      const close = closingBracket(line, open, end);
      const text = close === -1 ? '' : line.slice(open + 1, close);
      if (close !== -1 && text.startsWith('^') && labels.has(labelKey(text))) {
        // A footnote reference: the number a reader sees is the renderer's, not in the text.
        drop(i, close + 1);
        i = close + 1;
        continue;
      }
      let tail = close === -1 ? -1 : linkTail(line, close + 1, end, text, labels);
      // `[text]` alone is a link when the file defines `text` as a label (a shortcut reference).
      if (tail === -1 && close !== -1 && !text.startsWith('^') && labels.has(labelKey(text))) tail = close + 1;
      if (tail !== -1) {
        if (image) {
          drop(i, tail);
          i = tail;
          continue;
        }
        // The link's text stays and is read on (it may hold emphasis or code); brackets and target go.
        drop(i, i + 1);
        drop(close, tail);
        i += 1;
        continue;
      }
    }
    i++;
  }
  // Every edit above settled its range, so a free character is one no edit touches.
  edits.push(...emphasisEdits(line, (i) => settled[i - start] === 0, start, end));
  return edits.sort((a, b) => a.start - b.start);
}
