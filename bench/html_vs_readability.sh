#!/usr/bin/env bash
# sitrep's HTML main-content extraction vs readability-lxml on the trafilatura benchmark:
# same pages, same scoring (see src/clean/eval_clean.h), extraction time only on both sides.
#
#   bench/html_vs_readability.sh [--json] [--split all|dev|test] [--limit N]
#
# BUILD (default ./build under the repo root) holds the sitrep binary; the dataset is
# ../shared/data/html/trafilatura-eval relative to the repo root (override with DATA).
# readability-lxml comes from Debian's python3-readability, so /usr/bin/python3 is used.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
DATA=${DATA:-$ROOT/../shared/data/html/trafilatura-eval}
PY=/usr/bin/python3
JSON=0
SPLIT=all
LIMIT=()
while [ $# -gt 0 ]; do
  case "$1" in
    --json) JSON=1 ;;
    --split) SPLIT=$2; shift ;;
    --limit) LIMIT=(--limit "$2"); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$BUILD/sitrep" ] || { echo "no sitrep binary in $BUILD (set BUILD=...)" >&2; exit 1; }
[ -f "$DATA/evaldata.json" ] || { echo "no dataset at $DATA" >&2; exit 1; }
# The peer is installed from Debian when missing (as the Makefile installs the build's packages).
if ! $PY -c 'import readability, lxml' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "installing python3-readability (Debian) for the peer" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-readability >&2 || true
fi
$PY -c 'import readability, lxml' 2>/dev/null || { echo "$PY lacks readability-lxml (apt-get install -y python3-readability)" >&2; exit 1; }

SITREP_JSON=$("$BUILD/sitrep" eval clean "$DATA" --split "$SPLIT" "${LIMIT[@]}" --json)
READABILITY_JSON=$($PY "$ROOT/bench/readability_eval.py" "$DATA" --split "$SPLIT" "${LIMIT[@]}")

$PY - "$JSON" "$SITREP_JSON" "$READABILITY_JSON" <<'PYEOF'
import json, sys
as_json, s, r = sys.argv[1] == "1", json.loads(sys.argv[2]), json.loads(sys.argv[3])
ratio = s["pages_per_s"] / r["pages_per_s"] if r["pages_per_s"] else 0.0
if as_json:
    out = {"dataset": s["dataset"], "split": s["split"], "pages": s["pages"], "speed_ratio": round(ratio, 1)}
    for name, d in (("sitrep", s), ("readability", r)):
        for k in ("precision", "recall", "f1", "accuracy", "seconds", "pages_per_s", "failed"):
            out[f"{name}_{k}"] = round(d[k], 3) if isinstance(d[k], float) else d[k]
    print(json.dumps(out))
else:
    print(f"{s['dataset']} split={s['split']}  (scores in %, time = CPU seconds of extraction only)")
    print(f"{'tool':<18}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'precision':>11}{'recall':>8}{'F1':>8}")
    for name, d in (("sitrep", s), ("readability-lxml", r)):
        print(f"{name:<18}{d['pages']:>7}{d['seconds']:>10.2f}{d['pages_per_s']:>10.1f}"
              f"{d['precision']:>11.2f}{d['recall']:>8.2f}{d['f1']:>8.2f}")
    print(f"speed ratio (sitrep / readability pages per second): {ratio:.1f}x")
PYEOF
