import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tifa } from './cli.js';

const CORPUS = join(ROOT, 'corpus');

/**
 * The bundled corpus in three shard folders, in corpus order (documents 0–1, 2–3, 4–5). With `year`, the
 * files are renamed name_<year> (2021, 2022, 2023 in turn) for trend, which needs a time field.
 */
function shardFolders(year = false): { whole: string; shards: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-shards-'));
  const files = readdirSync(CORPUS).sort();
  const name = (f: string, i: number) => (year ? `${f.replace(/\.txt$/, '')}_${2021 + (i % 3)}.txt` : f);
  const whole = join(dir, 'whole');
  mkdirSync(whole);
  files.forEach((f, i) => copyFileSync(join(CORPUS, f), join(whole, name(f, i))));
  const shards = [0, 1, 2].map((k) => {
    const shard = join(dir, `shard${k}`);
    mkdirSync(shard);
    files.forEach((f, i) => {
      if (Math.floor(i / 2) === k) copyFileSync(join(CORPUS, f), join(shard, name(f, i)));
    });
    return shard;
  });
  return { whole, shards };
}

/** `tifa <command> <shard> … --shard` into files, one per shard. */
function writeShards(shards: string[], args: (shard: string) => string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-shard-json-'));
  return shards.map((shard, i) => {
    const file = join(dir, `part${i}.json`);
    const run = tifa([...args(shard), '--shard', '-o', file]);
    expect(run.code, run.stderr).toBe(0);
    return file;
  });
}

const CASES: Array<{ name: string; year?: boolean; args: (paths: string[]) => string[] }> = [
  { name: 'freq --by city --dp --parts 3', args: (p) => ['freq', ...p, '--by', 'city', '--dp', '--parts', '3', '--top', '60'] },
  { name: 'freq --per chars --ngram 2', args: (p) => ['freq', ...p, '--per', 'chars', '--ngram', '2', '--min-count', '2'] },
  { name: 'compare --target 黄山 --negative', args: (p) => ['compare', ...p, '--target', '黄山', '--negative'] },
  { name: 'compare (every group against the rest)', args: (p) => ['compare', ...p, '--min-count', '2'] },
  { name: 'themes --by city', args: (p) => ['themes', ...p, '--by', 'city'] },
  { name: 'cooc --by city --unit paragraph --min 2 --top 300', args: (p) => ['cooc', ...p, '--by', 'city', '--unit', 'paragraph', '--min', '2', '--top', '300'] },
  { name: 'cooc --slogans --window 4 --measure mi', args: (p) => ['cooc', ...p, '--slogans', '--window', '4', '--measure', 'mi'] },
  { name: 'cooc --matrix --top 12 --value logdice', args: (p) => ['cooc', ...p, '--matrix', '--top', '12', '--value', 'logdice'] },
  { name: 'trend 改革,发展 --by year', year: true, args: (p) => ['trend', '改革', '发展', ...p, '--meta-from-name', '{x}_{year}', '--rolling', '2'] },
];

describe('tifa merge gives, from 3 shards, byte for byte the table of one run', () => {
  for (const { name, year, args } of CASES) {
    it(name, () => {
      const { whole, shards } = shardFolders(year);
      const parts = writeShards(shards, (shard) => args([shard]));
      const one = tifa([...args([whole]), '--format', 'json']);
      expect(one.code, one.stderr).toBe(0);
      expect(JSON.parse(one.stdout).length).toBeGreaterThan(0);
      const merged = tifa(['merge', ...parts, '--format', 'json']);
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stdout).toBe(one.stdout);
      expect(tifa(['merge', ...parts, '--format', 'tsv']).stdout).toBe(tifa([...args([whole]), '--format', 'tsv']).stdout);
    });
  }

  it('compare --counts on merged freq shards is compare on the whole corpus', () => {
    const { whole, shards } = shardFolders();
    const parts = writeShards(shards, (shard) => ['freq', shard, '--by', 'city']);
    const mergedFile = join(mkdtempSync(join(tmpdir(), 'tifa-merged-')), 'merged.json');
    expect(tifa(['merge', ...parts, '--shard', '-o', mergedFile]).code).toBe(0);
    for (const extra of [['--target', '黄山'], ['--target', '宜昌', '--reference', '天水', '--measure', 'logratio']]) {
      const fromCounts = tifa(['compare', '--counts', mergedFile, ...extra, '-f', 'tsv']);
      expect(fromCounts.code, fromCounts.stderr).toBe(0);
      expect(fromCounts.stdout).toBe(tifa(['compare', whole, ...extra, '-f', 'tsv']).stdout);
    }
    // Counted by city: compare by another field is refused rather than answered from the wrong groups.
    const wrong = tifa(['compare', '--counts', mergedFile, '--by', 'year']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`tifa: ${mergedFile} is counted --by city, not --by year: give --by city\n`);
  });

  it('a freq shard carries its token and character totals, per group and per document', () => {
    const { shards } = shardFolders();
    const [file] = writeShards([shards[1]], (shard) => ['freq', shard, '--dp']);
    const shard = JSON.parse(readFileSync(file, 'utf8'));
    const docs = JSON.parse(tifa(['corpus', shards[1], '-f', 'json']).stdout) as Array<{ id: string; chars: number; tokens: number }>;
    expect(shard.command).toBe('freq');
    expect(shard.files.map((f: { name: string }) => f.name)).toEqual(['02-黄山.txt', '03-宜昌.txt']);
    expect(shard.counts.docTokens).toEqual(docs.map((d) => d.tokens));
    expect(shard.counts.tokens).toEqual([docs[0].tokens + docs[1].tokens]);
    expect(shard.options).toMatchObject({ dp: true, minCount: 1, per: 'tokens', segmenter: 'node-rs' });
    expect(shard.segmenter).toMatch(/^node-rs:[0-9a-f]{40}$/);
  });
});

