import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tifa } from './cli.js';

// freq in one thread has its chunks cut on a cut thread (segment/cutThreads.ts) that sends back token ends only;
// these run the built binary, where that thread runs (from the TypeScript sources the cut stays on libuv's pool).
describe('freq through the cut thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-cut-thread-'));
  // A page break inside 控制: the repair asks the segmenter whether a word runs across it, and the cut thread
  // answers while the file is read. Joined, 控制 is one word in each file: 2 uses, 2 documents.
  writeFileSync(join(dir, 'a.txt'), '深化金融体制改革，按照货币流通规律适当控\n\n制信贷规模和货币供应量。\n');
  writeFileSync(join(dir, 'b.txt'), '适当控制信贷规模。改革。\n');
  const rows = (stdout: string) => stdout.trim().split('\n').map((line) => line.split('\t'));

  it('counts the words the thread cut, with the page-break repair answered by it', () => {
    const one = tifa(['freq', dir, '--jobs', '1', '--no-cache', '--format', 'tsv']);
    expect(one.code, one.stderr).toBe(0);
    const table = rows(one.stdout);
    expect(table[0]).toEqual(['term', 'total', 'per10k', 'docfreq']);
    const counts = new Map(table.slice(1).map(([term, total, , docs]) => [term, [Number(total), Number(docs)]]));
    for (const word of ['控制', '适当', '信贷', '规模']) expect(counts.get(word)).toEqual([2, 2]);
    expect(counts.get('改革')).toEqual([1, 1]);
    expect(counts.has('控')).toBe(false);
    expect(counts.has('制')).toBe(false);
    // Words: 深化 金融体制改革 按照 货币流通 规律 适当 控制 信贷 规模 和 货币 供应量 | 适当 控制 信贷 规模 改革 = 17;
    // 控制 2/17 × 10,000.
    expect(table.find(([term]) => term === '控制')![2]).toBe('1176.470588');
    // Two worker threads cut in jieba of their own: the same table.
    expect(tifa(['freq', dir, '--jobs', '2', '--no-cache', '--format', 'tsv']).stdout).toBe(one.stdout);
  });

  it('cuts full-width digits and letters as ASCII and counts them as written', () => {
    const wide = mkdtempSync(join(tmpdir(), 'tifa-cut-thread-wide-'));
    writeFileSync(join(wide, 'a.txt'), '１９９７年，ＡＰＰ上线。香港回归１９９７年。\n');
    const out = tifa(['freq', wide, '--jobs', '1', '--no-cache', '--format', 'tsv']);
    expect(out.code, out.stderr).toBe(0);
    const counts = new Map(rows(out.stdout).slice(1).map(([term, total]) => [term, Number(total)]));
    expect(counts.get('１９９７')).toBe(2);
    expect(counts.get('ＡＰＰ')).toBe(1);
    expect(counts.has('１')).toBe(false);
  });

  it('writes the token cache from the ends it sends, which later runs read to the same table', () => {
    const env = { TIFA_CACHE_DIR: join(dir, 'cache') };
    const fresh = tifa(['freq', dir, '--jobs', '1', '--no-cache', '--format', 'tsv']).stdout;
    expect(tifa(['freq', dir, '--jobs', '1', '--format', 'tsv'], { env }).stdout).toBe(fresh);
    // Another request over the cached tokens (no memo of the corpus for it), then the memoised one.
    const filtered = tifa(['freq', dir, '--jobs', '1', '--format', 'tsv', '--min-length', '2'], { env });
    expect(rows(filtered.stdout).slice(1).every(([term]) => term.length >= 2)).toBe(true);
    expect(tifa(['freq', dir, '--jobs', '1', '--format', 'tsv'], { env }).stdout).toBe(fresh);
  });

  it('gives the same table and notes on one cut thread, two cut threads and a pool of three, without the cache and from it', () => {
    const many = mkdtempSync(join(tmpdir(), 'tifa-cut-jobs-'));
    const texts = [
      '坚持以人民为中心的发展思想——推动高质量发展……１９９７年，ＡＰＰ上线。',
      '深化金融体制改革，按照货币流通规律适当控\n\n制信贷规模和货币供应量。',
      '',
      '推动高质量发展。坚持以人民为中心。改革——开放——再改革。',
      '适当控制信贷规模。改革。',
      '全面深化改革，推进国家治理体系和治理能力现代化。',
      '没有城市的文件。',
    ];
    texts.forEach((text, i) => writeFileSync(join(many, `d${i}.txt`), i === 2 || i === 6 ? text : `---\ncity: ${i % 2 ? '甲' : '乙'}\n---\n${text}\n`));
    const env = { TIFA_CACHE_DIR: join(many, 'cache') };
    const run = (jobs: string, cached: boolean, ...extra: string[]) =>
      tifa(['freq', many, '--jobs', jobs, '--by', 'city', '--dp', '--skip-bad', '--format', 'tsv', ...extra, ...(cached ? [] : ['--no-cache'])], { env });
    const one = run('1', false);
    expect(one.code, one.stderr).toBe(0);
    expect(rows(one.stdout).length).toBeGreaterThan(30);
    expect(one.stderr).toMatch(/skipped .*d2\.txt/);
    // The pool writes the token cache (and memos of this request)...
    for (const [jobs, cached] of [['2', false], ['3', false], ['3', true]] as const) {
      const other = run(jobs, cached);
      expect(other.stdout, `--jobs ${jobs}${cached ? ', cached' : ''}`).toBe(one.stdout);
      expect(other.stderr).toBe(one.stderr);
    }
    // ...which one and two cut threads read under requests of their own (a request met again is answered whole).
    for (const [jobs, extra] of [['1', ['--min-length', '2']], ['2', ['--stopwords', 'zh']]] as const) {
      const fresh = run('1', false, ...extra);
      expect(rows(fresh.stdout).length).toBeGreaterThan(20);
      const cached = run(jobs, true, ...extra);
      expect(cached.stdout, `--jobs ${jobs}, cached tokens`).toBe(fresh.stdout);
      expect(cached.stderr).toBe(fresh.stderr);
    }
  });

  it('does not hold the process open when no cut is waiting, as when the run fails before the threads are set up', () => {
    // Threads started and set up with nothing sent to cut, then ones whose setup throws: the script ends, so the
    // process must exit (a 'message' listener added after unref() refs the worker again: such a run never ended).
    // A file, not -e: code given with -e exits at its end whatever is still running.
    const script = join(mkdtempSync(join(tmpdir(), 'tifa-cut-exit-')), 'run.mjs');
    writeFileSync(
      script,
      `import { CutThreads } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/segment/cutThreads.js')).href)};
      new CutThreads(1, () => ({ dictText: '', phrases: [], port: undefined }));
      try { new CutThreads(2, () => { throw new Error('setup failed'); }); } catch { console.log('setup failed'); }
      console.log('end');`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal, 'killed: the threads held the process open').toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('setup failed\nend\n');
  });
});
