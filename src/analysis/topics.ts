import type { ResultTable, Row } from '../resultTable.js';
import { documentUnits, type DocumentTerms } from './documentTerms.js';
import { seededRandom } from './random.js';

/**
 * LDA topic model (Blei, Ng & Jordan 2003) fitted by collapsed Gibbs sampling (Griffiths & Steyvers 2004): every
 * token carries a topic z; each sweep resamples it from p(z = k) ∝ (n_dk + α)·(n_kw + β)/(n_k + V·β), counts
 * excluding the token itself. The seeded generator and a fixed token order make a run reproducible per seed.
 * After the last sweep, φ_kw = (n_kw + β)/(n_k + V·β) and θ_dk = (n_dk + α)/(n_d + K·α).
 */
export interface TopicOptions {
  k: number;
  seed: number;
  iterations: number;
  alpha: number;
  beta: number;
  /** Terms used in fewer documents are left out of the model (they cannot shape a topic). */
  minDocs: number;
}

export interface TopicModel {
  k: number;
  vocabulary: string[];
  /** φ: [topic][term] probabilities. */
  phi: Float64Array[];
  /** θ: [document][topic] shares. */
  theta: Float64Array[];
  /** Tokens assigned to each topic, the topic's share of the corpus. */
  topicTokens: number[];
  /**
   * What the coherence counts co-documents from: each modelled document's term ids (of the DocumentTerms'
   * vocabulary, each once) and each id's model term (-1: left out). The document rows themselves, not a copy.
   */
  docTerms: { rows: ReadonlyArray<{ ids: ArrayLike<number> }>; modelId: Int32Array };
}

export function fitTopics(dt: DocumentTerms, options: TopicOptions): TopicModel {
  const { k: K, alpha, beta } = options;
  const { df } = dt;
  // Model ids for the terms kept, in order of first sight.
  const modelId = new Int32Array(dt.vocabulary.length).fill(-1);
  const vocabulary: string[] = [];
  dt.vocabulary.forEach((term, id) => {
    if (df[id] >= options.minDocs) modelId[id] = vocabulary.push(term) - 1;
  });
  const V = vocabulary.length;
  // The tokens in a fixed order, read from the document rows (document, then term, then its uses): per token
  // only its topic is held, in the smallest array that takes K values, so memory per token is 1 byte (K <= 256).
  let N = 0;
  for (const row of dt.rows) row.ids.forEach((id, j) => (N += modelId[id] < 0 ? 0 : row.counts[j]));
  const z = K <= 256 ? new Uint8Array(N) : K <= 65536 ? new Uint16Array(N) : new Int32Array(N);
  const D = dt.rows.length;
  const ndk = new Int32Array(D * K);
  const nkw = new Int32Array(K * V);
  const nk = new Int32Array(K);
  const nd = new Int32Array(D);
  const random = seededRandom(options.seed);
  let i = 0;
  dt.rows.forEach(({ ids, counts }, d) => {
    ids.forEach((id, j) => {
      const w = modelId[id];
      if (w < 0) return;
      for (let c = 0; c < counts[j]; c++, i++) {
        const k = Math.floor(random() * K);
        z[i] = k;
        ndk[d * K + k]++;
        nkw[k * V + w]++;
        nk[k]++;
        nd[d]++;
      }
    });
  });
  const p = new Float64Array(K);
  const vBeta = V * beta;
  for (let it = 0; it < options.iterations; it++) {
    let i = 0;
    for (let d = 0; d < D; d++) {
      const { ids, counts } = dt.rows[d];
      for (let j = 0; j < ids.length; j++) {
        const w = modelId[ids[j]];
        if (w < 0) continue;
        for (let c = counts[j]; c > 0; c--, i++) {
          let k = z[i];
          ndk[d * K + k]--;
          nkw[k * V + w]--;
          nk[k]--;
          let total = 0;
          for (let t = 0; t < K; t++) {
            total += ((ndk[d * K + t] + alpha) * (nkw[t * V + w] + beta)) / (nk[t] + vBeta);
            p[t] = total;
          }
          const u = random() * total;
          k = 0;
          while (k < K - 1 && p[k] <= u) k++;
          z[i] = k;
          ndk[d * K + k]++;
          nkw[k * V + w]++;
          nk[k]++;
        }
      }
    }
  }
  const phi = Array.from({ length: K }, (_, k) => {
    const row = new Float64Array(V);
    for (let w = 0; w < V; w++) row[w] = (nkw[k * V + w] + beta) / (nk[k] + vBeta);
    return row;
  });
  const theta = Array.from({ length: D }, (_, d) => {
    const row = new Float64Array(K);
    for (let k = 0; k < K; k++) row[k] = (ndk[d * K + k] + alpha) / (nd[d] + K * alpha);
    return row;
  });
  return { k: K, vocabulary, phi, theta, topicTokens: [...nk], docTerms: { rows: dt.rows, modelId } };
}

