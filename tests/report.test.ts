import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../src/analysis/networkGraph.js';
import type { ResultTable } from '../src/resultTable.js';
import { readCorpus } from '../src/corpus/readCorpus.js';
import { bundledCorpusPath } from '../src/corpus/files.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { analyseReport, renderReport } from '../src/report/buildReport.js';
import { dispersionSvg, visibleTicks } from '../src/report/charts/dispersion.js';
import { heatmapSvg } from '../src/report/charts/heatmap.js';
import { keynessBarsSvg } from '../src/report/charts/keynessBars.js';
import { networkSvg } from '../src/report/charts/network.js';
import { themeSharesSvg } from '../src/report/charts/themeShares.js';
import { escapeHtml, html } from '../src/report/html.js';
import { fakeDoc } from './helpers.js';

const SECTIONS = ['overview', 'heatmap', 'keyness', 'themes', 'network', 'dispersion'];
const HOSTILE = `<script>alert(1)</script>`;
const HOSTILE_ATTR = `x" onload="alert(2)`;
const SVG_NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']);
const segmenter = createSegmenter();

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'" };

function unescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#39);/g, (_, e: string) => ENTITIES[e]);
}

/**
 * Checks that markup is well formed in the way that matters for injection: every tag is `<name attr="value" …>` with
 * no stray quote or bracket, text between tags holds no < > and no bare &, and tags nest. Returns the text contents.
 */
