import { createHash } from 'node:crypto';
import { readTextFile } from '../corpus/readTextFile.js';
import { UsageError } from '../errors.js';
import { chooseLexicon, lexiconSurfaceForms } from '../lexicon/lexicon.js';
import type { JiebaBinding } from './binding.js';
import { PhraseJoin } from './compound.js';
import { bundledDictPath } from '../bundledDict.js';
import { dictToText, parseJiebaDict, type DictEntry } from './dictionary.js';
import { createNodeRsBackend, jiebaDictionary } from './nodeRsJieba.js';
import { builtPortDictionary, portDictionary, seedPortDictionary } from './portWords.js';
import { JiebaFrequencies } from './suggestFreq.js';
import { assertNodejiebaInstalled, createNodejiebaBackend } from './nodejiebaBackend.js';
import { CutThreads } from './cutThreads.js';
import { withOffsets } from './offsets.js';
import { vocabularyKey, type VocabularyStore } from './vocabularyKey.js';
import { sentenceChunks } from './sentenceChunks.js';
import { cutEnds, finishCut } from './finishCut.js';
import { foldWidth } from './widthFold.js';
import type { EndsCutter, Token, WordSegmenter, Words } from './token.js';

export const BACKENDS = ['node-rs', 'nodejieba'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface SegmenterOptions {
  backend?: string;
  /** Extra jieba-format dictionaries given with --dict. */
  userDicts?: string[];
  /**
   * Which phrases jieba cuts into words are joined into one token (segmenterVocabulary): by default the names
   * of the terminology dictionary (两个确立); true (--compound) every lexicon formulation too (市县主战、派出所主防,
   * 以经济建设为中心); false (--no-compound) none.
   */
  compound?: boolean;
  /** --lexicon files, whose forms the segmenter learns like the bundled ones (file names: options cross to workers). */
  lexiconFiles?: string[];
  /** False with --no-bundled-lexicon. */
  bundledLexicon?: boolean;
}

const SEGMENTER_CUTS = /[、·・\s]/;

function readDict(file: string): DictEntry[] {
  return parseJiebaDict(readTextFile(file, 'dictionary file'), file);
}

/**
 * Every word the segmenter must know, and the phrases to join (issue 16: a dictionary that adds without moving).
 * - A bundled term or lexicon form enters jieba's dictionary only where jieba would otherwise cut through it (a
 *   lone content character at an edge: 市|域|社会|治理, 涉|黑|涉|恶 → 对涉|黑涉|恶), each with the smallest frequency
 *   that keeps it whole (JiebaFrequencies: suggest_freq from jieba's own dictionary), so nothing around it moves.
 * - A term that jieba already cuts into its own words (两个|确立, 人民|群众) is a `phrase`: loading it would only
 *   change how its own words are cut, and could take a character from a word beside it (群众安全感 would break
 *   人民群众), so it is joined after segmentation, where its words start and end it.
 * - Which phrases are joined: the terms of the terminology dictionary that are names (`dictionaryPhrases`, joined
 *   by default: segmentation keeps the terminology whole: 两个确立, 中国特色社会主义); the dictionary's formulations
 *   with the structure of a clause (以经济建设为中心, 和平与发展: JiebaFrequencies.isClause), the lexicon
 *   formulations that are no dictionary term, and every phrase with 、 · or a space (where jieba cuts before it
 *   reads its dictionary), only with --compound and in the commands whose items are formulations (slogans and
 *   lint find them in the words either way). The SIGHAN PKU gold cuts every such phrase into words, so each join
 *   costs F1 where the PKU text uses the phrase (node bench/pku.mjs).
 * --dict entries are loaded as their authors wrote them, but for full-width digits and letters: every word the
 * segmenter learns is read as the text is cut (foldWidth), so a `５Ｇ基站` entry still matches.
 */
export function segmenterVocabulary(
  userDicts: string[] = [],
  lexicon: { lexicon?: string[]; bundledLexicon?: boolean } = {},
): { entries: DictEntry[]; dictText: string; phrases: string[]; dictionaryPhrases: string[] } {
  const terms = new Map<string, string | undefined>();
  for (const e of readDict(bundledDictPath('police-terms.dict.txt'))) terms.set(e.word, e.pos);
  const dictionary = new Set(terms.keys());
  const phrases: string[] = [];
  const dictionaryPhrases: string[] = [];
  for (const written of lexiconSurfaceForms(chooseLexicon(lexicon)).keys()) {
    const form = foldWidth(written);
    if (SEGMENTER_CUTS.test(form)) phrases.push(form);
    else if (!terms.has(form)) terms.set(form, 'nz');
  }
  const jieba = new JiebaFrequencies(jiebaDictionary().toString('utf8'), terms.keys());
  const entries: DictEntry[] = [];
  for (const [word, pos] of terms) {
    if (jieba.needsEntry(word)) entries.push(pos ? { word, freq: jieba.suggest(word), pos } : { word, freq: jieba.suggest(word) });
    else {
      // Already cut into words where it starts and ends: a phrase, joined after segmentation.
      phrases.push(word);
      if (dictionary.has(word) && !jieba.isClause(word)) dictionaryPhrases.push(word);
    }
  }
  for (const file of userDicts) for (const entry of readDict(file)) entries.push({ ...entry, word: foldWidth(entry.word) });
  return { entries, dictText: dictToText(entries), phrases, dictionaryPhrases };
}

type Vocabulary = ReturnType<typeof segmenterVocabulary>;
type VocabularyInputs = { userDicts?: string[]; lexiconFiles?: string[]; bundledLexicon?: boolean };

/**
 * Vocabularies built in this thread, by their inputs. Building one reads jieba's whole dictionary for the
 * suggested frequencies (~0.2 s): once per thread, and a worker is handed the main thread's (seedVocabularies)
 * instead of building it again.
 */
const vocabularies = new Map<string, Vocabulary>();
const vocabularyInputsKey = (o: VocabularyInputs) => JSON.stringify([o.userDicts ?? [], o.lexiconFiles ?? [], o.bundledLexicon ?? true]);

/**
 * The vocabulary for these inputs: built in this thread before, or kept in `store` by an earlier run (keyed
 * by everything it is built from: vocabularyKey), or built now (and kept).
 */
function vocabularyFor(o: VocabularyInputs, store?: VocabularyStore): Vocabulary {
  const key = vocabularyInputsKey(o);
  let vocabulary = vocabularies.get(key);
  if (vocabulary) return vocabulary;
  const stored = store && vocabularyKey(jiebaDictionary(), { userDicts: o.userDicts ?? [], lexiconFiles: o.lexiconFiles ?? [], bundledLexicon: o.bundledLexicon ?? true });
  vocabulary = stored ? store!.get<Vocabulary>(stored) : undefined;
  if (!vocabulary) {
    vocabulary = segmenterVocabulary(o.userDicts, { lexicon: o.lexiconFiles, bundledLexicon: o.bundledLexicon });
    if (stored) store!.put(stored, vocabulary);
  }
  vocabularies.set(key, vocabulary);
  return vocabulary;
}

/** What a thread hands the threads it starts: the vocabularies it has built, and the port's dictionary of them. */
export interface BuiltVocabularies {
  vocabularies: Array<[string, Vocabulary]>;
  port?: ReturnType<typeof builtPortDictionary>;
}

/** The vocabularies this thread has built and the port's dictionary it has loaded, to hand to worker threads (structured-clonable). */
export function builtVocabularies(): BuiltVocabularies {
  return { vocabularies: [...vocabularies], port: builtPortDictionary() };
}

/** Takes vocabularies (and the port's dictionary) another thread built from the same files in this run (builtVocabularies). */
export function seedVocabularies(built: BuiltVocabularies): void {
  for (const [key, vocabulary] of built.vocabularies) if (!vocabularies.has(key)) vocabularies.set(key, vocabulary);
  seedPortDictionary(built.port);
}

/** Tags jieba gives that no dictionary line carries: English words, and punctuation and other non-words. */
const UNLISTED_TAGS = ['eng', 'x'];

/**
 * Every part-of-speech tag the segmenter can give: those of jieba's dictionary (its HMM tags new words from the
 * same set), of the bundled terms and lexicon, and of --dict files. A --pos prefix that none starts with is a typo.
 */
export function posTags(userDicts: string[] = [], store?: VocabularyStore): Set<string> {
  const tags = new Set(UNLISTED_TAGS);
  for (const line of jiebaDictionary().toString('utf8').split('\n')) {
    const tag = line.split(' ')[2]?.trim();
    if (tag) tags.add(tag);
  }
  for (const entry of vocabularyFor({ userDicts }, store).entries) if (entry.pos) tags.add(entry.pos);
  return tags;
}

/**
 * Changes whenever the same backend and vocabulary cut a text differently (the token cache is keyed by `key`, so
 * cuts of an earlier version must not be served): 2, full-width digits and letters read as ASCII (foldWidth);
 * 3, a run of dashes or ellipses one token (joinMarkRuns).
 */
const CUT_VERSION = 'cut 3';

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}


