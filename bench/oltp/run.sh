#!/usr/bin/env bash
# OLTP side by side: sysbench against vexdb and against MariaDB 10.11 (Debian), loopback only.
#
# Starts a private MariaDB (its own temp datadir, 127.0.0.1:$MARIADB_PORT, as the current user)
# and a private vexdb (temp data dir, 127.0.0.1:$VEXDB_PORT), runs each sysbench workload at each
# thread count against both (prepare, run, cleanup every time), prints QPS and the vexdb/MariaDB
# ratio, and stops both servers. Installs sysbench and mariadb-server if they are missing.
#
# Settings (environment): WORKLOADS, THREADS, TIME, TABLE_SIZE, MARIADB_PORT, VEXDB_PORT,
# VEXDB_SERVER (default build/bin/vexdb-server; run `make build` first, or use `make bench`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly WORKLOADS="${WORKLOADS:-oltp_point_select oltp_insert}"
readonly THREADS="${THREADS:-1 8}"
readonly TIME="${TIME:-20}"
readonly TABLE_SIZE="${TABLE_SIZE:-10000}"
readonly MARIADB_PORT="${MARIADB_PORT:-3307}"
readonly VEXDB_PORT="${VEXDB_PORT:-4100}"
readonly VEXDB_SERVER="${VEXDB_SERVER:-$ROOT/build/bin/vexdb-server}"
readonly HOST=127.0.0.1
readonly START_TIMEOUT=60

WORK=""
MARIADB_PID=""
VEXDB_PID=""

log() {
  echo "bench: $*" >&2
}

# Usage: wait_until PID NAME COMMAND...: retries COMMAND until it succeeds, for at most
# START_TIMEOUT seconds; fails early if process PID exits.
wait_until() {
  local pid=$1 what=$2
  shift 2
  local deadline=$((SECONDS + START_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$what exited during startup; see $WORK"
      return 1
    fi
    if ((SECONDS > deadline)); then
      log "$what not ready after ${START_TIMEOUT}s; see $WORK"
      return 1
    fi
    sleep 0.2
  done
}

stop_server() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_server "$VEXDB_PID"
  stop_server "$MARIADB_PID"
  [[ -n "$WORK" ]] && rm -rf "$WORK"
}

start_mariadb() {
  local datadir="$WORK/mariadb" user
  user="$(id -un)"
  log "starting MariaDB on $HOST:$MARIADB_PORT"
  mariadb-install-db --no-defaults --datadir="$datadir" --user="$user" \
    --auth-root-authentication-method=normal --skip-test-db >"$WORK/mariadb-install.log" 2>&1
  mariadbd --no-defaults --datadir="$datadir" --user="$user" --bind-address="$HOST" \
    --port="$MARIADB_PORT" --socket="$WORK/mariadb.sock" --pid-file="$WORK/mariadb.pid" \
    --skip-name-resolve --max-connections=100 --innodb-buffer-pool-size=1G \
    --log-error="$WORK/mariadb.log" &
  MARIADB_PID=$!
  wait_until "$MARIADB_PID" MariaDB mariadb-admin --socket="$WORK/mariadb.sock" -uroot ping
  mariadb --socket="$WORK/mariadb.sock" -uroot -e "
    CREATE USER IF NOT EXISTS 'root'@'$HOST';
    GRANT ALL ON *.* TO 'root'@'$HOST';
    CREATE DATABASE sbtest;"
}

start_vexdb() {
  [[ -x "$VEXDB_SERVER" ]] || { log "$VEXDB_SERVER not found; run make build"; return 1; }
  log "starting vexdb on $HOST:$VEXDB_PORT"
  "$VEXDB_SERVER" --host "$HOST" --port "$VEXDB_PORT" --data-dir "$WORK/vexdb" \
    >"$WORK/vexdb.log" 2>&1 &
  VEXDB_PID=$!
  wait_until "$VEXDB_PID" vexdb grep -q "ready for connections" "$WORK/vexdb.log"
  mysql -h"$HOST" -P"$VEXDB_PORT" --protocol=tcp -uroot -e "CREATE DATABASE IF NOT EXISTS sbtest"
}

# Prints the queries-per-second of one sysbench run, or "failed".
sysbench_qps() {
  local workload=$1 port=$2 threads=$3
  local args=(--db-driver=mysql --mysql-host="$HOST" --mysql-port="$port" --mysql-user=root
    --mysql-db=sbtest --tables=1 --table-size="$TABLE_SIZE" --db-ps-mode=disable)
  local out="$WORK/sysbench-$workload-$port-$threads.log"
  if sysbench "$workload" "${args[@]}" prepare >"$out" 2>&1 &&
    sysbench "$workload" "${args[@]}" --threads="$threads" --time="$TIME" run >>"$out" 2>&1 &&
    sysbench "$workload" "${args[@]}" cleanup >>"$out" 2>&1; then
    awk '/queries:/ { gsub(/\(/, "", $3); print $3 }' "$out"
  else
    log "sysbench $workload on port $port with $threads threads failed:"
    tail -n 5 "$out" >&2
    echo failed
  fi
}

ratio() {
  if [[ $1 == failed || $2 == failed ]]; then
    echo n/a
  else
    awk -v v="$1" -v m="$2" 'BEGIN { printf "%.2f", v / m }'
  fi
}

main() {
  "$ROOT/scripts/setup.sh" --bench
  WORK="$(mktemp -d /tmp/vexdb-bench.XXXXXX)"
  trap cleanup EXIT
  start_mariadb
  start_vexdb

  local rows=() workload threads mariadb vexdb status=0
  for workload in $WORKLOADS; do
    for threads in $THREADS; do
      log "$workload, $threads threads, ${TIME}s each"
      mariadb="$(sysbench_qps "$workload" "$MARIADB_PORT" "$threads")"
      vexdb="$(sysbench_qps "$workload" "$VEXDB_PORT" "$threads")"
      [[ $mariadb == failed || $vexdb == failed ]] && status=1
      rows+=("$(printf '%-20s %8s %14s %14s %14s' "$workload" "$threads" "$mariadb" "$vexdb" \
        "$(ratio "$vexdb" "$mariadb")")")
    done
  done

  printf '%-20s %8s %14s %14s %14s\n' workload threads "MariaDB qps" "vexdb qps" "vexdb/MariaDB"
  printf '%s\n' "${rows[@]}"
  return "$status"
}

main "$@"
