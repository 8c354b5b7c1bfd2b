import { foldText } from '../../lexicon/fold.js';
import type { Finding, LintBody } from '../types.js';
import type { CorpusRule, RuleContext } from './rule.js';

/** Quoted formulations outside the lexicon: short, on one line, holding at least one Han character. */
const QUOTED = [/“([^“”\n]{2,30})”/g, /「([^「」\n]{2,30})」/g, /"([^"\n]{2,30})"/g];
const HAN = /\p{Script=Han}/u;
const QUOTE_OPENERS = new Set([...'“「"‘『']);

/** One place where a formulation is written, and how. */
interface Site {
  bodyIndex: number;
  start: number;
  end: number;
  written: string;
  /** Written exactly as the lexicon lists the slogan, canonically or as an accepted variant: never a deviation. */
  settled?: boolean;
}

interface Formulation {
  /** The form a tie goes to: the lexicon's canonical form, or the folded text (no spaces, ＋ or traditional). */
  preferred: string;
  /** A lexicon slogan: its canonical form is never the deviation, and the form others are measured against. */
  lexicon: boolean;
  sites: Site[];
}

/**
 * Lexicon slogans grouped by canonical form, and quoted formulations outside the lexicon grouped by their folded
 * text (spaces, widths and traditional characters do not make a different formulation).
 */
function collectFormulations(bodies: readonly LintBody[], context: RuleContext): Map<string, Formulation> {
  const formulations = new Map<string, Formulation>();
  bodies.forEach((body, bodyIndex) => {
    // Within one document by default: unrelated files may each be consistent in their own way.
    const scope = context.acrossFiles ? '' : `${bodyIndex}:`;
    const add = (key: string, preferred: string, site: Site, lexicon: boolean) => {
      let formulation = formulations.get(scope + key);
      if (!formulation) formulations.set(scope + key, (formulation = { preferred, lexicon, sites: [] }));
      formulation.sites.push(site);
    };
    for (const o of context.sloganText(body).occurrences) {
      // Clauses of a sentence (`不忘初心，牢记使命，高举…`) use a slogan's words without naming it: not a written form.
      if (o.written.includes('，') && !QUOTE_OPENERS.has(body.text[o.start - 1] ?? '')) continue;
      const settled = o.written === o.form && (o.form === o.canonical || context.statusOf(o.form) === 'accepted');
      add(`lexicon:${o.canonical}`, o.canonical, { bodyIndex, start: o.start, end: o.end, written: o.written, settled }, true);
    }
    for (const pattern of QUOTED) {
      for (const match of body.text.matchAll(pattern)) {
        // Spaces at the edges belong to the layout around the quotation, not to the formulation.
        const written = match[1].trim();
        const key = foldText(written).text;
        if (!HAN.test(written) || context.slogans.canonicalOf.has(key)) continue;
        const start = match.index + 1 + match[1].indexOf(written);
        add(`quoted:${key}`, key, { bodyIndex, start, end: start + written.length, written }, false);
      }
    }
  });
  return formulations;
}

/**
 * The form the others are measured against: the canonical form of a lexicon slogan when it is written at all, else
 * the most common written form; a tie goes to the preferred form, then to the form seen first.
 */
function majorityForm(formulation: Formulation): { written: string; count: number; first: Site } {
  const forms = new Map<string, { written: string; count: number; first: Site }>();
  const canonical = formulation.sites.filter((s) => s.written === formulation.preferred);
  if (formulation.lexicon && canonical.length > 0) return { written: formulation.preferred, count: canonical.length, first: canonical[0] };
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
  description: 'the same formulation written two ways in one file (across the files of the run with --across-files)',
  scope: 'corpus',
  check(bodies, context) {
    const findings: Finding[][] = bodies.map(() => []);
    for (const formulation of collectFormulations(bodies, context).values()) {
      const majority = majorityForm(formulation);
      const minority = formulation.sites.filter((s) => s.written !== majority.written && !s.settled);
      if (minority.length === 0) continue;
      const firstBody = bodies[majority.first.bodyIndex];
      const at = firstBody.locate(majority.first.start);
      for (const site of minority) {
        const where = site.bodyIndex === majority.first.bodyIndex ? `line ${at.line}:${at.column}` : `${firstBody.filePath}:${at.line}:${at.column}`;
        findings[site.bodyIndex].push({
          start: site.start,
          end: site.end,
          severity: 'warning',
          message: `found “${site.written}”; expected “${majority.written}” as written elsewhere (${majority.count}×, first at ${where})`,
          suggestion: majority.written,
        });
      }
    }
    return findings;
  },
};
