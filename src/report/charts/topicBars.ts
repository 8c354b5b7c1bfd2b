import type { ResultTable } from '../../format/table.js';
import { sideBySide } from '../../analysis/sideBySide.js';
import { keynessBarsSvg } from './keynessBars.js';

/**
 * Small multiples of a topic model, one panel per topic: its top terms as bars of their weight in the topic (φ, in
 * per cent so that the bar labels read 3.2 rather than 0.0). Reads a topicWords table (topic, rank, term, weight).
 */
export function topicBarsSvg(words: ResultTable): string {
  const topics = [...new Set(words.rows.map((r) => Number(r.topic)))];
  const names = topics.map((t) => `topic ${t}`);
  const perTopic = topics.map((t) => words.rows.filter((r) => r.topic === t).map((r) => ({ term: r.term, pct: Number(r.weight) * 100 })));
  const table = sideBySide(names, perTopic, 'term', 'pct');
  return keynessBarsSvg(table, { groups: names, valueSuffix: '_pct', unit: '%' });
}
