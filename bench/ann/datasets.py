"""Datasets for bench/ann, written as fvecs/ivecs files that every system under test reads.

Each dataset is a directory holding
  base.fvecs             the vectors to index
  query.fvecs            the queries
  truth.ivecs            per query, the ids of the TRUTH_K exact nearest neighbours
  truth_distances.fvecs  their distances (Euclidean, or cosine distance), nearest first
  meta.json              {"name", "metric", "rows", "queries", "dimension"}

Datasets:
  fashion-mnist   Zalando's Fashion-MNIST from the Debian package dataset-fashion-mnist:
                  60,000 train images as the base, the 10,000 test images as queries, 784 uint8
                  pixels as float32, L2. The same split and values as ann-benchmarks'
                  fashion-mnist-784-euclidean.
  synthetic-128   100,000 base + 10,000 query vectors, 128-d, around 1,000 Gaussian centres
                  (numpy, fixed seed), L2.
  text-384        100,000 base + 10,000 query sentences of real English text, the sentences of
                  Debian's package long descriptions (the Translation-en index of the main
                  archive), embedded with all-MiniLM-L6-v2 into 384-d unit vectors, cosine.
                  Embedding needs torch, so it is a separate offline step (embed_text.py, in its
                  own venv); prepare() only reads what that step wrote.
"""

import gzip
import json
import os
import random
import re
import struct

import numpy as np

TRUTH_K = 100
FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist"
DATASETS = ("fashion-mnist", "synthetic-128", "text-384")
TEXT_BASE = 100_000
TEXT_QUERIES = 10_000
TEXT_MIN_WORDS = 6
TEXT_MAX_WORDS = 80


def write_fvecs(path, matrix):
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    rows, dim = matrix.shape
    out = np.empty((rows, dim + 1), dtype=np.float32)
    out[:, 0] = np.array([dim], dtype=np.int32).view(np.float32)[0]
    out[:, 1:] = matrix
    out.tofile(path)


def write_ivecs(path, matrix):
    matrix = np.ascontiguousarray(matrix, dtype=np.int32)
    rows, dim = matrix.shape
    out = np.empty((rows, dim + 1), dtype=np.int32)
    out[:, 0] = dim
    out[:, 1:] = matrix
    out.tofile(path)


def read_fvecs(path):
    raw = np.fromfile(path, dtype=np.int32)
    dim = raw[0]
    return raw.reshape(-1, dim + 1)[:, 1:].view(np.float32).copy()


def read_ivecs(path):
    raw = np.fromfile(path, dtype=np.int32)
    return raw.reshape(-1, raw[0] + 1)[:, 1:].copy()


