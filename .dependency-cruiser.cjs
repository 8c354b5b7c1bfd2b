/**
 * tifa's layers, checked by dependency-cruiser in `npm test` (tests/layers.test.ts) and by `npm run layers`.
 *
 * A module may import only from its own layer or the layers BELOW it; no import cycles anywhere.
 *
 *   9  src/index.ts                    the library surface: re-exports the verbs; nothing in src/ imports it
 *   8  src/cli/                        commander, terminal, files written: parse → one library call → one formatter
 *   7  src/report/                     the HTML report and SVG charts (renders results, may use format/)
 *   6  src/format/                     formatters: tables (csv, json, md, …), networks (GEXF, GraphML), lint reports
 *   5  src/pipeline/                   counting many files: token cache, worker pool, chunked counts
 *   4  src/slogans/   src/lint/        formulations found and counted / editors' checks     (peers: never each other)
 *   3  src/analysis/                   statistics and result tables (the network graph types live here)
 *   2  src/segment/                    segmenters, dictionaries, the phrase join
 *   1b src/lexicon/                    the slogan lexicon, its fold (traditional → simplified from corpus/) and index
 *   1a src/corpus/                     reading documents: decoding, metadata, normalising, page breaks
 *   0  src/*.ts (but index.ts)         shared leaves: errors, ResultTable (what every table is), bundled data paths
 *
 * Layers 3 and 4 are pure: they compute on texts and tables and do no I/O (no node:fs, no workers, no processes).
 * Result types belong to the layer that computes them, never to format/: a formatter imports its input type, the
 * core does not import the formatter's. Only src/cli/ uses commander, and only src/cli/ writes to the terminal.
 *
 * When this check fails on your change: move the code to the layer it belongs to (a type the core needs goes down
 * into the core; file reading goes up to cli/ or down to corpus/), or pass the thing in as an argument.
 */
const LAYERS = [
  { name: 'shared', path: '^src/(?!index\\.ts$)[^/]+\\.ts$' },
  { name: 'corpus', path: '^src/corpus/' },
  { name: 'lexicon', path: '^src/lexicon/' },
  { name: 'segment', path: '^src/segment/' },
  { name: 'analysis', path: '^src/analysis/' },
  { name: 'slogans', path: '^src/slogans/' },
  { name: 'lint', path: '^src/lint/' },
  { name: 'pipeline', path: '^src/pipeline/' },
  { name: 'format', path: '^src/format/' },
  { name: 'report', path: '^src/report/' },
  { name: 'cli', path: '^src/cli/' },
  { name: 'library', path: '^src/index\\.ts$' },
];

/** What each layer may import besides itself: everything below it. */
const BELOW = {
  shared: [],
  corpus: ['shared'],
  lexicon: ['shared', 'corpus'],
  segment: ['shared', 'corpus', 'lexicon'],
  analysis: ['shared', 'corpus', 'lexicon', 'segment'],
  slogans: ['shared', 'corpus', 'lexicon', 'segment', 'analysis'],
  lint: ['shared', 'corpus', 'lexicon', 'segment', 'analysis'],
  pipeline: ['shared', 'corpus', 'lexicon', 'segment', 'analysis', 'slogans', 'lint'],
  format: ['shared', 'corpus', 'lexicon', 'segment', 'analysis', 'slogans', 'lint', 'pipeline'],
  report: ['shared', 'corpus', 'lexicon', 'segment', 'analysis', 'slogans', 'lint', 'pipeline', 'format'],
  cli: ['shared', 'corpus', 'lexicon', 'segment', 'analysis', 'slogans', 'lint', 'pipeline', 'format', 'report'],
  library: ['shared', 'corpus', 'lexicon', 'segment', 'analysis', 'slogans', 'lint', 'pipeline', 'format', 'report'],
};

const pathOf = (name) => LAYERS.find((layer) => layer.name === name).path;

const layerRules = LAYERS.map(({ name, path }) => ({
  name: `layer-${name}`,
  severity: 'error',
  comment: `src/${name === 'shared' ? '*.ts' : name === 'library' ? 'index.ts' : `${name}/`} may import only ${
    BELOW[name].length === 0 ? 'node and npm packages' : BELOW[name].join(', ')
  } (and itself): see the layer table at the top of .dependency-cruiser.cjs`,
  from: { path },
  to: {
    path: '^src/',
    pathNot: [path, ...BELOW[name].map(pathOf)],
  },
}));

/** Node modules that do I/O or run code elsewhere: not in the pure layers. */
const IO_MODULES = '^(node:)?(fs|fs/promises|child_process|worker_threads|cluster|net|http|https|dgram|readline)$|^piscina$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'an import cycle: modules that need each other belong in one module, or one of them passes the other in',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'pure-core',
      severity: 'error',
      comment: 'src/analysis, src/slogans and src/lint are pure: read files in src/corpus (or src/cli), pass the text in',
      from: { path: '^src/(analysis|slogans|lint)/' },
      to: { dependencyTypes: ['core', 'npm'], path: IO_MODULES },
    },
    {
      name: 'cli-only-commander',
      severity: 'error',
      comment: 'command-line parsing is the CLI layer’s: the library takes typed options, not flags',
      from: { pathNot: '^src/cli/' },
      to: { path: '^commander$' },
    },
    {
      name: 'nothing-imports-the-library-surface',
      severity: 'error',
      comment: 'src/index.ts is for users of the package; inside src/ import the module itself',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Imports are written with .js (NodeNext) and resolve to the .ts sources.
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
