import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { beforeAll, describe, expect, it } from 'vitest';
import { segmenterVocabulary } from '../src/segment/createSegmenter.js';
import { jiebaDictionary } from '../src/segment/nodeRsJieba.js';
import { NO_NODE, SCAN_CHILDREN } from '../src/segment/portDictionary.js';
import { PortSegmenter, portDictionary } from '../src/segment/portWords.js';
import { sentenceChunks } from '../src/segment/sentenceChunks.js';
import { GOV_REPORTS, HAS_REPORTS } from './cli.js';

const PKU_TEST = fileURLToPath(new URL('../../shared/eval/sighan-pku/pku_test.utf8', import.meta.url));

// Both loaded as tifa loads them: jieba's dictionary, then tifa's entries (nodeRsJieba.ts).
const { dictText } = segmenterVocabulary();
const native = Jieba.withDict(jiebaDictionary());
native.loadDict(Buffer.from(dictText));
const port = new PortSegmenter(portDictionary(jiebaDictionary(), dictText));
const portWords = (text: string) => port.words(text).words;

/** Texts whose words differ between the port and @node-rs/jieba, with the first word that differs. */
function differences(texts: string[]): Array<{ text: string; at: number; port: string[]; native: string[] }> {
  const found = [];
  for (const text of texts) {
    const ours = portWords(text);
    const theirs = native.cut(text, true);
    let at = 0;
    while (at < theirs.length && ours[at] === theirs[at]) at++;
    if (at < theirs.length || ours.length !== theirs.length) found.push({ text: text.slice(0, 40), at, port: ours.slice(at, at + 4), native: theirs.slice(at, at + 4) });
  }
  return found;
}

describe('the port of jieba-rs cut (wasm/portCut.ts)', () => {
  it('cuts by the best route of the dictionary, the HMM joining what the route leaves single', () => {
    // jieba's own examples: 中出 and 杭研 are no dictionary words; the HMM makes them.
    expect(portWords('我们中出了一个叛徒')).toEqual(['我们', '中出', '了', '一个', '叛徒']);
    expect(portWords('他来到了网易杭研大厦')).toEqual(['他', '来到', '了', '网易', '杭研', '大厦']);
    expect(portWords('我来到北京清华大学')).toEqual(['我', '来到', '北京', '清华大学']);
  });

  it('keeps what tifa adds to the dictionary whole, as the native cut does', () => {
    // jieba's dictionary alone cuts 零|容忍 and 市域|社会|治理 (tifa's entries: src/segment/suggestFreq.ts).
    expect(portWords('坚持零容忍')).toEqual(['坚持', '零容忍']);
    expect(portWords('加强市域社会治理')).toEqual(['加强', '市域社会治理']);
    expect(differences(['坚持零容忍', '加强市域社会治理', '推进市域社会治理现代化'])).toEqual([]);
  });

  it('outside the blocks, each character is a word and \\r\\n is one', () => {
    expect(portWords('x\r\n\ty')).toEqual(['x', '\r\n', '\t', 'y']);
    expect(portWords('好，好！')).toEqual(['好', '，', '好', '！']);
  });

  it('splits unjoined letters and digits as jieba-rs does (its re_skip dot matches any character)', () => {
    expect(portWords('WES-5.4.5')).toEqual(['WES-5', '.', '4.5']);
    expect(portWords('ISU-CNS24093')).toEqual(['ISU', '-', 'CNS24093']);
    expect(portWords('增长5.2%')).toEqual(native.cut('增长5.2%', true));
  });

  it('gives the native words on text outside the common block: astral and extension ideographs, kana, emoji', () => {
    const texts = [
      '',
      '𠮷野家的𠮷字和𪚥字',
      '㐀㐁㐂中国䶵人民',
      '龥龦鿕鿖鿿字',
      '豈更車賈字',
      'ひらがなカタカナ混じり中文',
      '我们👪中出了🇨🇳一个叛徒',
      'ＡＢＣ１２３全角字母',
      '2024年GDP增长5.2%，CPI上涨0.2%',
      'C++和C#以及.NET_3.5-beta&co',
      '一一一一一一一一一一一一一一一一一一一一一一',
      '\u00a0\u3000\ufeff空格',
      'a\r\r\n\n',
    ];
    expect(differences(texts)).toEqual([]);
  });
});

