import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/corpus/manifest.js';
import { ROOT, tifa } from './cli.js';

function table(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-meta-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('metadata table', () => {
  it('names files by path relative to the table, by file name or by stem; empty cells set nothing', () => {
    const file = table('meta.csv', '\uFEFFfile,city,year\ntexts/a.txt,黄山,2024\nb.txt,宜昌,\nc,,2023\n');
    const dir = join(file, '..');
    const manifest = readManifest(file);
    expect(manifest.metaOf(join(dir, 'texts', 'a.txt'))).toEqual({ city: '黄山', year: '2024' });
    expect(manifest.metaOf('/elsewhere/b.txt')).toEqual({ city: '宜昌' });
    expect(manifest.metaOf('/elsewhere/c.md')).toEqual({ year: '2023' });
    expect(manifest.metaOf(join(dir, 'd.txt'))).toBeUndefined();
    expect(manifest.check([join(dir, 'texts', 'a.txt'), '/x/c.txt', '/y/c.txt'])).toEqual({ unmatched: ['b.txt'], ambiguous: ['c'] });
  });

  it('reads a table saved as GBK (Excel on a Chinese Windows) like one in UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-meta-'));
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode('file,城市\na.txt,齐齐哈尔\n', 'gbk'));
    expect(readManifest(join(dir, 'gbk.csv')).metaOf('a.txt')).toEqual({ 城市: '齐齐哈尔' });
  });

  it('reads TSV for a .tsv file', () => {
    expect(readManifest(table('m.tsv', 'file\tcity\na.txt\t天水,甘肃\n')).metaOf('a.txt')).toEqual({ city: '天水,甘肃' });
  });

  it('rejects a table without a file column, a file named twice and a ragged row, naming the line', () => {
    expect(() => readManifest(table('m.csv', 'name,city\n'))).toThrow(/m\.csv:1: a metadata table needs a "file" column; found: name, city$/);
    expect(() => readManifest(table('m.csv', 'file,city\na,1\na,2\n'))).toThrow(/m\.csv:3: "a" has a row already$/);
    expect(() => readManifest(table('m.csv', 'file,city\na,1,2\n'))).toThrow(/m\.csv:2: /);
    expect(() => readManifest(table('m.csv', 'file,city\n,1\n'))).toThrow(/m\.csv:2: the "file" cell is empty$/);
  });
});

describe('metadata table as JSON (a scraper\'s or a script\'s output)', () => {
  it('reads an array of objects with a file key, an object keyed by file name, and JSON Lines alike', () => {
    const rows = [
      { file: 'a.txt', year: 2020, city: '黄山', tags: ['改革', '发展'], note: null },
      { file: 'b.txt', year: '2021', draft: false },
    ];
    const expected = { a: { year: '2020', city: '黄山', tags: '改革, 发展' }, b: { year: '2021', draft: 'false' } };
    const keyed = Object.fromEntries(rows.map(({ file, ...fields }) => [file, fields]));
    const lines = rows.map((r) => JSON.stringify(r)).join('\n\n');
    for (const file of [table('m.json', JSON.stringify(rows)), table('m.json', JSON.stringify(keyed)), table('m.jsonl', lines)]) {
      const manifest = readManifest(file);
      expect(manifest.metaOf('/corpus/a.txt'), file).toEqual(expected.a);
      expect(manifest.metaOf('/corpus/b.txt'), file).toEqual(expected.b);
    }
  });

  it('rejects broken JSON, a row without a file key and an object-valued field, naming the row', () => {
    expect(() => readManifest(table('m.json', '[{"file": "a.txt",'))).toThrow(/m\.json: not valid JSON \(/);
    expect(() => readManifest(table('m.json', '[{"year": 1}]'))).toThrow(/m\.json: row 1: the row has no "file" key naming its document$/);
    expect(() => readManifest(table('m.json', '[{"file": "a.txt", "year": {"v": 1}}]'))).toThrow(/m\.json: row 1: field "year" holds an object/);
    expect(() => readManifest(table('m.jsonl', '{"file": "a.txt"}\n{"file": "a.txt"}\n'))).toThrow(/m\.jsonl:2: "a.txt" has a row already$/);
    expect(() => readManifest(table('m.json', '"a.txt"'))).toThrow(/m\.json: a JSON metadata table is an array of objects/);
  });

  it('tifa corpus --meta meta.json fills the fields; broken JSON is one line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-meta-json-'));
    writeFileSync(join(dir, 'a.txt'), '深化改革开放。\n');
    writeFileSync(join(dir, 'meta.json'), JSON.stringify([{ file: 'a.txt', year: 2020, city: '黄山' }]));
    const run = tifa(['corpus', join(dir, 'a.txt'), '--meta', join(dir, 'meta.json'), '-f', 'json', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ id: 'a', city: '黄山', year: '2020' });
    writeFileSync(join(dir, 'meta.json'), '[{"file": "a.txt"');
    const bad = tifa(['corpus', join(dir, 'a.txt'), '--meta', join(dir, 'meta.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.startsWith(`tifa: ${join(dir, 'meta.json')}: not valid JSON (`), bad.stderr).toBe(true);
    expect(bad.stderr.split('\n')).toHaveLength(2);
  });
});

describe('tifa … --meta', () => {
  it('groups by a field of the table, the same in one thread and two, and notes unmatched rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-meta-corpus-'));
    cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    const meta = join(dir, 'meta.csv');
    writeFileSync(meta, 'file,region\n01-齐齐哈尔.txt,东北\n02-黄山.txt,华东\n03-宜昌.txt,华中\n04-天水.txt,西北\n05-章丘.txt,华东\nnosuch.txt,华南\n');
    const args = ['freq', join(dir, 'corpus'), '--meta', meta, '--by', 'region', '--terms', '的', '--format', 'csv', '--no-cache'];
    const one = tifa([...args, '--jobs', '1']);
    expect(one.code).toBe(0);
    expect(one.stdout.split('\r\n')[0]).toBe('term,total,per10k,东北,东北_per10k,华东,华东_per10k,华中,华中_per10k,西北,西北_per10k,docfreq');
    expect(one.stderr).toBe(`tifa: 1 row(s) of ${meta} name no file of the corpus: nosuch.txt\ntifa: 1 document(s) without "region" left out: 00-editor-note\n`);
    expect(tifa([...args, '--jobs', '2']).stdout).toBe(one.stdout);
  });

  it('counts again from the token cache when the table changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-meta-cache-'));
    cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    const meta = join(dir, 'meta.csv');
    const env = { TIFA_CACHE_DIR: join(dir, 'cache') };
    const run = () => tifa(['freq', join(dir, 'corpus'), '--meta', meta, '--by', 'side', '--top', '1', '--format', 'csv'], { env }).stdout.split('\r\n')[0];
    writeFileSync(meta, 'file,side\n01-齐齐哈尔.txt,north\n02-黄山.txt,south\n');
    expect(run()).toBe('term,total,per10k,north,north_per10k,south,south_per10k,docfreq');
    writeFileSync(meta, 'file,side\n01-齐齐哈尔.txt,north\n02-黄山.txt,north\n');
    expect(run()).toBe('term,total,per10k,north,north_per10k,docfreq');
  });
});
