import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutCloud, wordCloudSvg } from '../src/report/charts/wordCloud.js';
import { tifa } from './cli.js';

const words = Array.from({ length: 80 }, (_, i) => ({ term: `词${'语'.repeat(i % 4)}${i}`, count: 200 - i * 2 }));

describe('word cloud', () => {
  it('places words without overlap inside the panel, the most frequent at the centre, the same every time', () => {
    const placed = layoutCloud(words, 360, 260);
    expect(placed.length).toBeGreaterThan(15);
    for (const [i, a] of placed.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(360);
      for (const b of placed.slice(i + 1)) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    }
    expect(placed[0].term).toBe('词0');
    expect(placed[0].x + placed[0].w / 2).toBeCloseTo(180, 0);
    expect(layoutCloud(words, 360, 260)).toEqual(placed);
    expect(placed[0].size).toBeGreaterThan(placed[placed.length - 1].size);
  });

  it('escapes words and draws one panel per group', () => {
    const svg = wordCloudSvg([{ title: '甲<', words: [{ term: 'a&b', count: 2 }] }, { title: '乙', words: [] }]);
    expect(svg).toContain('甲&lt;');
    expect(svg).toContain('>a&amp;b</text>');
    expect(svg.match(/<g transform/g)).toHaveLength(2);
  });

  it('tifa plot cloud writes the clouds of the five cities', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tifa-cloud-')), 'cloud.svg');
    const run = tifa(['plot', 'cloud', '-o', file]);
    expect(run.code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    for (const city of ['齐齐哈尔', '黄山', '宜昌', '天水', '章丘']) expect(svg).toContain(`>${city}</text>`);
  });
});