function checkMarkup(markup: string): string[] {
  const withoutCdata = markup.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/^<!DOCTYPE html>/, '');
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<>]*")?)*)\s*(\/?)>/g;
  const open: string[] = [];
  const texts: string[] = [];
  let at = 0;
  for (const m of withoutCdata.matchAll(tag)) {
    const text = withoutCdata.slice(at, m.index);
    if (/[<>]|&(?!(lt|gt|amp|quot|apos|#39);)/.test(text)) throw new Error(`bad text before ${m[0].slice(0, 60)}: ${text.slice(0, 80)}`);
    if (text.trim()) texts.push(unescape(text));
    at = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    const voidElement = ['meta', 'br', 'hr', 'img', 'input', 'link'].includes(name);
    if (closing) {
      if (open.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else if (!selfClosing && !voidElement) {
      open.push(name);
    }
  }
  if (withoutCdata.slice(at).trim() !== '') throw new Error(`text after the last tag: ${withoutCdata.slice(at, at + 80)}`);
  if (open.length > 0) throw new Error(`unclosed: ${open.join(', ')}`);
  return texts;
}

/** What the charts draw as text, unescaped. */
function svgLabels(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
}

/**
 * Every URL a page could fetch: src/href values, url() and @import, and any http(s) URL that is not an SVG namespace.
 * References to the page itself (`#id`: contents links, the charts' clip paths and gradients) fetch nothing.
 */
function externalReferences(page: string): string[] {
  const found: string[] = [];
  for (const m of page.matchAll(/\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*"([^"]*)"/gi)) if (!m[1].startsWith('#')) found.push(m[0]);
  for (const m of page.matchAll(/url\((?!#)|@import/gi)) found.push(m[0]);
  for (const m of page.matchAll(/https?:\/\/[^\s"'<>)]+/gi)) if (!SVG_NAMESPACES.has(m[0])) found.push(m[0]);
  return found;
}

function bundledReport(): string {
  const docs = [...readCorpus([bundledCorpusPath()], { onBadFile: 'stop', warn: () => {} })];
  const data = analyseReport({ docs, segmenter, field: 'city' }, { stopwords: { names: '' }, sources: 'corpus/' });
  return renderReport(data);
}

describe('html', () => {
  it('escapes every interpolated value and keeps markup built with html as it is', () => {
    const inner = html`<b>${HOSTILE}</b>`;
    expect(html`<p title="${HOSTILE_ATTR}">${inner}${[1, '<i>']}</p>`.markup).toBe(
      '<p title="x&quot; onload=&quot;alert(2)"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>1&lt;i&gt;</p>',
    );
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });
});

describe('report page (bundled corpus)', () => {
  const page = bundledReport();

  it('has every section, each chart followed by its table and note', () => {
    for (const id of SECTIONS) {
      const section = page.match(new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`))?.[1];
      expect(section, id).toBeDefined();
      if (id !== 'overview') expect(section, id).toMatch(/<figure class="chart" data-chart="[a-z]+"><svg[\s\S]*<\/svg><\/figure><div class="table-wrap"><table>/);
      expect(section, id).toMatch(/<p class="note">/);
    }
  });

  it('draws the cities on the grouped charts', () => {
    for (const id of ['heatmap', 'keyness', 'themes', 'network']) {
      const svg = page.match(new RegExp(`data-chart="${id}">(<svg[\\s\\S]*?</svg>)`))![1];
      expect(svgLabels(svg), id).toEqual(expect.arrayContaining(['齐齐哈尔', '黄山', '宜昌', '天水', '章丘']));
    }
  });

  it('refers to nothing outside the page: no src, href, url() or @import, no URL but the SVG namespaces', () => {
    expect(externalReferences(page)).toEqual([]);
    expect(page).not.toMatch(/<script|<link|<iframe|<img|<object|<embed/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('is well-formed markup with unique ids (the clip paths and gradients of the charts refer to theirs)', () => {
    expect(() => checkMarkup(page)).not.toThrow();
    const ids = [...page.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(SECTIONS.length);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('report page (hostile corpus)', () => {
  // A title, a city, a quoted formulation (found as a slogan) and other metadata that are markup.
  const text = (city: string) =>
    `坚决做到“两个确立”“两个维护”。推进“</text><i>劣</i>”落地。${city}坚持枫桥经验，${city}推进枫桥经验。` +
    '公安工作现代化是中国式现代化的一部分。全面深化改革，公安工作现代化。';
  const docs = [
    fakeDoc('a', { city: '<b>甲</b>', title: HOSTILE, author: HOSTILE_ATTR }, text('甲方') + '甲方甲方甲方甲方。'),
    fakeDoc('b', { city: '乙&丙', title: '“乙”' }, text('乙方')),
    fakeDoc(HOSTILE, { title: 'no city' }, '两个确立'),
  ];
  const page = renderReport(analyseReport({ docs, segmenter, field: 'city' }, { stopwords: { names: '' }, sources: HOSTILE }));

  it('shows hostile titles, ids, cities and terms as text, never as markup', () => {
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<i>劣');
    expect(page).not.toContain('<b>甲</b>');
    expect(page).not.toContain(HOSTILE_ATTR);
    const texts = checkMarkup(page).join('\n');
    for (const shown of [HOSTILE, HOSTILE_ATTR, '<b>甲</b>', '乙&丙', '</text><i>劣</i>']) expect(texts).toContain(shown);
  });

  it('names hostile groups on the charts as text', () => {
    const svg = page.match(/data-chart="heatmap">(<svg[\s\S]*?<\/svg>)/)![1];
    expect(svgLabels(svg)).toEqual(expect.arrayContaining(['<b>甲</b>', '乙&丙', '</text><i>劣</i>']));
  });
});

describe('report page (one group, no slogan pairs)', () => {
  const docs = [fakeDoc('a', { city: '甲' }, '坚持枫桥经验。'), fakeDoc('b', { city: '甲' }, '推进公安工作现代化。')];
  const page = renderReport(analyseReport({ docs, segmenter, field: 'city' }, { stopwords: { names: '' }, sources: 'x' }));

  it('says why a section has no chart instead of drawing an empty one', () => {
    expect(page).toContain('<section id="keyness"><h2>Key terms per city (G²)</h2><p class="note">Keyness compares a group with the rest: it needs at least two values of &quot;city&quot;.</p></section>');
    expect(page).toContain('<p class="note">No two lexicon slogans share a sentence.</p>');
    expect(page.match(/<figure class="chart"/g)).toHaveLength(3);
  });
});

describe('chart functions', () => {
  const groups = ['齐齐哈尔', HOSTILE];

  it('heatmap: one labelled cell per value, row and column names', () => {
    const table: ResultTable = {
      columns: ['term', 'g1', 'g2'],
      rows: [
        { term: '枫桥经验', g1: 12.5, g2: 0 },
        { term: HOSTILE_ATTR, g1: 3, g2: 7.25 },
      ],
    };
    const svg = heatmapSvg(table, { label: 'term', cells: [{ column: 'g1', name: '齐齐哈尔' }, { column: 'g2', name: HOSTILE }], unit: 'per 10,000' });
    checkMarkup(svg);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svgLabels(svg)).toEqual(expect.arrayContaining(['枫桥经验', HOSTILE_ATTR, '齐齐哈尔', HOSTILE, '12.5', '0.0', '3.0', '7.3']));
  });

  it('keyness: a panel per group with its terms and G² labels', () => {
    const table: ResultTable = {
      columns: ['rank', groups[0], `${groups[0]}_ll`, groups[1], `${groups[1]}_ll`],
      rows: [
        { rank: 1, [groups[0]]: '拓展', [`${groups[0]}_ll`]: 11.96, [groups[1]]: HOSTILE_ATTR, [`${groups[1]}_ll`]: 8.5 },
        { rank: 2, [groups[0]]: '维护', [`${groups[0]}_ll`]: 9.04, [groups[1]]: '', [`${groups[1]}_ll`]: null },
      ],
    };
    const svg = keynessBarsSvg(table, { groups, valueSuffix: '_ll', unit: 'G²' });
    checkMarkup(svg);
    expect(svgLabels(svg)).toEqual(expect.arrayContaining([...groups, '拓展', '维护', HOSTILE_ATTR, '12.0', '9.0', '8.5', 'G²']));
  });

  it('themes: a bar per group, a legend entry per theme, labels in percent', () => {
    const table: ResultTable = {
      columns: ['theme', `${groups[0]}_share`, `${groups[1]}_share`],
      rows: [
        { theme: '政治建警', [`${groups[0]}_share`]: 0.25, [`${groups[1]}_share`]: 0.5 },
        { theme: HOSTILE_ATTR, [`${groups[0]}_share`]: 0.75, [`${groups[1]}_share`]: 0.5 },
      ],
    };
    const svg = themeSharesSvg(table, { label: 'theme', groups, shareSuffix: '_share' });
    checkMarkup(svg);
    expect(svgLabels(svg)).toEqual(expect.arrayContaining([...groups, '政治建警', HOSTILE_ATTR, '25%', '75%', '50%']));
  });

  it('network: linked nodes labelled, unlinked ones left out, groups in the legend', () => {
    const nodes: NetworkNode[] = [
      { term: '两个确立', count: 4, byGroup: {}, topGroup: groups[0] },
      { term: HOSTILE_ATTR, count: 2, byGroup: {}, topGroup: groups[1] },
      { term: '孤立', count: 1, byGroup: {}, topGroup: groups[0] },
    ];
    const edges: NetworkEdge[] = [{ source: '两个确立', target: HOSTILE_ATTR, both: 2, scores: {} }];
    const svg = networkSvg(nodes, edges, { groups });
    checkMarkup(svg);
    const labels = svgLabels(svg);
    expect(labels).toEqual(expect.arrayContaining([...groups, '两个确立', HOSTILE_ATTR]));
    expect(labels).not.toContain('孤立');
    const withoutIds = (s: string) => s.replace(/zr\d+-[a-z]+-?\d+/g, 'zr');
    expect(withoutIds(networkSvg(nodes, edges, { groups }))).toBe(withoutIds(svg)); // the same picture on every run
  });

  it('dispersion: a row per slogan, document names on bands wide enough for them', () => {
    const svg = dispersionSvg({
      documents: [
        { id: '01-齐齐哈尔', start: 0, tokens: 600 },
        { id: HOSTILE, start: 600, tokens: 400 },
        { id: 'tiny-document', start: 1000, tokens: 5 },
      ],
      totalTokens: 1005,
      slogans: [
        { term: '枫桥经验', positions: [10, 700] },
        { term: HOSTILE_ATTR, positions: [] },
      ],
    });
    checkMarkup(svg);
    const labels = svgLabels(svg);
    expect(labels).toEqual(expect.arrayContaining(['枫桥经验', HOSTILE_ATTR, '01-齐齐哈尔', HOSTILE]));
    expect(labels).not.toContain('tiny-document');
  });

  it('dispersion: one tick per pixel at most, however many uses fall in it', () => {
    expect(visibleTicks([0, 3, 9.9, 10, 25, 26, 80], 10)).toEqual([0, 10, 25, 80]);
    expect(visibleTicks([], 10)).toEqual([]);
    // 100,000 uses in a corpus of 100,000 word tokens: the plot is under 960 px wide, so under 960 ticks are drawn.
    const marks = (positions: number[]) =>
      (dispersionSvg({ documents: [{ id: 'd', start: 0, tokens: 100_000 }], totalTokens: 100_000, slogans: [{ term: '枫桥经验', positions }] }).match(/ecmeta_ssr_type="chart"/g) ?? []).length;
    // The chart's marks are the ticks and the document's band.
    const ticksDrawn = (positions: number[]) => marks(positions) - marks([]);
    const every = Array.from({ length: 100_000 }, (_, i) => i);
    expect(ticksDrawn(every)).toBeGreaterThan(500);
    expect(ticksDrawn(every)).toBeLessThan(960);
    expect(ticksDrawn([10, 50_000, 99_000])).toBe(3);
  });
});
