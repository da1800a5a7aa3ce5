#!/usr/bin/env bash
# The HTML report in headless Chromium: builds a store from the bundled examples with the sitrep
# binary (ingest, code), writes the report, and runs report.test.mjs on it. Installs what is
# missing (Debian chromium, npm ci) on first use; exits 77, which CTest counts as skipped, when
# that cannot be done (no node/npm, no root, offline).
#   run.sh SITREP_BINARY
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sitrep=${1:?usage: run.sh SITREP_BINARY}
skip() { echo "SKIP: $*"; exit 77; }

command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm are not installed"
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || skip "/usr/bin/chromium is missing and there is no root to install it"
    SUDO="sudo -n"
  fi
  echo "installing chromium (Debian package)"
  { $SUDO apt-get install -y -qq chromium >/dev/null 2>&1 ||
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium; }; } ||
    skip "cannot install chromium (offline?)"
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || skip "npm ci failed (offline?)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/out"
db="$work/report.db"
"$sitrep" ingest --db "$db" "$root/examples" >"$work/ingest.log" 2>&1
rc=$?
# 3 = finished with some input rejected, which the examples may well include on purpose.
[ $rc -eq 0 ] || [ $rc -eq 3 ] || { cat "$work/ingest.log"; echo "FAIL: sitrep ingest exited $rc"; exit 1; }
"$sitrep" code --db "$db" || { echo "FAIL: sitrep code"; exit 1; }
"$sitrep" report --db "$db" -o "$here/out/report.html" | tee "$work/report.log" || { echo "FAIL: sitrep report"; exit 1; }
events=$(sed -n 's/^wrote .*: \([0-9][0-9]*\) events.*/\1/p' "$work/report.log")
[ -n "$events" ] || { echo "FAIL: cannot read the event count from sitrep report"; exit 1; }
cd "$here" && exec node report.test.mjs out/report.html "$events" out/report.png
