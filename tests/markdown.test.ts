import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

/**
 * Markdown files as a user brings them (notes, a site's posts with front matter, a report converted by pandoc):
 * read as a reader of the rendered page reads them, with positions in the .md file itself. Files made here.
 */

const POST = [
  '---', // 1
  'title: "关于推进高质量发展的报告"',
  'date: 2024-03-05',
  'tags: [改革, 发展]',
  'Last-Modified: 2024-03-06', // 5
  'params:',
  '  city: 黄山',
  '---',
  '',
  '# 一、总体要求 #', // 10
  '',
  '坚持**以人民为中心**的发展思想，推进[高质',
  '量发展](https://example.com/a_b "高质量发展")。The quick',
  'brown fox.',
  '', // 15
  '二、主要任务',
  '------',
  '',
  '- 深化*改革开放*，推进“放管服”改革。',
  '- [x] 加强`生态文明建设`。', // 20
  '1. 第一项',
  '2. 第二项',
  '',
  '> 引用：全面依法治国&nbsp;。<!-- 编者注 -->',
  '', // 25
  '| 指标 | 2023年 |',
  '|:---|---:|',
  '| 增长 | 5\\|2% |',
  '',
  '```js', // 30
  'const a = 1;',
  '```',
  '',
  '![示意图](img/图1.png)',
  '', // 35
  '***',
  '',
  '参考文献[^1]。\\*不是强调\\*<br>换行。',
  '',
  '[^1]: 国务院. 政府工作报告.', // 40
  '[link]: https://example.com',
  '',
].join('\n');