describe('the port loads dictionaries as jieba-rs does', () => {
  /** The port's words and the native ones, both with dictionary `base` then `user` loaded. */
  const both = (base: string, user: string, text: string) => {
    const tiny = Jieba.withDict(Buffer.from(base));
    if (user) tiny.loadDict(Buffer.from(user));
    return { port: new PortSegmenter(portDictionary(Buffer.from(base), user)).words(text).words, native: tiny.cut(text, true) };
  };

  it('takes the more probable route: 甲乙 (3 of 5) over 甲 and 乙 (1 of 5 each)', () => {
    expect(both('甲乙 3\n甲 1\n乙 1\n', '', '甲乙')).toEqual({ port: ['甲乙'], native: ['甲乙'] });
  });

  it('a word loaded again only has its frequency replaced; at 0 it loses the route but is still a word', () => {
    // 甲乙 at frequency 0 weighs ln 0: the route takes 甲 and 乙, and since 甲乙 is in the dictionary the HMM
    // leaves them as they are.
    expect(both('甲乙 3\n甲 1\n乙 1\n', '甲乙 0\n', '甲乙')).toEqual({ port: ['甲', '乙'], native: ['甲', '乙'] });
    // A line without a frequency loads the word at 0, as jieba-rs reads it.
    expect(both('甲乙 3\n甲 1\n乙 1\n', '甲乙\n', '甲乙')).toEqual({ port: ['甲', '乙'], native: ['甲', '乙'] });
  });

  it('on a tie takes the longer first word, and cuts what the dictionary lacks with the HMM', () => {
    // 甲乙|丙丁 and 甲|乙丙丁 weigh the same (frequencies 2 and 1 either way, summed in either order): the route
    // takes the longer word at 甲, as jieba-rs does.
    const base = '甲乙 2\n乙丙丁 2\n甲 1\n丙丁 1\n';
    expect(both(base, '', '甲乙丙丁')).toEqual({ port: ['甲乙', '丙丁'], native: ['甲乙', '丙丁'] });
    const { port, native } = both(base, '', '他来到了网易杭研大厦，甲乙丙丁');
    expect(port).toEqual(native);
  });
});

describe('the compiled cut (wasm/portCut.ts)', () => {
  it('finds the children of a node with many children in its wide table, and no other', () => {
    // 甲 has 40 children (甲一 … ), 乙 two: the one found in the wide table, the other by a scan.
    const wide = Array.from({ length: 40 }, (_, k) => `甲${String.fromCharCode(0x4e00 + 100 + k)}`);
    const dictionary = portDictionary(Buffer.from([...wide, '乙丙', '乙丁', '甲'].map((word) => `${word} 3`).join('\n')), '');
    const d = dictionary.data;
    const first = d.rootChild['甲'.charCodeAt(0)];
    expect(d.childStart[first + 1] - d.childStart[first]).toBeGreaterThan(SCAN_CHILDREN);
    const segmenter = new PortSegmenter(dictionary);
    for (const word of wide) {
      const { ends, nodes } = segmenter.words(word);
      expect(Array.from(ends!)).toEqual([2]);
      expect(d.weight[nodes!.ids[0]]).toBeCloseTo(Math.log(3 / (3 * 43)));
    }
    // 甲乙 is no word (乙 is no child of 甲), 乙丙 is one.
    const { words, nodes } = segmenter.words('甲乙丙');
    expect(words).toEqual(['甲', '乙丙']);
    expect(nodes!.ids[1]).not.toBe(NO_NODE);
  });

  it('gives a lone surrogate back as a word of its own, as it stands', () => {
    expect(portWords('中国\ud800人民')).toEqual(['中国', '\ud800', '人民']);
    expect(portWords('a\udc00')).toEqual(['a', '\udc00']);
  });

  it('grows its memory for a long block and a long run of the HMM, and cuts them as the native cut does', () => {
    const long = '一'.repeat(150_000) + '，' + '鑫'.repeat(70_000) + '。' + '增长5.2%'.repeat(20_000);
    expect(differences([long, '他来到了网易杭研大厦'])).toEqual([]);
  });

  it('is the compile of its source: npm run build:wasm gives the committed binary byte for byte', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tifa-wasm-')), 'portCut.wasm');
    const asc = fileURLToPath(new URL('../node_modules/assemblyscript/bin/asc.js', import.meta.url));
    const script = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts['build:wasm'] as string;
    const args = script.replace(/^asc /, '').replace('-o wasm/portCut.wasm', `-o ${out}`).split(' ');
    execFileSync(process.execPath, [asc, ...args], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(readFileSync(out).equals(readFileSync(new URL('../wasm/portCut.wasm', import.meta.url)))).toBe(true);
  }, 60_000);
});

describe.skipIf(!HAS_REPORTS || !existsSync(PKU_TEST))('the port against @node-rs/jieba on shared data (needs ../shared)', () => {
  let reports: string[] = [];
  beforeAll(() => {
    reports = readdirSync(GOV_REPORTS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${GOV_REPORTS}/${f}`, 'utf8'));
  });

  it('gives the same words on all 67 government work reports, chunk by chunk as the pipeline cuts them', () => {
    expect(reports.length).toBe(67);
    const chunks = reports.flatMap((text) => {
      const bounds = sentenceChunks(text);
      return bounds.slice(1).map((end, k) => text.slice(bounds[k], end));
    });
    expect(differences(chunks)).toEqual([]);
  });

  it('gives the same words on the SIGHAN PKU test text, line by line', () => {
    const lines = readFileSync(PKU_TEST, 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(1900);
    expect(differences(lines)).toEqual([]);
  });
});