/**
 * The one way commands get a segmenter: backend + all dictionaries + the phrase join (segmenterVocabulary). With a
 * `store` (the cache, unless --no-cache) the built vocabulary is kept there between runs.
 */
export function createSegmenter(options: SegmenterOptions = {}, store?: VocabularyStore): WordSegmenter {
  const backend = options.backend ?? 'node-rs';
  if (!(BACKENDS as readonly string[]).includes(backend)) {
    throw new UsageError(`unknown segmenter "${backend}"; choose one of: ${BACKENDS.join(', ')}`);
  }
  // Checked now, though loaded lazily: a missing backend is the user's to fix, cache or not.
  if (backend === 'nodejieba') assertNodejiebaInstalled();
  // The vocabulary, the backend and the join are made on first use: a run served from the token cache never
  // needs the backend, and a main thread that leaves the cutting to workers (--no-cache) needs none of them.
  let made: { dictText: string; join: string[]; phrases: string[] } | undefined;
  const vocabulary = () => {
    if (made) return made;
    const { dictText, phrases, dictionaryPhrases } = vocabularyFor(options, store);
    return (made = { dictText, join: options.compound === true ? phrases : options.compound === false ? [] : dictionaryPhrases, phrases });
  };
  // The joins too (tries of a thousand phrases or more): a thread that leaves every cut to cut threads makes none.
  let joins: PhraseJoin | undefined;
  let allJoins: PhraseJoin | undefined;
  const phraseJoin = () => (joins ??= new PhraseJoin(vocabulary().join));
  const allPhrases = () => (allJoins ??= options.compound === true ? phraseJoin() : new PhraseJoin(vocabulary().phrases));
  let base: JiebaBinding | undefined;
  const binding = () => (base ??= backend === 'nodejieba' ? createNodejiebaBackend(vocabulary().dictText) : createNodeRsBackend(vocabulary().dictText, store));
  // Cut chunk by chunk: jieba's own output for a long text (one line of a 50 MB file) would take gigabytes.
  const chunked = (text: string, pos: boolean, join: () => PhraseJoin): Words => {
    const cutChunk = (chunk: string): Words => {
      const folded = foldWidth(chunk);
      return finishCut(chunk, folded, binding().cut(folded, pos), join());
    };
    const bounds = sentenceChunks(text);
    if (bounds.length === 2) return cutChunk(text);
    const all: Words = pos ? { words: [], tags: [] } : { words: [] };
    const ends: number[] = [];
    for (let k = 1; k < bounds.length; k++) {
      const chunk = cutChunk(text.slice(bounds[k - 1], bounds[k]));
      for (const word of chunk.words) all.words.push(word);
      for (const end of chunk.ends!) ends.push(bounds[k - 1] + end);
      if (pos) for (const tag of chunk.tags!) all.tags!.push(tag);
    }
    all.ends = Uint32Array.from(ends);
    return all;
  };
  const words = (text: string, cutOptions?: { pos?: boolean }): Words => chunked(text, Boolean(cutOptions?.pos), phraseJoin);
  const wordsAsync = async (text: string, cutOptions?: { pos?: boolean }): Promise<Words> => {
    const folded = foldWidth(text);
    return finishCut(text, folded, await binding().cutAsync(folded, Boolean(cutOptions?.pos)), phraseJoin());
  };
  // Cut threads (cutThreads.ts), once a caller asks for them (endsCutter), started at the first text to cut.
  let wantThreads = 0;
  let threads: CutThreads | undefined;
  const startThreads = () =>
    (threads ??= new CutThreads(wantThreads, () => {
      const { dictText, join } = vocabulary();
      // Loaded here, where the store is, and shared with the threads rather than built in each.
      return { dictText, phrases: join, port: portDictionary(jiebaDictionary(), dictText, store) };
    }));
  return {
    name: backend,
    get key() {
      const { dictText, join } = vocabulary();
      return `${backend}:${sha1([CUT_VERSION, dictText, ...join].join('\n'))}`;
    },
    cut: (text: string, cutOptions?: { pos?: boolean }): Token[] => withOffsets(text, words(text, cutOptions)),
    words,
    wordsAsync,
    loadDictionaries: () => {
      const { dictText } = vocabulary();
      if (backend === 'node-rs') portDictionary(jiebaDictionary(), dictText, store);
    },
    // On this thread, with cut threads or without: a few short windows per file, and the port's dictionary is shared.
    cutUnits: (text: string): Token[] => withOffsets(text, chunked(text, false, allPhrases)),
    endsCutter: (count: number): EndsCutter => {
      // A thread's cut, made on this one: the same binding and join, this thread's own.
      const endsHere = (text: string) => cutEnds(binding(), phraseJoin(), text);
      if (backend !== 'node-rs' || !CutThreads.available()) return { ends: async (text) => endsHere(text), endsHere, busy: () => 0 };
      wantThreads = count;
      return { ends: (text) => startThreads().ends(text), endsHere, busy: () => threads?.busy() ?? 0 };
    },
  };
}