const READ = [
  '---',
  'title: 关于推进高质量发展的报告',
  'date: 2024-03-05',
  'last_modified: 2024-03-06',
  'params_city: 黄山',
  'tags: 改革, 发展',
  '---',
  '一、总体要求',
  '',
  '坚持以人民为中心的发展思想，推进高质量发展。The quick brown fox.',
  '',
  '二、主要任务',
  '',
  '深化改革开放，推进“放管服”改革。',
  '',
  '加强生态文明建设。',
  '',
  '1. 第一项',
  '',
  '2. 第二项',
  '',
  // The entity is a no-break space, which normalising makes an ordinary one, as in every format.
  '引用：全面依法治国 。',
  '',
  '指标\t2023年',
  '',
  '增长\t5|2%',
  '',
  'const a = 1;',
  '',
  '参考文献。*不是强调*',
  '换行。',
  '',
  '国务院. 政府工作报告.',
  '',
].join('\n');

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa markdown '));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('Markdown read as a reader sees it', () => {
  it('extract: front matter as metadata, markup dropped, blocks as paragraphs, wrapped lines joined', () => {
    const dir = folder({ 'post.md': POST });
    const run = tifa(['extract', join(dir, 'post.md')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(READ);
  });

  it('brackets are markup only where the file defines the label: citations such as [1][2] and a citation line stay text', () => {
    const dir = folder({
      'ref.md': '文献[1][2]表明，见[附件一][]和[报告][r]，[^1]与[^9]，[官网]。\n\n[r]: https://a.b/c\n[官网]: https://gov.cn\n[1]: 《政府工作报告》\n[^1]: 脚注。\n',
    });
    const run = tifa(['extract', join(dir, 'ref.md')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('文献[1][2]表明，见[附件一][]和报告，与[^9]，官网。\n\n[1]: 《政府工作报告》\n\n脚注。\n');
  });

  it('corpus lists it as markdown with its metadata; GBK and CRLF are read alike; a .txt of the same bytes stays plain text', () => {
    const dir = folder({ 'post.md': POST, 'gbk.md': iconv.encode(POST.replace(/\n/g, '\r\n'), 'gbk'), 'plain.txt': POST.replace(/^---[\s\S]*?\n---\n/, '') });
    const run = tifa(['corpus', dir, '-f', 'json', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, string | number>>;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.post).toMatchObject({ format: 'markdown', title: '关于推进高质量发展的报告', date: '2024-03-05', year: '2024', tags: '改革, 发展', params_city: '黄山' });
    expect(byId.gbk).toMatchObject({ format: 'markdown', title: '关于推进高质量发展的报告', chars: byId.post.chars, tokens: byId.post.tokens });
    expect(byId.plain.format).toBe('text');
    expect(tifa(['extract', join(dir, 'gbk.md')]).stdout).toBe(READ);
  });

  it('counts what the markup splits: a formulation inside emphasis or a link, a word wrapped across lines', () => {
    const dir = folder({ 'a.md': '坚持**两个**确立。推进[高质\n量发展](x.html)。\n' });
    const freq = tifa(['freq', dir, '-f', 'tsv', '--no-cache']);
    expect(freq.code, freq.stderr).toBe(0);
    expect(freq.stdout).toMatch(/\n高质量发展\t1\t/);
    expect(freq.stdout).not.toContain('**');
    const slogans = tifa(['slogans', dir, '-f', 'tsv', '--no-cache']);
    expect(slogans.stdout).toMatch(/\n[^\n]*两个确立/);
  });

  it('kwic gives lines and columns of the .md file, front matter, markup and wraps counted', () => {
    const dir = folder({ 'post.md': POST });
    const run = tifa(['kwic', '改革', dir, '-f', 'tsv', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const places = run.stdout.trim().split('\n').slice(1).map((l) => l.split('\t').slice(1, 3).join(':'));
    expect(places).toEqual(['19:6', '19:19']);
    const wrapped = tifa(['kwic', '量发展', dir, '-f', 'tsv', '--no-cache']);
    expect(wrapped.stdout.split('\n')[1].split('\t').slice(1, 3)).toEqual(['13', '1']);
  });

  it('bad front matter is one line with file:line, exit 2; an empty or front-matter-only file says so', () => {
    const dir = folder({ 'open.md': '---\ntitle: x\n正文\n', 'only.md': '---\ntitle: x\n---\n', 'key.md': '---\n城市: 黄山\n---\n正文\n' });
    const expectError = (file: string, message: string) => {
      const run = tifa(['corpus', join(dir, file), '--no-cache']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`tifa: ${join(dir, file)}${message}\n`);
    };
    expectError('open.md', ':3: front matter line is not "key: value": "正文"; is the closing "---" missing?');
    expectError('only.md', ': no text to analyse (empty, or front matter only); remove it from the corpus');
    expectError('key.md', ':2: front matter key "城市" must be made of a-z, 0-9, _ or - (e.g. city, title)');
  });
});

describe('lint on Markdown', () => {
  const NOTE = ['---', 'title: 通知', '---', '# 坚持“两个确立”', '', '要做到**两个维护**，坚持"两个确立"。', '<!-- tifa-disable-next-line -->', '坚持"两个确立"。', '', '- 推进**枫桥 经验**', '- 推进枫桥&nbsp;经验', ''].join('\n');

  it('finds at the file\'s lines and columns, with no false alarm from markup, and disable comments work', () => {
    const dir = folder({ 'note.md': NOTE });
    const run = tifa(['lint', join(dir, 'note.md'), '-f', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; fix?: unknown }> }>)[0].messages;
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fix ? 'fix' : 'no fix'}`)).toEqual([
      '6:15 halfwidth-punctuation fix',
      '10:7 slogan-variant fix',
      '11:5 slogan-variant no fix',
    ]);
  });

  it('--fix rewrites the file in place, its markup kept, and leaves a fix that would touch markup undone', () => {
    const dir = folder({ 'note.md': NOTE });
    const file = join(dir, 'note.md');
    const run = tifa(['lint', file, '--fix']);
    expect(run.stderr).toContain('fixed 2 problem(s) in 1 file(s)');
    expect(readFileSync(file, 'utf8')).toBe(NOTE.replace('坚持"两个确立"。\n<!--', '坚持“两个确立”。\n<!--').replace('**枫桥 经验**', '**枫桥经验**'));
    const again = tifa(['lint', file, '-f', 'json']);
    const left = (JSON.parse(again.stdout) as Array<{ messages: Array<{ line: number }> }>)[0].messages;
    expect(left.map((m) => m.line)).toEqual([11]);
  });
});
