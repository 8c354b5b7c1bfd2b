import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCorpusPath } from '../../src/corpus/files.js';
import { readCorpus } from '../../src/corpus/readCorpus.js';
import { analyseReport, renderReport } from '../../src/report/buildReport.js';
import { createSegmenter } from '../../src/segment/createSegmenter.js';
import { fakeDoc } from '../helpers.js';

/**
 * The report in a real browser: Debian's chromium package (`apt-get install -y chromium fonts-noto-cjk`; the fonts so
 * that the screenshot shows Chinese, not boxes). Without the browser the test is skipped, not failed.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CITIES = ['齐齐哈尔', '黄山', '宜昌', '天水', '章丘'];
const segmenter = createSegmenter();
const folder = mkdtempSync(join(tmpdir(), 'tifa-report-browser-'));

function writeReport(name: string, docs: Parameters<typeof analyseReport>[0]['docs']): string {
  const file = join(folder, name);
  writeFileSync(file, renderReport(analyseReport({ docs, segmenter, field: 'city' }, { stopwords: { names: '' }, sources: name })));
  return file;
}

/** Opens a page, noting every request it makes and every dialog (alert) it opens. */
async function open(browser: Browser, file: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, dialogs };
}

const SKIP_REASON = `${CHROMIUM} is missing; install it with: apt-get install -y chromium fonts-noto-cjk`;
// The default reporter shows no names of skipped tests, so the reason also goes to stderr.
if (!hasChromium) console.warn(`tifa browser test skipped: ${SKIP_REASON}`);

describe.skipIf(!hasChromium)(hasChromium ? `report in ${CHROMIUM}` : `SKIPPED: ${SKIP_REASON}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart with its labels, requests nothing but the file itself, and leaves a screenshot', async () => {
    const file = writeReport('report.html', [...readCorpus([bundledCorpusPath()], { onBadFile: 'stop', warn: () => {} })]);
    const { page, requests, dialogs } = await open(browser, file);
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg')!;
        const box = svg.getBoundingClientRect();
        return {
          id: (figure as HTMLElement).dataset.chart,
          width: box.width,
          height: box.height,
          shapes: svg.querySelectorAll('path, rect, polygon').length,
          labels: [...svg.querySelectorAll('text')].map((t) => t.textContent),
        };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(['heatmap', 'keyness', 'themes', 'network', 'dispersion']);
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(300);
      expect(chart.height, chart.id).toBeGreaterThan(150);
      expect(chart.shapes, chart.id).toBeGreaterThan(10);
    }
    for (const id of ['heatmap', 'keyness', 'themes', 'network']) expect(charts.find((c) => c.id === id)!.labels, id).toEqual(expect.arrayContaining(CITIES));
    expect(charts.find((c) => c.id === 'heatmap')!.labels).toEqual(expect.arrayContaining(['中国式现代化', '公安工作现代化']));
    expect(charts.find((c) => c.id === 'dispersion')!.labels).toEqual(expect.arrayContaining(['中国式现代化', '02-黄山']));
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(dialogs).toEqual([]);

    const screenshot = join(folder, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`report screenshot: ${screenshot}`);
    await page.close();
  });

  it('shows hostile corpus text as text: no script runs, no image loads, no request leaves', async () => {
    const hostile = '<script>alert(1)</script><img src="https://example.com/x.png" onerror="alert(2)">';
    const text = '坚决做到“两个确立”“两个维护”。推进“</text><i>劣</i>”落地。公安工作现代化是中国式现代化的一部分。';
    const file = writeReport('hostile.html', [
      fakeDoc('a', { city: '<b>甲</b>', title: hostile }, text + '甲方甲方甲方。'),
      fakeDoc('b', { city: hostile }, text),
    ]);
    const { page, requests, dialogs } = await open(browser, file);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.$$eval('script, img, i', (elements) => elements.length)).toBe(0);
    // The page's own <b> elements name the groups; a city of markup is their text, not more elements.
    expect(await page.$$eval('b', (bs) => bs.map((b) => [b.textContent, b.children.length]))).toEqual([
      ['<b>甲</b>', 0],
      [hostile, 0],
    ]);
    expect(await page.locator('body').innerText()).toContain(hostile);
    const heatmapLabels = await page.$$eval('figure[data-chart="heatmap"] text', (texts) => texts.map((t) => t.textContent));
    expect(heatmapLabels).toEqual(expect.arrayContaining(['<b>甲</b>', hostile, '</text><i>劣</i>']));
    await page.close();
  });
});