describe('tifa merge refuses what would double or mix counts, in one line naming the two shards', () => {
  const refused = (args: string[], message: string) => {
    const run = tifa(['merge', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`tifa: ${message}\n`);
  };

  it('the same shard twice, or shards that share a document', () => {
    const { whole, shards } = shardFolders();
    const [a, b] = writeShards([shards[0], whole], (shard) => ['freq', shard]);
    refused([a, a], `${a} and ${a} overlap: both count 00-editor-note.txt`);
    refused([a, b], `${a} and ${b} overlap: both count 00-editor-note.txt`);
  });

  it('shards grouped by different fields, counted with different options or segmenters, or of different commands', () => {
    const { shards } = shardFolders();
    const [city] = writeShards([shards[0]], (s) => ['freq', s, '--by', 'city']);
    const [province] = writeShards([shards[1]], (s) => ['freq', s, '--by', 'province']);
    const [chars] = writeShards([shards[1]], (s) => ['freq', s, '--by', 'city', '--per', 'chars']);
    const dictFile = join(mkdtempSync(join(tmpdir(), 'tifa-dict-')), 'extra.dict.txt');
    writeFileSync(dictFile, '黄山公安 100 nt\n');
    const [dict] = writeShards([shards[1]], (s) => ['freq', s, '--by', 'city', '--dict', dictFile]);
    const [themes] = writeShards([shards[2]], (s) => ['themes', s, '--by', 'city']);
    refused([city, province], `${city} and ${province} were counted with different options: --by city, --by province`);
    refused([city, chars], `${city} and ${chars} were counted with different options: --per tokens, --per chars`);
    refused([city, dict], `${city} and ${dict} were segmented differently (node-rs, node-rs: backend, --dict or lexicon)`);
    refused([city, themes], `${city} and ${themes} are shards of different commands (freq, themes)`);
  });

  it('the plain --format json of freq, which is a table and not counts', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tifa-merge-')), 'table.json');
    writeFileSync(file, tifa(['freq', '-f', 'json']).stdout);
    refused([file], `${file}: not a tifa shard (write one with --shard, e.g. tifa freq DIR --shard -o part.json)`);
  });

  it('--quoted-from without --shard, --show --shard, and a --quoted-from that is no --quoted-forms shard', () => {
    const [freq] = writeShards([join(CORPUS, '01-齐齐哈尔.txt')], (s) => ['freq', s]);
    const cases: Array<[string[], string]> = [
      [['slogans', '--quoted-from', freq], '--quoted-from counts a part of a corpus as a shard: give --shard'],
      [['slogans', '--show', '枫桥经验', '--shard'], '--show has no --shard: it prints the uses themselves (slogans --shard and --quoted-forms --shard merge)'],
      [['slogans', '--shard', '--quoted-from', freq], `${freq}: not a shard of slogans --quoted-forms (tifa slogans PART --quoted-forms --shard, one per part, then tifa merge --shard)`],
    ];
    for (const [args, message] of cases) {
      const run = tifa(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`tifa: ${message}\n`);
    }
  });
});

