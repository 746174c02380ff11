#!/usr/bin/env bash
# ANN side by side: vexdb's HNSW in-process vs hnswlib and faiss HNSWFlat (bench/ann/README.md).
#
# Builds vexdb_ann_bench, makes a Python venv with the peers (hnswlib compiled from source, which
# its setup.py does with -march=native; faiss-cpu, whose wheel dispatches to AVX2/AVX-512 at run
# time), installs the Debian package dataset-fashion-mnist if it is missing, writes the datasets,
# runs compare.py and writes the tables to bench/ann/results/latest.txt.
#
# Settings (environment): BUILD_DIR (default build), WORK (default build-ann: the venv and the
# datasets), DATASETS, ROUNDS, RUNS, QUERIES, EF, M, EF_CONSTRUCTION, OUT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly HERE="$ROOT/bench/ann"
readonly BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
readonly WORK="${WORK:-$ROOT/build-ann}"
readonly VENV="$WORK/venv"
readonly DATASETS="${DATASETS:-fashion-mnist,synthetic-128}"
readonly ROUNDS="${ROUNDS:-2}"
readonly RUNS="${RUNS:-3}"
readonly QUERIES="${QUERIES:-0}"
readonly EF="${EF:-10,20,40,80,120,200,400}"
readonly M="${M:-16}"
readonly EF_CONSTRUCTION="${EF_CONSTRUCTION:-200}"
readonly OUT="${OUT:-$HERE/results/latest.txt}"

log() {
  echo "bench/ann: $*" >&2
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    log "need root or sudo to run: $*"
    exit 1
  fi
}

ensure_dataset_package() {
  if ! dpkg-query -W -f='${Status}\n' dataset-fashion-mnist 2>/dev/null |
      grep -qx 'install ok installed'; then
    log "installing dataset-fashion-mnist"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist
  fi
}

# The venv is rebuilt when requirements.txt changes (a stamp records its hash).
ensure_venv() {
  local stamp="$VENV/.requirements.sha256"
  local wanted
  wanted="$(sha256sum <"$HERE/requirements.txt" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
    return
  fi
  log "creating $VENV (compiles hnswlib; takes a few minutes)"
  rm -rf "$VENV"
  /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --no-cache-dir --no-binary hnswlib -r "$HERE/requirements.txt"
  echo "$wanted" >"$stamp"
}

# hnswlib must run its native build, or the comparison is against an SSE-only library.
check_hnswlib_native() {
  local library
  library="$("$VENV/bin/python" -c 'import hnswlib; print(hnswlib.__file__)')"
  local wide
  wide="$(objdump -d "$library" | grep -c -E '%(y|z)mm' || true)"
  if [[ "$wide" -eq 0 ]]; then
    log "warning: $library has no AVX instructions; it was not built with -march=native"
  else
    log "hnswlib uses AVX/AVX-512 ($wide ymm/zmm instructions in $library)"
  fi
}

build_bench() {
  if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fi
  cmake --build "$BUILD_DIR" --target vexdb_ann_bench
}

main() {
  ensure_dataset_package
  ensure_venv
  check_hnswlib_native
  build_bench
  mkdir -p "$WORK/data" "$(dirname "$OUT")"
  "$VENV/bin/python" "$HERE/compare.py" --bench "$BUILD_DIR/bin/vexdb_ann_bench" \
    --data-dir "$WORK/data" --datasets "$DATASETS" --rounds "$ROUNDS" --runs "$RUNS" \
    --queries "$QUERIES" --ef "$EF" --m "$M" --ef-construction "$EF_CONSTRUCTION" --out "$OUT"
  log "wrote $OUT"
}

main "$@"
