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
 */
export interface ShardQuotes {
  /** The formulations the shard's own documents quote, in order of first appearance. */
  own: string[];
  /** The set it was counted with (its own forms and those of --quoted-from): size and digest. */
  countedWith: { forms: number; sha1: string };
}

function digest(forms: readonly string[]): string {
  return createHash('sha1').update(JSON.stringify(forms)).digest('hex');
}

/** The stamp of a shard whose documents quote `own` and that was counted with `countedWith`. */
export function shardQuotes(own: Iterable<string>, countedWith: Iterable<string>): ShardQuotes {
  const counted = [...new Set(countedWith)];
  return { own: [...new Set(own)], countedWith: { forms: counted.length, sha1: digest(counted) } };
}

export function shardQuotesFromData(data: unknown): ShardQuotes | undefined {
  const q = data as ShardQuotes | undefined;
  const ok = Array.isArray(q?.own) && q.own.every((f) => typeof f === 'string') && typeof q.countedWith?.forms === 'number' && typeof q.countedWith.sha1 === 'string';
  return ok ? q : undefined;
}

/**
 * Shards merged in corpus order: their stamp (the forms they quote together, in the order one run meets them,
 * and the set they were counted with), `differs`: the first shard counted with another set than the first one,
 * and `complete`: they were counted with exactly the forms they quote together, so their counts are one run's.
 * A stage of a larger merge (merge --shard) need not be complete; the table must be.
 */
export function mergeShardQuotes(parts: readonly ShardQuotes[]): { quotes: ShardQuotes; differs?: number; complete: boolean } {
  const own = unionOfForms(parts.map((p) => p.own));
  const { countedWith } = parts[0];
  const differs = parts.findIndex((p) => p.countedWith.sha1 !== countedWith.sha1);
  return { quotes: { own, countedWith }, differs: differs < 0 ? undefined : differs, complete: shardQuotes(own, own).countedWith.sha1 === countedWith.sha1 };
}

/** The forms of shards given in corpus order, in the order one run over them all meets them. */
export function unionOfForms(parts: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(parts.flat())];
}

/** `slogans --quoted-forms`: one row per formulation outside the lexicon that the corpus quotes (with the operands of quoted + formulas, quotedFormulaOperands), in order of first appearance. */
export function quotedFormsTable(forms: readonly string[]): ResultTable {
  return { columns: ['term'], rows: forms.map((term) => ({ term })) };
}