/** The n most probable terms of a topic (ties by term id). */
export function topTerms(model: TopicModel, topic: number, n: number): number[] {
  const row = model.phi[topic];
  return [...row.keys()].sort((a, b) => row[b] - row[a] || a - b).slice(0, n);
}

/**
 * UMass coherence (Mimno et al. 2011) of a topic's top terms v1…vM (most probable first):
 * C = Σ_{m=2..M} Σ_{l<m} ln((D(v_m, v_l) + 1)/D(v_l)), D = documents using the term(s). Closer to 0 is more
 * coherent; compare the mean over topics between values of k.
 */
export function umassCoherence(model: TopicModel, terms: number[]): number {
  // One pass over the documents counts D(v) and D(v_m, v_l) for the M terms at once.
  const M = terms.length;
  const at = new Map(terms.map((w, m) => [w, m]));
  const docs = new Int32Array(M * M);
  const present: number[] = [];
  const { rows, modelId } = model.docTerms;
  for (const { ids } of rows) {
    present.length = 0;
    for (let j = 0; j < ids.length; j++) {
      const m = at.get(modelId[ids[j]]);
      if (m !== undefined) present.push(m);
    }
    for (const a of present) for (const b of present) docs[a * M + b]++;
  }
  let c = 0;
  for (let m = 1; m < M; m++) {
    for (let l = 0; l < m; l++) c += Math.log((docs[m * M + l] + 1) / docs[l * M + l]);
  }
  return c;
}

/** One row per topic: topic, share (of the tokens), umass (coherence of the top terms), terms (top terms). */
export function topicSummary(model: TopicModel, top: number): ResultTable {
  const total = model.topicTokens.reduce((s, n) => s + n, 0);
  const rows: Row[] = model.phi.map((_, k) => {
    const terms = topTerms(model, k, top);
    return { topic: k + 1, share: total > 0 ? model.topicTokens[k] / total : 0, umass: umassCoherence(model, terms), terms: terms.map((w) => model.vocabulary[w]).join(' ') };
  });
  return { columns: ['topic', 'share', 'umass', 'terms'], rows, decimals: { share: 3, umass: 2 } };
}

/** Tidy top terms: topic, rank, term, weight (φ). */
export function topicWords(model: TopicModel, top: number): ResultTable {
  const rows: Row[] = [];
  model.phi.forEach((row, k) => topTerms(model, k, top).forEach((w, r) => rows.push({ topic: k + 1, rank: r + 1, term: model.vocabulary[w], weight: row[w] })));
  return { columns: ['topic', 'rank', 'term', 'weight'], rows, decimals: { weight: 4 } };
}

/**
 * Topic shares per document (`doc`, then `topic1` … `topicK`), or per value of `field`: the mean of its
 * documents' θ (documents without the field left out).
 */
export function topicShares(model: TopicModel, dt: DocumentTerms, field?: string): ResultTable {
  const topicColumns = model.phi.map((_, k) => `topic${k + 1}`);
  const decimals = Object.fromEntries(topicColumns.map((c) => [c, 3]));
  const unitColumn = field ?? 'doc';
  const rows: Row[] = documentUnits(dt, field).map(({ label, docs }) => {
    const row: Row = { [unitColumn]: label, docs: docs.length };
    topicColumns.forEach((c, k) => (row[c] = docs.reduce((s, d) => s + model.theta[d][k], 0) / docs.length));
    return row;
  });
  return { columns: [unitColumn, 'docs', ...topicColumns], rows, decimals };
}
