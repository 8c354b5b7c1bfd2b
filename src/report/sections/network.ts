import { edgeTable, nodeTable } from '../../format/network.js';
import { REPORT_LIMITS, type SloganNetwork } from '../analyses.js';
import { networkFigure } from '../figures.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { formatCount, emptySection, figureSection, type Section } from './section.js';

/** Which slogans are used in the same sentence, coloured by the group that uses each most. */
export function networkSection(network: SloganNetwork, groups: string[], field: string): Section {
  const title = 'Slogan co-occurrence network';
  if (network.edges.length === 0) return emptySection('network', title, 'No two lexicon slogans share a sentence.');
  const note = html`As <code>tifa cooc --slogans --by ${field} --top ${REPORT_LIMITS.networkSlogans}</code> computes it.
Nodes: the ${REPORT_LIMITS.networkSlogans} lexicon slogans with the most uses as tokens (a form of the lexicon counted
under its canonical form), sized by uses; colour = the ${field} with the highest rate per 10,000 word tokens (so a
group does not win by writing more). Edge: the two slogans share at least one sentence (unit: sentence, ending at
。！？；… or a paragraph break; N = ${formatCount(network.sentences)} sentences); width = O, the sentences they share.
The edge table gives MI = log2(O·N/(f1·f2)), t = (O − E)/√O with E = f1·f2/N, log-Dice = 14 + log2(2·O/(f1 + f2))
(Rychlý 2008), Jaccard = O/(f1 + f2 − O) and G², where f1, f2 = sentences with each slogan (n1, n2). Nodes without
an edge are not drawn but are listed in the node table.`;
  return figureSection('network', title, networkFigure(network, groups), [
    tableHtml(nodeTable(network.nodes), 'Nodes: uses per group and top group'),
    tableHtml(edgeTable(network.edges), 'Edges: shared sentences and association measures, by log-Dice'),
  ], note);
}
