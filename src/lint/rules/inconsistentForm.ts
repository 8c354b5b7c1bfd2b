import { foldText } from '../../lexicon/fold.js';
import type { Finding, LintBody } from '../types.js';
import type { CorpusRule, RuleContext } from './rule.js';

/** Quoted formulations outside the lexicon: short, on one line, holding at least one Han character. */
const QUOTED = [/“([^“”\n]{2,30})”/g, /「([^「」\n]{2,30})」/g, /"([^"\n]{2,30})"/g];
const HAN = /\p{Script=Han}/u;

/** One place where a formulation is written, and how. */
interface Site {
  bodyIndex: number;
  start: number;
  end: number;
  written: string;
}

interface Formulation {
  /** The form a tie goes to: the lexicon's canonical form, or the folded text (no spaces, ＋ or traditional). */
  preferred: string;
  sites: Site[];
}

/**
 * Lexicon slogans grouped by canonical form, and quoted formulations outside the lexicon grouped by their folded
 * text (spaces, widths and traditional characters do not make a different formulation).
 */
function collectFormulations(bodies: readonly LintBody[], context: RuleContext): Map<string, Formulation> {
  const formulations = new Map<string, Formulation>();
  const add = (key: string, preferred: string, site: Site) => {
    let formulation = formulations.get(key);
    if (!formulation) formulations.set(key, (formulation = { preferred, sites: [] }));
    formulation.sites.push(site);
  };
  bodies.forEach((body, bodyIndex) => {
    for (const o of context.sloganText(body).occurrences) {
      add(`lexicon:${o.canonical}`, o.canonical, { bodyIndex, start: o.start, end: o.end, written: o.written });
    }
    for (const pattern of QUOTED) {
      for (const match of body.text.matchAll(pattern)) {
        // Spaces at the edges belong to the layout around the quotation, not to the formulation.
        const written = match[1].trim();
        const key = foldText(written).text;
        if (!HAN.test(written) || context.slogans.canonicalOf.has(key)) continue;
        const start = match.index + 1 + match[1].indexOf(written);
        add(`quoted:${key}`, key, { bodyIndex, start, end: start + written.length, written });
      }
    }
  });
  return formulations;
}

/** The most common written form; a tie goes to the preferred form, then to the form seen first. */
function majorityForm(formulation: Formulation): { written: string; count: number; first: Site } {
  const forms = new Map<string, { written: string; count: number; first: Site }>();
  for (const site of formulation.sites) {
    const form = forms.get(site.written);
    if (form) form.count++;
    else forms.set(site.written, { written: site.written, count: 1, first: site });
  }
  const isPreferred = (written: string) => (written === formulation.preferred ? 1 : 0);
  // Array.prototype.sort is stable, so forms that tie on both keys stay in the order first seen.
  return [...forms.values()].sort((a, b) => b.count - a.count || isPreferred(b.written) - isPreferred(a.written))[0];
}

export const inconsistentForm: CorpusRule = {
  id: 'inconsistent-form',
  description: 'the same formulation written two ways across the files of the run',
  scope: 'corpus',
  check(bodies, context) {
    const findings: Finding[][] = bodies.map(() => []);
    for (const formulation of collectFormulations(bodies, context).values()) {
      const majority = majorityForm(formulation);
      const minority = formulation.sites.filter((s) => s.written !== majority.written);
      if (minority.length === 0) continue;
      const firstBody = bodies[majority.first.bodyIndex];
      const at = firstBody.locate(majority.first.start);
      const where = `${firstBody.filePath}:${at.line}:${at.column}`;
      for (const site of minority) {
        findings[site.bodyIndex].push({
          start: site.start,
          end: site.end,
          severity: 'warning',
          message: `"${site.written}" is written "${majority.written}" elsewhere (${majority.count}×, first at ${where})`,
          suggestion: majority.written,
        });
      }
    }
    return findings;
  },
};
