import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

const HEADER = 'canonical\tvariants\ttheme\texpansion\tnote';
let dir: string;
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-lexicon-'));
  file('t.txt', '各地推进山区共富行动，山区共富成效明显。坚持“两个确立”。\n');
});

const rowsOf = (stdout: string) => new Map(stdout.trim().split('\n').slice(1).map((l) => [l.split('\t')[0], l.split('\t')]));

describe('--lexicon and --no-bundled-lexicon', () => {
  it('adds the user lexicon to the bundled one', () => {
    const mine = file('mine.tsv', `${HEADER}\n山区共富\t\t民生保障\t\t浙江\n`);
    const run = tifa(['slogans', join(dir, 't.txt'), '--lexicon', mine, '--format', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    const rows = rowsOf(run.stdout);
    expect(rows.get('山区共富')?.slice(1, 5)).toEqual(['2', '1', '0', '民生保障']);
    expect(rows.get('两个确立')?.[4]).toBe('政治建警');
  });

  it('uses only the user lexicon with --no-bundled-lexicon', () => {
    const mine = file('mine.tsv', `${HEADER}\n山区共富\t\t民生保障\t\t\n`);
    const run = tifa(['slogans', join(dir, 't.txt'), '--lexicon', mine, '--no-bundled-lexicon', '--format', 'tsv']);
    const rows = rowsOf(run.stdout);
    expect(rows.get('山区共富')?.[4]).toBe('民生保障');
    // no longer a lexicon slogan: found as a numbered formula, without a theme
    expect(rows.get('两个确立')?.slice(4, 7)).toEqual(['', '', 'numbered']);
  });

  it('reads a GBK lexicon as tifa reads a GBK corpus file', () => {
    const gbk = join(dir, 'gbk.tsv');
    writeFileSync(gbk, iconv.encode(`${HEADER}\n山区共富\t\t民生保障\t\t\n`, 'gbk'));
    const run = tifa(['slogans', join(dir, 't.txt'), '--lexicon', gbk, '--format', 'tsv']);
    expect(rowsOf(run.stdout).get('山区共富')?.[4]).toBe('民生保障');
  });

  it('stops on a bad line with file:line, exit 2, on slogans and lint alike', () => {
    const bad = file('bad.tsv', `${HEADER}\n山区共富\t\t民生\t\t\n`);
    for (const args of [['slogans', join(dir, 't.txt')], ['lint', join(dir, 't.txt')]]) {
      const run = tifa([...args, '--lexicon', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^tifa: .*bad\.tsv:2: unknown theme "民生"/);
    }
  });

  it('rejects a form that another entry already has, naming both places', () => {
    const dup = file('dup.tsv', `${HEADER}\n二个确立\t两个确立\t政治建警\t\t\n`);
    const run = tifa(['slogans', join(dir, 't.txt'), '--lexicon', dup]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dup\.tsv:2: "两个确立" is already a form of 两个确立 \(.*slogans\.tsv:\d+\)/);
  });
});

describe('tifa lexicon', () => {
  it('lists the themes with their entries, the user file counted in', () => {
    const mine = file('mine.tsv', `${HEADER}\n山区共富\t\t民生保障\t\t\n`);
    const alone = tifa(['lexicon', '--themes', '--lexicon', mine, '--no-bundled-lexicon', '--format', 'tsv']);
    const counts = new Map(alone.stdout.trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string]));
    expect(counts.size).toBe(21);
    expect(counts.get('民生保障')).toBe('1');
    expect(counts.get('政治建警')).toBe('0');
  });

  it('checks a file: exit 0 and its size when valid, exit 2 with file:line when not', () => {
    const good = tifa(['lexicon', '--check', file('ok.tsv', `${HEADER}\n山区共富\t\t民生保障\t\t\n`)]);
    expect(good.code).toBe(0);
    expect(good.stderr).toMatch(/ok\.tsv: 1 entries, valid/);
    const bad = tifa(['lexicon', '--check', file('bad2.tsv', `${HEADER}\n山区共富\t\t民生保障\n`)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad2\.tsv:2: expected 5 tab-separated columns, got 3/);
  });
});

describe('discover → curate → --lexicon', () => {
  it('writes candidates in the lexicon columns; curated, they come back as lexicon slogans', () => {
    const text = file('q.txt', '推进“山区共富”行动。山区共富成效明显。\n');
    const out = join(dir, 'candidates.tsv');
    expect(tifa(['slogans', text, '--discover', '--format', 'tsv', '-o', out]).code).toBe(0);
    const written = readFileSync(out, 'utf8').split('\n');
    expect(written[0]).toBe(`${HEADER}\ttotal\tdocs\tgroups\tsource\tscore`);
    expect(written[1]).toBe('山区共富\t\t\t\t\t2\t1\t1\tquoted\t');
    // the curator files it under a theme and drops the other rows
    writeFileSync(out, `${written[0]}\n${written[1].replace('山区共富\t\t\t', '山区共富\t\t民生保障\t')}\n`);
    const run = tifa(['slogans', text, '--lexicon', out, '--format', 'tsv']);
    expect(rowsOf(run.stdout).get('山区共富')?.slice(1, 7)).toEqual(['2', '1', '1', '民生保障', '', 'lexicon']);
  });
});
