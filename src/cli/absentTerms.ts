import { warn } from './terminal.js';

/**
 * Terms asked for by name that the corpus does not have are named on stderr: a row that is simply missing
 * from a table reads as "not counted" as easily as "zero".
 */
export function noteAbsentTerms(asked: readonly string[], occurs: (term: string) => boolean): void {
  const absent = asked.filter((term) => !occurs(term));
  if (absent.length > 0) warn(`not in the corpus: ${absent.join(', ')}`);
}