/**
 * slogans counts a formulation that any document quotes at every use, so its shards are made in two steps: each
 * part's quoted forms (`--quoted-forms --shard`), merged into the corpus's, then each part counted with those
 * (`--shard --quoted-from`). Merge refuses shards counted with anything else.
 */
describe('tifa merge of slogans shards, counted with the quoted forms of the whole corpus', () => {
  /** Step one and two over `parts`: the merged quoted forms, and one count shard per part. */
  function sloganShards(parts: string[], args: string[]): { quoted: string; counts: string[] } {
    // Step one lists quotes only: --discover is refused there.
    const quotes = writeShards(parts, (part) => ['slogans', part, ...args.filter((a) => a !== '--discover'), '--quoted-forms']);
    const quoted = join(mkdtempSync(join(tmpdir(), 'tifa-quoted-')), 'quoted.json');
    const merged = tifa(['merge', ...quotes, '--shard', '-o', quoted]);
    expect(merged.code, merged.stderr).toBe(0);
    return { quoted, counts: writeShards(parts, (part) => ['slogans', part, ...args, '--quoted-from', quoted]) };
  }

  const SLOGAN_CASES: Array<{ name: string; year?: boolean; args: string[] }> = [
    { name: 'slogans --by city', args: ['--by', 'city'] },
    { name: 'slogans --by year (life cycle columns) --min-count 2', year: true, args: ['--meta-from-name', '{x}_{year}', '--by', 'year', '--min-count', '2'] },
    { name: 'slogans --theme 政治建警,改革创新 --top 5', args: ['--theme', '政治建警,改革创新', '--top', '5'] },
    // The n-gram candidates: every n-gram is in the shard, singletons too, so that one seen once in two parts recurs.
    { name: 'slogans --discover --by city (tsv: the lexicon\'s columns)', args: ['--discover', '--by', 'city'] },
  ];
  for (const { name, year, args } of SLOGAN_CASES) {
    it(`${name}: 3 shards give byte for byte the table of one run`, () => {
      const { whole, shards } = shardFolders(year);
      const { counts } = sloganShards(shards, args);
      for (const format of ['json', 'tsv']) {
        const one = tifa(['slogans', whole, ...args, '--format', format]);
        expect(one.code, one.stderr).toBe(0);
        expect(one.stdout.split('\n').length).toBeGreaterThan(3);
        const merged = tifa(['merge', ...counts, '--format', format]);
        expect(merged.code, merged.stderr).toBe(0);
        expect(merged.stdout).toBe(one.stdout);
      }
    });
  }

  it('the merged --quoted-forms shards list what one run lists, in the order it meets them', () => {
    const { whole, shards } = shardFolders();
    const quotes = writeShards(shards, (part) => ['slogans', part, '--quoted-forms']);
    const one = tifa(['slogans', whole, '--quoted-forms', '-f', 'tsv']);
    expect(one.stdout.split('\n').length).toBeGreaterThan(10);
    expect(tifa(['merge', ...quotes, '-f', 'tsv']).stdout).toBe(one.stdout);
  });

  /**
   * 亩均效益领跑 is quoted in the first part only and used unquoted in the other two: one run counts its 4 uses
   * (东城 1 + 1, 西城 2; 3 documents; 1 quoted). The second part alone does not know it is a formulation.
   */
  function quotedElsewhere(): { whole: string; parts: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-quoted-elsewhere-'));
    const texts: Array<[string, string]> = [
      ['a_东城.txt', '我市提出“亩均效益领跑”的目标。\n'],
      ['b_西城.txt', '全市推进亩均效益领跑行动，亩均效益领跑成效明显。\n'],
      ['c_东城.txt', '东城继续坚持亩均效益领跑。\n'],
    ];
    mkdirSync(join(dir, 'whole'));
    const parts = texts.map(([name, text], i) => {
      const part = join(dir, `part${i}`);
      mkdirSync(part);
      writeFileSync(join(part, name), text);
      writeFileSync(join(dir, 'whole', name), text);
      return part;
    });
    return { whole: join(dir, 'whole'), parts };
  }
  const BY_CITY = ['--meta-from-name', '{x}_{city}', '--by', 'city'];
  const HAND_COUNTED = 'term\ttotal\t东城\t西城\tdocs\tquoted\ttheme\tvariants\tkind\tfirst\n亩均效益领跑\t4\t2\t2\t3\t1\t\t\tquoted\ta_东城:1\n';

  it('a formulation quoted in one part is counted in all: the hand count, as one run gives it', () => {
    const { whole, parts } = quotedElsewhere();
    expect(tifa(['slogans', whole, ...BY_CITY, '-f', 'tsv']).stdout).toBe(HAND_COUNTED);
    expect(tifa(['slogans', parts[1], ...BY_CITY, '-f', 'tsv']).stdout).toBe('term\ttotal\t西城\tdocs\tquoted\ttheme\tvariants\tkind\tfirst\n');
    const { counts } = sloganShards(parts, BY_CITY);
    const merged = tifa(['merge', ...counts, '-f', 'tsv']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(HAND_COUNTED);
    // In stages: the first two merged into one shard (which need not be complete yet), then with the third.
    const staged = join(mkdtempSync(join(tmpdir(), 'tifa-staged-')), 'staged.json');
    expect(tifa(['merge', counts[0], counts[1], '--shard', '-o', staged]).code).toBe(0);
    expect(tifa(['merge', staged, counts[2], '-f', 'tsv']).stdout).toBe(HAND_COUNTED);
  });

  it('a form the wording of one part names (kind named) is counted in all parts: the hand count, as one run gives it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-named-elsewhere-'));
    const texts: Array<[string, string]> = [['a_东城.txt', '国家实施网络可信身份战略。\n'], ['b_西城.txt', '网络可信身份战略成效明显，推进网络可信身份战略。\n']];
    const parts = texts.map(([name, text], i) => {
      const part = join(dir, `part${i}`);
      mkdirSync(part);
      writeFileSync(join(part, name), text);
      return part;
    });
    const handCounted = 'term\ttotal\t东城\t西城\tdocs\tquoted\ttheme\tvariants\tkind\tfirst\n网络可信身份战略\t3\t1\t2\t2\t0\t\t\tnamed\ta_东城:1\n';
    // Without the bundled lexicon, which may come to hold the strategy.
    const args = [...BY_CITY, '--no-bundled-lexicon'];
    expect(tifa(['slogans', ...parts, ...args, '-f', 'tsv']).stdout).toBe(handCounted);
    const { counts } = sloganShards(parts, args);
    const merged = tifa(['merge', ...counts, '-f', 'tsv']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(handCounted);
  });

  it('--discover: an n-gram used once in each of two parts is a candidate of the whole, as in one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-discover-'));
    const texts: Array<[string, string]> = [['a.txt', '我们坚持数字赋能工程。\n'], ['b.txt', '坚持数字赋能工程！\n']];
    const parts = texts.map(([name, text]) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, name), text);
      return join(dir, name);
    });
    const term = (run: { stdout: string }) => (JSON.parse(run.stdout) as Array<{ term: string; total: number; docs: number; source: string }>).find((r) => r.term === '坚持数字赋能工程');
    expect(term(tifa(['slogans', parts[0], '--discover', '-f', 'json']))).toBeUndefined();
    const one = tifa(['slogans', ...parts, '--discover', '-f', 'json']);
    expect(term(one)).toMatchObject({ total: 2, docs: 2, source: 'ngram' });
    const { counts } = sloganShards(parts, ['--discover']);
    expect(tifa(['merge', ...counts, '-f', 'json']).stdout).toBe(one.stdout);
  });

  it('refuses shards counted without the quoted forms of all the parts, or a part missing, in one line', () => {
    const { parts } = quotedElsewhere();
    const fix = 'count every part with --quoted-from, the merge --shard of the slogans --quoted-forms shards of exactly the parts merged';
    const alone = writeShards(parts, (part) => ['slogans', part, ...BY_CITY]);
    const refused = (files: string[], message: string) => {
      const run = tifa(['merge', ...files]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`tifa: ${message}\n`);
    };
    refused(alone, `${alone[0]} and ${alone[1]} were counted with different quoted formulations (1, 0): ${fix}`);
    // Parts counted without --quoted-from merge when they quote the same forms (here none): that is one run's set.
    expect(tifa(['merge', alone[1], alone[2], '-f', 'tsv']).stdout).toBe(tifa(['slogans', parts[1], parts[2], ...BY_CITY, '-f', 'tsv']).stdout);
    const { counts } = sloganShards(parts, BY_CITY);
    refused([counts[1], counts[2]], `the shards quote 0 formulations together but were counted with 1 (a part missing, or counted without --quoted-from?): ${fix}`);
    refused([counts[0], alone[1], counts[2]], `${counts[0]} and ${alone[1]} were counted with different quoted formulations (1, 0): ${fix}`);
  });
});
