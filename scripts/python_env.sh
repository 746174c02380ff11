#!/usr/bin/env bash
# Creates the Python test environment .venv/ from test/requirements.txt.
#
# The venv is built from Debian's /usr/bin/python3 (python3-venv, python3-dev and libmariadb-dev come
# from scripts/setup.sh; mysqlclient compiles against them). A stamp file records the hash of the
# requirements and the interpreter; while it matches, this script does nothing. When the
# requirements change the venv is updated in place; a venv whose interpreter no longer runs is
# re-created. Override with PYTHON=/path/to/python3 or VENV=/path/to/venv.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly REQUIREMENTS="$ROOT/test/requirements.txt"
readonly VENV="${VENV:-$ROOT/.venv}"
readonly STAMP="$VENV/.requirements.sha256"

default_python() {
  if [[ -x /usr/bin/python3 ]]; then
    echo /usr/bin/python3
  else
    command -v python3
  fi
}

readonly PYTHON="${PYTHON:-$(default_python)}"

# The stamp identifies the requirements and the interpreter the venv was built for.
wanted_stamp() {
  { sha256sum <"$REQUIREMENTS"; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1
}

venv_runs() {
  [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c '' 2>/dev/null
}

main() {
  local stamp
  stamp="$(wanted_stamp)"
  if venv_runs && [[ -f "$STAMP" && "$(cat "$STAMP")" == "$stamp" ]]; then
    return 0
  fi
  if ! venv_runs; then
    echo "python_env.sh: creating $VENV with $PYTHON"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  echo "python_env.sh: installing $REQUIREMENTS"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  echo "$stamp" >"$STAMP"
}

main "$@"