def read_idx_images(path):
    """An IDX3 file (MNIST's format): magic 0x803, count, rows, cols (big-endian), then bytes."""
    with gzip.open(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            raise ValueError(f"{path}: not an IDX3 image file (magic {magic:#x})")
        pixels = np.frombuffer(f.read(), dtype=np.uint8)
    return pixels.reshape(count, rows * cols).astype(np.float32)


def fashion_mnist():
    base = read_idx_images(os.path.join(FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz"))
    queries = read_idx_images(os.path.join(FASHION_MNIST_DIR, "t10k-images-idx3-ubyte.gz"))
    return base, queries, "l2"


def synthetic_128(rows=100_000, queries=10_000, dim=128, centres=1_000, seed=42):
    rng = np.random.default_rng(seed)
    centre_points = rng.uniform(-1.0, 1.0, size=(centres, dim)).astype(np.float32)
    total = rows + queries
    data = centre_points[rng.integers(0, centres, size=total)]
    data += rng.normal(0.0, 0.15, size=(total, dim)).astype(np.float32)
    return data[:rows], data[rows:], "l2"


def description_paragraphs(path):
    """The paragraphs of every long description in a Debian Translation-en index (deb822
    records: `Description-en: <short>` then the long text on lines indented by one space, ` .`
    between paragraphs). A bulleted line (`*`, `-`, `+`, `o`) is a paragraph of its own."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    paragraphs, current, in_description = [], [], False
    for line in lines + [""]:
        if line.startswith("Description-en:"):
            in_description = True
            continue
        if not (in_description and line.startswith(" ")):
            in_description = False
        body = line[1:].strip() if in_description else ""
        bullet = re.match(r"^([*+o-])\s+", body)
        if not in_description or body == "." or bullet:
            if current:
                paragraphs.append(" ".join(current))
            current = [body[bullet.end():]] if bullet else []
        elif body:
            current.append(body)
    return paragraphs


def description_sentences(path):
    """The distinct sentences of TEXT_MIN_WORDS..TEXT_MAX_WORDS words in a Translation-en index,
    whitespace collapsed; duplicates (case-insensitive) kept once, in first-seen order."""
    seen, sentences = set(), []
    for paragraph in description_paragraphs(path):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph):
            sentence = " ".join(sentence.split())
            words = len(sentence.split())
            key = sentence.lower()
            if TEXT_MIN_WORDS <= words <= TEXT_MAX_WORDS and key not in seen:
                seen.add(key)
                sentences.append(sentence)
    return sentences


def text_corpus(path, rows=TEXT_BASE, queries=TEXT_QUERIES, seed=42):
    """(base texts, query texts): a fixed-seed shuffle of the description sentences, split."""
    sentences = sorted(description_sentences(path))
    if len(sentences) < rows + queries:
        raise ValueError(f"{path}: {len(sentences)} sentences, need {rows + queries}")
    random.Random(seed).shuffle(sentences)
    return sentences[:rows], sentences[rows:rows + queries]


def exact_neighbours(base, queries, k, metric, block=1000, exact_block=32):
    """Exact k nearest ids and distances: a BLAS pass picks 2k candidates, float64 ranks them."""
    if metric == "cosine":
        base = base / np.maximum(np.linalg.norm(base, axis=1, keepdims=True), 1e-30)
        queries = queries / np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-30)
    base_norms = (base.astype(np.float64) ** 2).sum(axis=1).astype(np.float32)
    ids = np.empty((len(queries), k), dtype=np.int32)
    distances = np.empty((len(queries), k), dtype=np.float32)
    wide = min(2 * k, len(base))
    for start in range(0, len(queries), block):
        q = queries[start:start + block]
        approx = base_norms[None, :] - 2.0 * (q @ base.T)
        candidates = np.argpartition(approx, wide - 1, axis=1)[:, :wide]
        for sub in range(0, len(q), exact_block):
            rows = slice(sub, sub + exact_block)
            diff = base[candidates[rows]].astype(np.float64) - q[rows, None, :].astype(np.float64)
            exact = np.sqrt((diff ** 2).sum(axis=2))
            if metric == "cosine":
                exact = exact ** 2 / 2  # for unit vectors |a - b|^2 = 2 (1 - cos)
            order = np.argsort(exact, axis=1, kind="stable")[:, :k]
            out = slice(start + sub, start + min(sub + exact_block, len(q)))
            ids[out] = np.take_along_axis(candidates[rows], order, axis=1)
            distances[out] = np.take_along_axis(exact, order, axis=1)
    return ids, distances


def prepare(name, data_dir):
    """Writes dataset `name` under data_dir/name unless it is there; returns its directory.
    text-384 must have been embedded first (embed_text.py writes it whole)."""
    directory = os.path.join(data_dir, name)
    if os.path.exists(os.path.join(directory, "meta.json")):
        return directory
    if name == "text-384":
        raise SystemExit(f"{directory} is missing: text-384 is embedded offline by "
                         "bench/ann/embed_text.py (bench/ann/run.sh runs it)")
    base, queries, metric = fashion_mnist() if name == "fashion-mnist" else synthetic_128()
    return write_dataset(directory, name, base, queries, metric)


def write_dataset(directory, name, base, queries, metric, extra_meta=None):
    """Writes base, queries, their exact ground truth and meta.json (last, so that a dataset
    with a meta.json is complete) into `directory`; returns it."""
    os.makedirs(directory, exist_ok=True)
    ids, distances = exact_neighbours(base, queries, TRUTH_K, metric)
    write_fvecs(os.path.join(directory, "base.fvecs"), base)
    write_fvecs(os.path.join(directory, "query.fvecs"), queries)
    write_ivecs(os.path.join(directory, "truth.ivecs"), ids)
    write_fvecs(os.path.join(directory, "truth_distances.fvecs"), distances)
    meta = {"name": name, "metric": metric, "rows": len(base), "queries": len(queries),
            "dimension": base.shape[1], **(extra_meta or {})}
    with open(os.path.join(directory, "meta.json"), "w") as f:
        json.dump(meta, f)
    return directory


def read_meta(directory):
    with open(os.path.join(directory, "meta.json")) as f:
        return json.load(f)


def load(directory):
    """(meta, base, queries, truth distances) of a prepared dataset."""
    return (read_meta(directory), read_fvecs(os.path.join(directory, "base.fvecs")),
            read_fvecs(os.path.join(directory, "query.fvecs")),
            read_fvecs(os.path.join(directory, "truth_distances.fvecs")))
