import { InputError } from '../errors.js';
import type { Row } from '../format/table.js';
import type { GroupedCounts, TermCount } from './termCounts.js';
import { RATE_BASE } from './arithmetic.js';
import { GroupIndex } from './groups.js';

const RATE_COLUMNS = ['per10k', 'per10k_chars'] as const;

/**
 * Rebuilds counts from the `--format json` rows of `tifa freq` run on shards of a corpus, so that their
 * sum gives the table one run over the whole corpus would. Counts and docfreq add up; a shard's token (or
 * character) total per group is recovered from any of its rows as count·10000/rate, exact after rounding
 * because JSON keeps ten significant digits. Shards must be complete word lists (no --top or --min-count):
 * a term cut from one shard would be missing from the sum.
 */
export function mergeFrequencyShards(shards: Array<{ file: string; rows: Row[] }>): { counts: GroupedCounts; per: 'tokens' | 'chars' } {
  const merged: GroupedCounts = { field: undefined, groups: [], tokens: [], chars: [], docTokens: [], terms: new Map() };
  const groupIndex = new GroupIndex(() => (merged.tokens.push(0), merged.chars.push(0)));
  merged.groups = groupIndex.labels;
  let per: 'tokens' | 'chars' | undefined;
  for (const { file, rows } of shards) {
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]);
    const rate = RATE_COLUMNS.find((c) => columns.includes(c));
    if (!columns.includes('term') || !columns.includes('total') || !columns.includes('docfreq') || !rate) {
      throw new InputError(`${file}: not the --format json output of tifa freq (needs term, total, per10k, docfreq)`);
    }
    const shardPer = rate === 'per10k' ? 'tokens' : 'chars';
    if (per && per !== shardPer) throw new InputError(`${file}: rates per ${shardPer}, other shards per ${per}`);
    per = shardPer;
    const groups = columns.filter((c) => columns.includes(`${c}_${rate}`));
    const grouped = groups.length > 0;
    if (grouped) merged.field = 'group';
    const labels = grouped ? groups : ['all'];
    const indices = labels.map((label) => groupIndex.numberOf(label));
    labels.forEach((label, i) => {
      const countColumn = grouped ? label : 'total';
      const rateColumn = grouped ? `${label}_${rate}` : rate;
      const witness = rows.find((r) => Number(r[countColumn]) > 0 && Number(r[rateColumn]) > 0);
      const size = witness ? Math.round((Number(witness[countColumn]) * RATE_BASE) / Number(witness[rateColumn])) : 0;
      (per === 'chars' ? merged.chars : merged.tokens)[indices[i]] += size;
    });
    for (const row of rows) {
      const term = String(row.term);
      let tc: TermCount | undefined = merged.terms.get(term);
      if (!tc) merged.terms.set(term, (tc = { byGroup: [], docs: 0 }));
      labels.forEach((label, i) => {
        const g = indices[i];
        while (tc!.byGroup.length <= g) tc!.byGroup.push(0);
        tc!.byGroup[g] += Number(row[grouped ? label : 'total']) || 0;
      });
      tc.docs += Number(row.docfreq) || 0;
    }
  }
  return { counts: merged, per: per ?? 'tokens' };
}
