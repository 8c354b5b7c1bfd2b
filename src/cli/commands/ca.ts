import { Command, Option } from 'commander';
import { coordinateTable, correspondence, inertiaTable } from '../../analysis/correspondence.js';
import { documentTerms, groupDocuments, unitTermCounts } from '../../analysis/documentTerms.js';
import { UsageError } from '../../errors.js';
import { caBiplotSvg } from '../../report/charts/caBiplot.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { DEFAULT_GROUPING_HELP, defaultGrouping } from '../defaultGrouping.js';
import { corpusOptions, filterFrom, filterOptions, outputOptions, positiveInt, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';
import { writeFileAtomic } from '../writeOutput.js';

interface CaFlags extends CorpusFlags, FilterFlags, OutputFlags {
  by?: string;
  terms: number;
  dims: number;
  show: 'coordinates' | 'inertia';
  svg?: string;
  labels: number;
}

export function caCommand(): Command {
  const cmd = new Command('ca')
    .description('correspondence analysis of groups × terms (as KH Coder): inertia per dimension, coordinates, biplot')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', `the groups: ${DEFAULT_GROUPING_HELP}`)
    .option('--terms <n>', 'the n most frequent terms are the columns', positiveInt, 300)
    .option('--dims <n>', 'dimensions in the coordinate table', positiveInt, 2)
    .addOption(new Option('--show <table>', 'coordinates (groups and terms) or inertia (per dimension)').choices(['coordinates', 'inertia']).default('coordinates'))
    .option('--svg <file>', 'also write the map of dimensions 1 and 2 (SVG)')
    .option('--labels <n>', 'SVG: label the n terms farthest from the centre', positiveInt, 60);
  filterOptions(cmd);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (paths: string[], flags: CaFlags) => {
    const corpus = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    const dt = documentTerms(corpus.docs, corpus.segmenter, filterFrom(flags));
    const { field, grouping } = await defaultGrouping(flags.by, (by) => groupDocuments(dt, by));
    const { units } = grouping;
    if (units.length < 2) throw new UsageError(`correspondence analysis needs at least two values of "${field}"; found ${units.length}`);
    const { terms, counts } = unitTermCounts(dt, units, flags.terms);
    const ca = correspondence(units.map((u) => u.label), terms, counts);
    if (flags.svg) writeFileAtomic(flags.svg, caBiplotSvg(ca, flags.labels), Boolean(flags.force));
    if (flags.format === 'xlsx') printTable(coordinateTable(ca, flags.dims, field), { ...flags, sheet: 'coordinates' }, [{ name: 'inertia', table: inertiaTable(ca) }]);
    else printTable(flags.show === 'inertia' ? inertiaTable(ca) : coordinateTable(ca, flags.dims, field), flags);
  });
}
