#!/usr/bin/env bash
# Installs the Debian 12 packages vexdb needs, and only those that are missing.
#
#   scripts/setup.sh           packages to build the server and run `make test`
#   scripts/setup.sh --bench   packages for bench/ (sysbench, MariaDB as the reference peer)
#   scripts/setup.sh --ann     packages for bench/ann (the fashion-mnist data, what mysqlclient
#                              compiles against)
#
# It asks dpkg first, so when everything is present it is a fast no-op that touches no network;
# `apt-get update` runs only when something has to be installed. Runs apt as root, or through sudo.
set -euo pipefail

readonly BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  librocksdb-dev libasio-dev libfmt-dev libgtest-dev libgmock-dev libssl-dev
  libxxhash-dev libutf8proc-dev nlohmann-json3-dev libcli11-dev libpcre2-dev libhwy-dev
  libjemalloc-dev
)
# mariadb-client gives the `mysql` CLI; libmariadb-dev and python3-dev build mysqlclient from PyPI.
readonly TEST_PACKAGES=(mariadb-client python3 python3-venv python3-dev libmariadb-dev)
readonly BENCH_PACKAGES=(sysbench mariadb-server)
readonly ANN_PACKAGES=(dataset-fashion-mnist libmariadb-dev pkg-config)

usage() {
  echo "usage: $0 [--bench | --ann]" >&2
  exit 2
}

# Prints the packages among "$@" that dpkg does not report as installed.
missing_packages() {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -qx 'install ok installed'; then
      echo "$pkg"
    fi
  done
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "setup.sh: need root or sudo to run: $*" >&2
    exit 1
  fi
}

install_packages() {
  echo "setup.sh: installing $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

main() {
  local wanted=()
  case "${1:-}" in
    "") wanted=("${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
    --bench) wanted=("${BENCH_PACKAGES[@]}") ;;
    --ann) wanted=("${ANN_PACKAGES[@]}") ;;
    *) usage ;;
  esac
  local missing
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  if ((${#missing[@]} > 0)); then
    install_packages "${missing[@]}"
  fi
}

main "$@"
