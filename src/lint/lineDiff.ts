/** Lines of context around each change, as `diff -u` prints. */
const CONTEXT = 3;

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

/**
 * Myers' O(ND) shortest edit script between two line lists. Fixes change few lines, so D is small and so is
 * the frontier saved at each step for the walk back.
 */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const max = a.length + b.length;
  const at = (k: number) => k + max;
  const chooseDown = (v: Int32Array, k: number, d: number) => k === -d || (k !== d && v[at(k - 1)] < v[at(k + 1)]);
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = chooseDown(v, k, d) ? v[at(k + 1)] : v[at(k - 1)] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[at(k)] = x;
      if (x >= a.length && y >= b.length) break search;
    }
  }
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const k = x - y;
    const previousK = chooseDown(trace[d], k, d) ? k + 1 : k - 1;
    const previousX = trace[d][at(previousK)];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] });
    }
    if (d === 0) break;
    if (x === previousX) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  return ops.reverse();
}

/** A text's lines; a final newline ends the last line rather than opening an empty one. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Groups of op indices close enough to share a hunk (their contexts touch). */
function hunkRanges(ops: readonly Op[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  ops.forEach((op, i) => {
    if (op.kind === ' ') return;
    const last = ranges.at(-1);
    if (last && i - last[1] <= 2 * CONTEXT) last[1] = i;
    else ranges.push([i, i]);
  });
  return ranges.map(([first, last]) => [Math.max(0, first - CONTEXT), Math.min(ops.length, last + CONTEXT + 1)]);
}

/** `diff -u` style start of a hunk side: the line before it when the side is empty. */
function hunkSide(start: number, count: number): string {
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** A unified diff of two versions of one file (empty when they are equal). */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = editScript(linesOf(before), linesOf(after));
  let out = `--- ${path}\n+++ ${path}\n`;
  for (const [from, to] of hunkRanges(ops)) {
    const preceding = ops.slice(0, from);
    const hunk = ops.slice(from, to);
    const oldStart = preceding.filter((op) => op.kind !== '+').length + 1;
    const newStart = preceding.filter((op) => op.kind !== '-').length + 1;
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${hunkSide(oldStart, oldCount)} +${hunkSide(newStart, newCount)} @@\n`;
    out += hunk.map((op) => `${op.kind}${op.line}\n`).join('');
  }
  return out;
}
