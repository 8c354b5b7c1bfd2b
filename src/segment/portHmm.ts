/**
 * jieba's HMM for the characters its route leaves single (finalseg; jieba-rs hmm.rs): its model, read for the
 * port's cut (wasm/portCut.ts runs the Viterbi). States are numbered as jieba-rs numbers them: B 0, E 1, M 2, S 3.
 */

/** jieba-rs's MIN_FLOAT: the log-probability of what the model has not seen. */
const MIN_FLOAT = -3.14e100;
/** The characters the HMM cuts: U+4E00..U+9FD5 (finalseg's re_han). */
const HAN_MIN = 0x4e00;
const HAN_MAX = 0x9fd5;

/** The model: start and transition log-probabilities, emission log-probabilities per Han character. */
export interface HmmModel {
  start: Float64Array;
  /** [from * 4 + to]. */
  trans: Float64Array;
  /** [(code - HAN_MIN) * 4 + state]; MIN_FLOAT where the model has no emission. */
  emit: Float64Array;
}

/**
 * Reads the model in the hmm.model format jieba-rs compiles in (and cppjieba ships as hmm_model.utf8): '#'
 * comment lines, one line of 4 start probabilities, 4 lines of the transition matrix, 4 lines `char:prob,…` of
 * emissions for B, E, M, S.
 */
export function parseHmmModel(text: string): HmmModel {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  if (lines.length < 9) throw new Error('hmm model: expected 9 data lines');
  const numbers = (line: string) => line.split(/\s+/).map(Number);
  const start = Float64Array.from(numbers(lines[0]));
  const trans = Float64Array.from(lines.slice(1, 5).flatMap(numbers));
  const emit = new Float64Array((HAN_MAX - HAN_MIN + 1) * 4).fill(MIN_FLOAT);
  for (let state = 0; state < 4; state++) {
    for (const pair of lines[5 + state].split(',')) {
      const colon = pair.lastIndexOf(':');
      const code = pair.codePointAt(0)!;
      if (colon > 0 && code >= HAN_MIN && code <= HAN_MAX) emit[(code - HAN_MIN) * 4 + state] = Number(pair.slice(colon + 1));
    }
  }
  return { start, trans, emit };
}
