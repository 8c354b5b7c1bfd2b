import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTerms } from '../src/analysis/documentTerms.js';
import { fitTopics, topicShares, topicSummary, topTerms, umassCoherence, type TopicModel } from '../src/analysis/topics.js';
import { tifa } from './cli.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

// Two vocabularies that never meet: a model with k = 2 must give each its own topic.
const farm = '稻 麦 稻 麦 粮 稻 粮 麦';
const factory = '钢 煤 钢 电 煤 电 钢 煤';
const docs = [farm, factory, farm, factory, `${farm} ${farm}`, factory].map((t, i) => fakeDoc(`d${i}`, { kind: i % 2 ? 'factory' : 'farm' }, t));
const options = { k: 2, seed: 7, iterations: 200, alpha: 0.1, beta: 0.01, minDocs: 1 };

describe('LDA by collapsed Gibbs sampling', () => {
  const dt = documentTerms(docs, spaceSegmenter);

  it('separates two vocabularies that never share a document', () => {
    const model = fitTopics(dt, options);
    const tops = [0, 1].map((k) => new Set(topTerms(model, k, 3).map((w) => model.vocabulary[w])));
    expect(tops.map((s) => [...s].sort().join(''))).toEqual(expect.arrayContaining([['稻', '粮', '麦'].sort().join(''), ['煤', '电', '钢'].sort().join('')]));
    // θ and φ are distributions.
    for (const row of model.theta) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (const row of model.phi) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // Farm documents are almost all one topic.
    const farmTopic = model.theta[0][0] > 0.5 ? 0 : 1;
    expect(model.theta[2][farmTopic]).toBeGreaterThan(0.9);
    expect(model.theta[1][farmTopic]).toBeLessThan(0.1);
  });

  it('is reproducible per seed', () => {
    const a = fitTopics(dt, options);
    const b = fitTopics(dt, options);
    expect(b.phi).toEqual(a.phi);
    expect(b.theta).toEqual(a.theta);
  });

  it('groups document shares by a field', () => {
    const model = fitTopics(dt, options);
    const table = topicShares(model, dt, 'kind');
    expect(table.columns).toEqual(['kind', 'docs', 'topic1', 'topic2']);
    expect(table.rows.map((r) => [r.kind, r.docs])).toEqual([['farm', 3], ['factory', 3]]);
    expect(topicSummary(model, 3).columns).toEqual(['topic', 'share', 'umass', 'terms']);
  });

  it('UMass coherence: Σ ln((D(v_m, v_l) + 1)/D(v_l)) over the top terms', () => {
    // Documents {0,1}, {0}, {1,2}: D(0) = 2, D(1) = 2, D(0,1) = 1, D(0,2) = 0, D(1,2) = 1.
    const rows = [{ ids: [0, 1] }, { ids: [0] }, { ids: [1, 2] }];
    const model = { docTerms: { rows, modelId: Int32Array.of(0, 1, 2) } } as unknown as TopicModel;
    expect(umassCoherence(model, [0, 1])).toBeCloseTo(Math.log(2 / 2), 12);
    expect(umassCoherence(model, [0, 1, 2])).toBeCloseTo(Math.log(2 / 2) + Math.log(1 / 2) + Math.log(2 / 2), 12);
  });
});

describe('tifa topics (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-topics-'));
  docs.forEach((d) => writeFileSync(join(dir, `${d.id}.txt`), d.text.replace(/ /g, '，')));
  const run = (extra: string[] = []) => tifa(['topics', dir, '--k', '2', '--seed', '3', '--iterations', '100', '--min-docs', '1', '--format', 'tsv', ...extra]);

  it('prints the same topics for the same seed, and writes the small multiples', () => {
    const svg = join(dir, 'topics.svg');
    const first = run(['--svg', svg]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(run().stdout);
    expect(first.stdout.split('\n')[0]).toBe('topic\tshare\tumass\tterms');
    expect(readFileSync(svg, 'utf8')).toContain('topic 2');
  });

  it('--by without --show docs is a usage error', () => {
    const bad = run(['--by', 'kind']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tifa: --by groups topic shares: it goes with --show docs\n');
  });
});
