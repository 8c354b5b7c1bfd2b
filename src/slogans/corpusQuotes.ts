import { createHash } from 'node:crypto';
import type { ResultTable } from '../resultTable.js';

/**
 * `tifa slogans` counts a formulation that any document of the corpus quotes at every use (corpusQuotedForms).
 * Its shards therefore merge in two steps: each shard lists the forms its documents quote (`--quoted-forms
 * --shard`), merge unions them, and each shard is counted with that union (`--shard --quoted-from`). A count
 * shard carries what proves it was: the forms its own documents quote and the set it was counted with, so that
 * merge can check that every shard was counted with exactly the forms all of them quote together, which is the
 * set one run over all their files counts with. Forms are kept in order of first appearance, as one run meets them:
 * the matcher of quoted forms keeps the first of two forms that fold alike, so the order is part of what is checked.
 * The forms the documents' wording names (corpusNamedForms) are counted at every use too and go the same way.
 */
export interface ShardQuotes {
  /** The formulations the shard's own documents quote, in order of first appearance. */
  own: string[];
  /** The set it was counted with (its own forms and those of --quoted-from): size and digest. */
  countedWith: { forms: number; sha1: string };
  /**
   * The same for the forms the documents' wording names (corpusNamedForms), counted at every use as quoted ones are
   * and carried by the same two steps; a stamp without it has none.
   */
  named?: { own: string[]; countedWith: { forms: number; sha1: string } };
}

function digest(forms: readonly string[]): string {
  return createHash('sha1').update(JSON.stringify(forms)).digest('hex');
}

function stamp(own: Iterable<string>, countedWith: Iterable<string>): { own: string[]; countedWith: { forms: number; sha1: string } } {
  const counted = [...new Set(countedWith)];
  return { own: [...new Set(own)], countedWith: { forms: counted.length, sha1: digest(counted) } };
}

/**
 * The stamp of a shard whose documents quote `own` and that was counted with `countedWith`; `named`, the same for
 * the named forms.
 */
export function shardQuotes(own: Iterable<string>, countedWith: Iterable<string>, named?: { own: Iterable<string>; countedWith: Iterable<string> }): ShardQuotes {
  return { ...stamp(own, countedWith), ...(named ? { named: stamp(named.own, named.countedWith) } : {}) };
}

const isStamp = (q: { own?: unknown; countedWith?: { forms?: unknown; sha1?: unknown } } | undefined): boolean =>
  Array.isArray(q?.own) && q.own.every((f) => typeof f === 'string') && typeof q.countedWith?.forms === 'number' && typeof q.countedWith.sha1 === 'string';

export function shardQuotesFromData(data: unknown): ShardQuotes | undefined {
  const q = data as ShardQuotes | undefined;
  return isStamp(q) && (q!.named === undefined || isStamp(q!.named)) ? q : undefined;
}

/** One kind of stamp merged: see mergeShardQuotes. */
function mergeStamps(parts: ReadonlyArray<{ own: string[]; countedWith: { forms: number; sha1: string } }>) {
  const own = unionOfForms(parts.map((p) => p.own));
  const { countedWith } = parts[0];
  const differs = parts.findIndex((p) => p.countedWith.sha1 !== countedWith.sha1);
  return { merged: { own, countedWith }, differs: differs < 0 ? undefined : differs, complete: stamp(own, own).countedWith.sha1 === countedWith.sha1 };
}

/**
 * Shards merged in corpus order: their stamp (the forms they quote together, in the order one run meets them,
 * and the set they were counted with; the same for the named forms), `differs`: the first shard counted with
 * another set than the first one, and `complete`: they were counted with exactly the forms they quote (and name)
 * together, so their counts are one run's. A stage of a larger merge (merge --shard) need not be complete; the
 * table must be.
 */
export function mergeShardQuotes(parts: readonly ShardQuotes[]): { quotes: ShardQuotes; differs?: number; complete: boolean } {
  const quoted = mergeStamps(parts);
  const none = stamp([], []);
  const named = parts.some((p) => p.named) ? mergeStamps(parts.map((p) => p.named ?? none)) : undefined;
  const firstOf = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  return {
    quotes: { ...quoted.merged, ...(named ? { named: named.merged } : {}) },
    differs: firstOf(quoted.differs, named?.differs),
    complete: quoted.complete && (named?.complete ?? true),
  };
}

/** The forms of shards given in corpus order, in the order one run over them all meets them. */
export function unionOfForms(parts: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(parts.flat())];
}

/** `slogans --quoted-forms`: one row per formulation outside the lexicon that the corpus quotes (with the operands of quoted + formulas, quotedFormulaOperands), in order of first appearance. */
export function quotedFormsTable(forms: readonly string[]): ResultTable {
  return { columns: ['term'], rows: forms.map((term) => ({ term })) };
}
