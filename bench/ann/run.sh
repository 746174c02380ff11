#!/usr/bin/env bash
# ANN side by side (bench/ann/README.md), in one run: vexdb's HNSW in-process vs hnswlib and faiss
# HNSWFlat, then vexdb through SQL vs MariaDB 11.8 and pgvector through SQL, then the plot.
#
# Builds vexdb_ann_bench and vexdb-server, makes a Python venv with the peers and SQL clients
# (hnswlib compiled from source, which its setup.py does with -march=native; faiss-cpu, whose
# wheel dispatches to AVX2/AVX-512 at run time), installs the Debian package
# dataset-fashion-mnist if it is missing, embeds text-384 once (embed_text.py, in a venv of its
# own), writes the datasets, runs compare.py (results/latest.txt), starts the SQL peers
# (peers_sql.sh: Debian 13 packages in a chroot; needs root), runs sql_bench.py
# (results/sql_latest.txt) and plot.py (results/recall_qps.png).
#
# Settings (environment): BUILD_DIR (default build), WORK (default build-ann: the venvs, the
# datasets, the peers' chroot), DATASETS, ROUNDS, RUNS, QUERIES, EF, M, EF_CONSTRUCTION, OUT;
# SQL_DATASETS (default: DATASETS; empty skips the SQL side), SQL_QUERIES (2000), SQL_RUNS (3),
# SQL_QUANTIZATION (NONE,INT8: vexdb's indexes through SQL, each against the same peers), SQL_OUT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly HERE="$ROOT/bench/ann"
readonly BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
readonly WORK="${WORK:-$ROOT/build-ann}"
readonly VENV="$WORK/venv"
readonly EMBED_VENV="$WORK/embed-venv"
readonly DATASETS="${DATASETS:-fashion-mnist,synthetic-128,text-384}"
readonly ROUNDS="${ROUNDS:-2}"
readonly RUNS="${RUNS:-3}"
readonly QUERIES="${QUERIES:-0}"
readonly EF="${EF:-10,15,20,30,40,80,120,200,400}"
readonly M="${M:-16}"
readonly EF_CONSTRUCTION="${EF_CONSTRUCTION:-200}"
readonly OUT="${OUT:-$HERE/results/latest.txt}"
readonly SQL_DATASETS="${SQL_DATASETS-$DATASETS}"
readonly SQL_QUERIES="${SQL_QUERIES:-2000}"
readonly SQL_RUNS="${SQL_RUNS:-3}"
readonly SQL_QUANTIZATION="${SQL_QUANTIZATION:-NONE,INT8}"
readonly SQL_OUT="${SQL_OUT:-$HERE/results/sql_latest.txt}"

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

# make_venv DIR REQUIREMENTS [PIP_FLAGS...]: (re)creates DIR when REQUIREMENTS changes (a stamp
# records its hash).
make_venv() {
  local venv="$1" requirements="$2"
  shift 2
  local stamp="$venv/.requirements.sha256"
  local wanted
  wanted="$(sha256sum <"$requirements" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
    return
  fi
  log "creating $venv from $(basename "$requirements") (takes a few minutes)"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-cache-dir "$@" -r "$requirements"
  echo "$wanted" >"$stamp"
}

ensure_venv() {
  make_venv "$VENV" "$HERE/requirements.txt" --no-binary hnswlib
}

# text-384 is embedded once, on the CPU (about half an hour on 2 cores), into $WORK/data.
ensure_text_dataset() {
  if [[ ",$DATASETS,$SQL_DATASETS," != *,text-384,* ||
        -f "$WORK/data/text-384/meta.json" ]]; then
    return
  fi
  make_venv "$EMBED_VENV" "$HERE/requirements-embed.txt"
  log "embedding text-384 with all-MiniLM-L6-v2"
  "$EMBED_VENV/bin/python" "$HERE/embed_text.py" --work "$WORK"
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
  cmake --build "$BUILD_DIR" --target vexdb_ann_bench vexdb-server
}

stop_sql_peers() {
  as_root env WORK="$WORK" "$HERE/peers_sql.sh" stop
}

run_sql() {
  as_root env WORK="$WORK" "$HERE/peers_sql.sh" start
  trap stop_sql_peers EXIT
  "$VENV/bin/python" "$HERE/sql_bench.py" --server "$BUILD_DIR/bin/vexdb-server" \
    --data-dir "$WORK/data" --datasets "$SQL_DATASETS" --queries "$SQL_QUERIES" --ef "$EF" \
    --runs "$SQL_RUNS" --quantization "$SQL_QUANTIZATION" --in-process "${OUT%.*}.json" \
    --out "$SQL_OUT"
  stop_sql_peers
  trap - EXIT
  log "wrote $SQL_OUT"
}

main() {
  "$ROOT/scripts/setup.sh" --ann  # the fashion-mnist data, what mysqlclient compiles against
  ensure_venv
  check_hnswlib_native
  build_bench
  mkdir -p "$WORK/data" "$(dirname "$OUT")"
  ensure_text_dataset
  "$VENV/bin/python" "$HERE/compare.py" --bench "$BUILD_DIR/bin/vexdb_ann_bench" \
    --data-dir "$WORK/data" --datasets "$DATASETS" --rounds "$ROUNDS" --runs "$RUNS" \
    --queries "$QUERIES" --ef "$EF" --m "$M" --ef-construction "$EF_CONSTRUCTION" --out "$OUT"
  log "wrote $OUT"
  local sql_json=""
  if [[ -n "$SQL_DATASETS" ]]; then
    run_sql
    sql_json="${SQL_OUT%.*}.json"
  fi
  "$VENV/bin/python" "$HERE/plot.py" --in-process "${OUT%.*}.json" --sql "$sql_json" \
    --out "$(dirname "$OUT")/recall_qps.png"
}

main "$@"
