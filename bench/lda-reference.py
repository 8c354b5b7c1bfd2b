#!/usr/bin/python3
"""Checks `tifa topics` against scikit-learn's LDA (online/batch variational Bayes) on the same document-term matrix.

Usage (Debian: apt-get install python3-sklearn; sklearn takes α ≤ 1, hence --alpha 0.5 on both):
  tifa freq CORPUS --by id --content-words --to-simplified --min-length 2 --format csv > dtm.csv
  tifa topics CORPUS --k 10 --seed 1 --alpha 0.5 --content-words --to-simplified --min-length 2 --show words --top 100000 --format json > tifa.json
  /usr/bin/python3 bench/lda-reference.py dtm.csv tifa.json 10 0.5

Prints, for tifa's topics matched one to one with sklearn's (Hungarian assignment on the cosine of the topic-word
distributions): the cosine, the top-10 overlap, and the mean UMass coherence of both models' top 10 words.
Not part of `npm test`: the test suite never needs Python.
"""
import csv
import json
import math
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import LatentDirichletAllocation

dtm_file, tifa_file, k, alpha = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
with open(dtm_file, encoding='utf-8-sig') as f:
    rows = list(csv.DictReader(f))
# freq --by id: columns term, total, per10k, then <doc>, <doc>_per10k per document, docfreq.
docs = [c for c in rows[0].keys() if c + '_per10k' in rows[0]]
rows = [r for r in rows if int(r['docfreq']) >= 2]  # tifa topics --min-docs 2
vocab = [r['term'] for r in rows]
X = np.array([[int(r[d]) for r in rows] for d in docs], dtype=float)
print(f'documents {len(docs)}, terms {len(vocab)}, tokens {int(X.sum())}')

lda = LatentDirichletAllocation(n_components=k, doc_topic_prior=alpha, topic_word_prior=0.01,
                                learning_method='batch', max_iter=200, random_state=1)
lda.fit(X)
sk_phi = lda.components_ / lda.components_.sum(axis=1, keepdims=True)

with open(tifa_file, encoding='utf-8') as f:
    words = json.load(f)
index = {t: i for i, t in enumerate(vocab)}
tifa_phi = np.zeros((k, len(vocab)))
missing = set()
for w in words:
    if w['term'] in index:
        tifa_phi[w['topic'] - 1, index[w['term']]] = w['weight']
    else:
        missing.add(w['term'])
print(f'tifa terms not in the freq matrix: {len(missing)}')

present = X > 0
def umass(top):
    c = 0.0
    for m in range(1, len(top)):
        for l in range(m):
            both = np.logical_and(present[:, top[m]], present[:, top[l]]).sum()
            c += math.log((both + 1) / present[:, top[l]].sum())
    return c

def tops(phi):
    return [list(np.argsort(-row, kind='stable')[:10]) for row in phi]

tifa_top, sk_top = tops(tifa_phi), tops(sk_phi)
norm = lambda a: a / np.linalg.norm(a, axis=1, keepdims=True)
cos = norm(tifa_phi) @ norm(sk_phi).T
r, c = linear_sum_assignment(-cos)
for i, j in zip(r, c):
    overlap = len(set(tifa_top[i]) & set(sk_top[j]))
    print(f'tifa {i + 1:2d} ~ sklearn {j + 1:2d}: cosine {cos[i, j]:.3f}, top-10 overlap {overlap}/10, '
          f'umass {umass(tifa_top[i]):7.2f} vs {umass(sk_top[j]):7.2f}  | {" ".join(vocab[w] for w in tifa_top[i][:6])} | {" ".join(vocab[w] for w in sk_top[j][:6])}')
print(f'mean matched cosine {cos[r, c].mean():.3f}; mean UMass tifa {np.mean([umass(t) for t in tifa_top]):.2f}, '
      f'sklearn {np.mean([umass(t) for t in sk_top]):.2f}')
