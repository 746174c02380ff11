#!/usr/bin/env bash
# The SQL peers of bench/ann: MariaDB 11.8 (its VECTOR INDEX) and PostgreSQL 17 with pgvector.
#
# Debian 12 packages neither MariaDB 11.8 nor pgvector, so both come from Debian 13 (trixie)
# packages installed in a chroot under $WORK/trixie (debootstrap, then apt-get inside). The
# servers run inside the chroot, which shares the host's network namespace, each listening on
# 127.0.0.1 only, on its own port, with its own data directory and no password (local bench
# only). Every step is idempotent: `setup` installs only what is missing.
#
#   bench/ann/peers_sql.sh setup    debootstrap + packages + data directories (as root)
#   bench/ann/peers_sql.sh start    setup, then start both servers and wait until they answer
#   bench/ann/peers_sql.sh stop     stop both servers (and unmount the chroot's /proc, /dev)
#   bench/ann/peers_sql.sh status
#
# Settings (environment): WORK (default build-ann), MIRROR (default deb.debian.org),
# MARIADB_PORT (13306), PG_PORT (15432), MARIADB_CACHE (mhnsw_max_cache_size, 4G),
# PG_MEMORY (shared_buffers and maintenance_work_mem, 2GB).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly WORK="${WORK:-$ROOT/build-ann}"
readonly CHROOT="$WORK/trixie"
readonly MIRROR="${MIRROR:-http://deb.debian.org/debian}"
readonly MARIADB_PORT="${MARIADB_PORT:-13306}"
readonly PG_PORT="${PG_PORT:-15432}"
readonly MARIADB_CACHE="${MARIADB_CACHE:-4G}"
readonly PG_MEMORY="${PG_MEMORY:-2GB}"
readonly PACKAGES=(mariadb-server mariadb-client postgresql-17 postgresql-17-pgvector)
# Paths inside the chroot.
readonly STATE=/var/lib/vexdb-bench
readonly MARIADB_DATA="$STATE/mariadb"
readonly PG_DATA="$STATE/postgres"
readonly PG_BIN=/usr/lib/postgresql/17/bin

log() {
  echo "peers_sql: $*" >&2
}

in_chroot() {
  chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}

mount_system() {
  mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
  mountpoint -q "$CHROOT/dev" || mount --bind /dev "$CHROOT/dev"
  mountpoint -q "$CHROOT/dev/shm" || mount -t tmpfs -o size=4g shm "$CHROOT/dev/shm"
}

unmount_system() {
  local point
  for point in dev/shm dev proc; do
    if mountpoint -q "$CHROOT/$point"; then
      umount "$CHROOT/$point"
    fi
  done
}

ensure_chroot() {
  if [[ -x "$CHROOT/usr/bin/apt-get" ]]; then
    return
  fi
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    apt-get install -y -qq debootstrap
  fi
  log "debootstrap trixie into $CHROOT (a few minutes)"
  debootstrap --variant=minbase trixie "$CHROOT" "$MIRROR"
}

ensure_packages() {
  local missing=()
  local package
  for package in "${PACKAGES[@]}"; do
    if ! in_chroot dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null |
        grep -qx 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    return
  fi
  log "installing in the chroot: ${missing[*]}"
  # No service starts from maintainer scripts: the servers are started by hand below.
  printf '#!/bin/sh\nexit 101\n' >"$CHROOT/usr/sbin/policy-rc.d"
  chmod +x "$CHROOT/usr/sbin/policy-rc.d"
  in_chroot apt-get update -qq
  in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

ensure_data_dirs() {
  # Both servers write their pid file here, each as its own user.
  in_chroot install -d -m 1777 "$STATE"
  in_chroot mkdir -p /run/mysqld
  in_chroot chown mysql:mysql /run/mysqld
  if [[ ! -d "$CHROOT$MARIADB_DATA/mysql" ]]; then
    log "initialising MariaDB in $MARIADB_DATA"
    in_chroot mariadb-install-db --user=mysql --datadir="$MARIADB_DATA" \
      --auth-root-authentication-method=normal --skip-test-db >/dev/null
  fi
  if [[ ! -f "$CHROOT$PG_DATA/PG_VERSION" ]]; then
    log "initialising PostgreSQL in $PG_DATA"
    in_chroot install -d -o postgres -g postgres "$PG_DATA"
    in_chroot runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres \
      --auth=trust -E UTF8 >/dev/null
  fi
}

setup() {
  if [[ $(id -u) -ne 0 ]]; then
    log "needs root (debootstrap, chroot, mount)"
    exit 1
  fi
  ensure_chroot
  mount_system
  ensure_packages
  ensure_data_dirs
}

wait_port() {
  local name="$1" port="$2"
  local i
  for i in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "$name listens on 127.0.0.1:$port"
      return
    fi
    sleep 0.2
  done
  log "$name did not start; see $CHROOT$STATE/$name.log"
  exit 1
}

running() {
  [[ -f "$CHROOT$STATE/$1.pid" ]] && kill -0 "$(cat "$CHROOT$STATE/$1.pid")" 2>/dev/null
}

# One thread builds and searches in every system: no parallel index build, no parallel query.
start() {
  setup
  if ! running mariadb; then
    in_chroot setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$MARIADB_DATA" \
      --bind-address=127.0.0.1 --port="$MARIADB_PORT" --socket=/run/mysqld/bench.sock \
      --pid-file="$STATE/mariadb.pid" --skip-log-bin --skip-name-resolve \
      --innodb-buffer-pool-size=4G --innodb-log-file-size=1G \
      --innodb-flush-log-at-trx-commit=2 --max-allowed-packet=1G \
      --mhnsw-max-cache-size="$MARIADB_CACHE" \
      >>"$CHROOT$STATE/mariadb.log" 2>&1 </dev/null &
  fi
  if ! running postgres; then
    in_chroot runuser -u postgres -- setsid "$PG_BIN/postgres" -D "$PG_DATA" \
      -c listen_addresses=127.0.0.1 -p "$PG_PORT" -c unix_socket_directories=/tmp \
      -c external_pid_file="$STATE/postgres.pid" -c shared_buffers="$PG_MEMORY" \
      -c maintenance_work_mem="$PG_MEMORY" -c max_parallel_maintenance_workers=0 \
      -c max_parallel_workers_per_gather=0 -c jit=off -c synchronous_commit=off \
      -c max_wal_size=8GB -c checkpoint_timeout=30min \
      >>"$CHROOT$STATE/postgres.log" 2>&1 </dev/null &
  fi
  wait_port mariadb "$MARIADB_PORT"
  wait_port postgres "$PG_PORT"
}

stop_one() {
  local name="$1"
  local pid
  if running "$name"; then
    pid="$(cat "$CHROOT$STATE/$name.pid")"
    log "stopping $name ($pid)"
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do
      sleep 0.2
    done
  fi
}

stop() {
  if [[ ! -d "$CHROOT" ]]; then
    return
  fi
  stop_one mariadb
  stop_one postgres
  unmount_system
}

status() {
  local name
  for name in mariadb postgres; do
    if running "$name"; then
      echo "$name: running (pid $(cat "$CHROOT$STATE/$name.pid"))"
    else
      echo "$name: stopped"
    fi
  done
}

case "${1:-}" in
  setup) setup ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 setup|start|stop|status" >&2
    exit 2
    ;;
esac
