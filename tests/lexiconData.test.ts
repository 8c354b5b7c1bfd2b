import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The built reader (as tests/readers.test.ts): its format readers are loaded lazily by require, which needs .js files.
import { readDocument } from '../dist/corpus/readCorpus.js';
import { loadBundledLexicon, POLICE_THEMES, THEMES, variantStatus } from '../src/lexicon/lexicon.js';
import { GOV_REPORTS, SEED } from './cli.js';

const entries = loadBundledLexicon();
// A source is a file of ../shared and the year it is from: a report or the seed by its name (gwr_2019.txt:2019), a
// real document by its path under ../shared/corpora (pdf/shuju-anquan-fa-2021.pdf:2021); or ext: for a police term.
const SOURCE = /^(?:([\w.-]+\.txt|(?:docx|pdf|web-pages)\/[\w.-]+\.(?:docx|pdf|html)):(\d{4})|ext:.+)$/;
const CORPORA = join(GOV_REPORTS, '..');

describe('dict/slogans.tsv, the bundled lexicon', () => {
  it('holds well over a thousand formulations in every theme', () => {
    expect(entries.length).toBeGreaterThan(1200);
    const perTheme = new Map<string, number>();
    for (const e of entries) perTheme.set(e.theme, (perTheme.get(e.theme) ?? 0) + 1);
    expect(THEMES.filter((t) => !perTheme.has(t))).toEqual([]);
  });

  it('names a source for every entry: a file and year, or ext: for a police formulation not in ../shared', () => {
    expect(entries.filter((e) => !SOURCE.test(e.extra.source ?? '')).map((e) => e.canonical)).toEqual([]);
    const external = entries.filter((e) => e.extra.source!.startsWith('ext:'));
    expect(external.filter((e) => !POLICE_THEMES.includes(e.theme)).map((e) => e.canonical)).toEqual([]);
    expect(external.length).toBeLessThanOrEqual(30);
  });

  it('holds formulations, not the names of places, zones, events, treaties or debt instruments they speak of', () => {
    // The standard of the hand lists (tests/fixtures/formulations-*/verdicts.tsv): 雄安新区 is a place (the formulation
    // is 高标准高质量建设雄安新区), 自由贸易试验区 a kind of zone, 超长期特别国债 a debt instrument.
    const NAME = /(?:新区|自由贸易港|试验区|综试区|经济特区|协定|债券|国债|[博交贸]会|班列)$/u;
    expect(entries.filter((e) => NAME.test(e.canonical)).map((e) => e.canonical)).toEqual([]);
  });

  it('gives every discouraged or wrong variant a status and keeps accepted variants accepted', () => {
    const status = variantStatus(entries);
    expect(status.get('四个自新')).toEqual({ canonical: '四个自信', status: 'wrong' });
    expect(status.get('全过程民主')).toEqual({ canonical: '全过程人民民主', status: 'discouraged' });
    expect(status.get('市县主战派出所主防')).toEqual({ canonical: '市县主战、派出所主防', status: 'accepted' });
    expect(status.get('四个自信')).toBeUndefined();
  });
});

const SHARED = existsSync(GOV_REPORTS) && existsSync(SEED);

describe.skipIf(!SHARED)('each source file holds the formulation (needs ../shared)', () => {
  const texts = new Map<string, string>();
  // A PDF, Word file or page is read by tifa's own reader; its line and page breaks are dropped, as the fold skips a
  // repaired page break, so a formulation the layout wraps is still found.
  const load = (name: string) =>
    name.endsWith('.txt')
      ? readFileSync(name.startsWith('000_') ? SEED : join(GOV_REPORTS, name), 'utf8')
      : readDocument(join(CORPORA, name)).text.replace(/\s+/g, '');
  const read = (name: string) => {
    if (!texts.has(name)) texts.set(name, load(name));
    return texts.get(name)!;
  };

  it('finds the canonical form or an accepted variant in the file the source names', () => {
    const missing: string[] = [];
    for (const e of entries) {
      const m = SOURCE.exec(e.extra.source!);
      if (!m || m[1] === undefined) continue;
      const text = read(m[1]);
      // A list may be written with ， where the lexicon has 、 (the fold takes them for one another).
      if (![e.canonical, ...e.variants].some((form) => text.includes(form) || text.includes(form.replaceAll('、', '，')))) {
        missing.push(`${e.canonical} ${e.extra.source}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the year the file is from', () => {
    const congress: Record<string, number> = { '14': 1992, '15': 1997, '16': 2002, '17': 2007, '18': 2012, '19': 2017, '20': 2022 };
    const wrong = entries.filter((e) => {
      const m = SOURCE.exec(e.extra.source!);
      if (!m || m[1] === undefined) return false;
      const year = Number(m[2]);
      const gwr = /^gwr_(\d{4})/.exec(m[1]);
      const cpc = /^cpc_congress_(\d\d)/.exec(m[1]);
      // A real document's name carries its year (shuju-anquan-fa-2021.pdf, jianchafa-20241225-flk.docx).
      const dated = /[-_]((?:19|20)\d\d)(?:\d{4})?[-_.]/.exec(m[1]);
      if (gwr) return Number(gwr[1]) !== year;
      if (cpc && congress[cpc[1]]) return congress[cpc[1]] !== year;
      if (dated) return Number(dated[1]) !== year;
      return false;
    });
    expect(wrong.map((e) => e.canonical)).toEqual([]);
  });
});
