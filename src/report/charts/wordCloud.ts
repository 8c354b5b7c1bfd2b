import { escapeHtml } from '../html.js';
import { CJK_FONT_FAMILY, GROUP_PALETTE } from './renderChart.js';

export interface CloudWord {
  term: string;
  count: number;
}

export interface CloudPanel {
  title: string;
  words: CloudWord[];
}

const PANEL_WIDTH = 360;
const PANEL_HEIGHT = 260;
const TITLE_HEIGHT = 26;
const PANELS_PER_ROW = 3;
const MIN_FONT = 11;
const MAX_FONT = 40;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Width of a word at a font size: CJK one em a character, other characters about 0.6 em (as labelWidth). */
function wordWidth(term: string, size: number): number {
  let w = 0;
  for (const ch of term) w += ch.codePointAt(0)! >= 0x2e80 ? size : size * 0.6;
  return w;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Places one panel's words, most frequent first, each at the first free spot along an Archimedean spiral from the
 * centre (Wordle's method, without randomness: the same counts always give the same picture). Font size grows
 * with the square root of the count, so that area follows frequency; a word with no room left is dropped.
 */
export function layoutCloud(words: CloudWord[], width: number, height: number): Array<CloudWord & Box & { size: number }> {
  const sorted = [...words].sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
  const max = Math.max(1, ...sorted.map((w) => w.count));
  const min = Math.min(max, ...sorted.map((w) => w.count));
  const placed: Array<CloudWord & Box & { size: number }> = [];
  for (const word of sorted) {
    const t = max === min ? 1 : Math.sqrt((word.count - min) / (max - min));
    let size = MIN_FONT + t * (MAX_FONT - MIN_FONT);
    // A word wider than the panel is shrunk to fit.
    size = Math.min(size, (size * (width - 8)) / Math.max(1, wordWidth(word.term, size)));
    // A gap of a third of an em around each word, so that neighbours never read as one word (改革 落实 → 改革落实).
    const w = wordWidth(word.term, size) + size / 3;
    const h = size * 1.2;
    for (let step = 0; step < 2400; step++) {
      const angle = step * 0.12;
      const radius = 1.6 * angle;
      const cx = width / 2 + radius * Math.cos(angle);
      const cy = height / 2 + radius * Math.sin(angle) * (height / width);
      const box = { x: cx - w / 2, y: cy - h / 2, w, h };
      if (box.x < 2 || box.y < 2 || box.x + w > width - 2 || box.y + h > height - 2) continue;
      if (placed.some((p) => overlaps(p, box))) continue;
      placed.push({ ...word, ...box, size });
      break;
    }
  }
  return placed;
}

/** Word clouds as small multiples, one panel per group, in the groups' colours; plain SVG text, no canvas. */
export function wordCloudSvg(panels: CloudPanel[]): string {
  const columns = Math.min(PANELS_PER_ROW, Math.max(1, panels.length));
  const rows = Math.ceil(panels.length / columns);
  const width = columns * PANEL_WIDTH;
  const height = rows * (PANEL_HEIGHT + TITLE_HEIGHT);
  const parts: string[] = [];
  panels.forEach((panel, i) => {
    const left = (i % columns) * PANEL_WIDTH;
    const top = Math.floor(i / columns) * (PANEL_HEIGHT + TITLE_HEIGHT);
    const color = GROUP_PALETTE[i % GROUP_PALETTE.length];
    parts.push(`<g transform="translate(${left},${top})">`);
    parts.push(`<text x="8" y="18" font-size="14" font-weight="bold" fill="${color}">${escapeHtml(panel.title)}</text>`);
    for (const w of layoutCloud(panel.words, PANEL_WIDTH, PANEL_HEIGHT)) {
      // Larger words in the panel's colour, smaller ones greyer: the eye reads the big ones first anyway.
      const fill = w.size >= (MIN_FONT + MAX_FONT) / 2 ? color : '#555555';
      parts.push(
        `<text x="${(w.x + w.w / 2).toFixed(1)}" y="${(TITLE_HEIGHT + w.y + w.h / 2).toFixed(1)}" font-size="${w.size.toFixed(1)}" fill="${fill}" text-anchor="middle" dominant-baseline="central"><title>${escapeHtml(`${w.term}: ${w.count}`)}</title>${escapeHtml(w.term)}</text>`,
      );
    }
    parts.push('</g>');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CJK_FONT_FAMILY}">`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    ...parts,
    '</svg>',
  ].join('\n') + '\n';
}
