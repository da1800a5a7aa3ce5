#!/usr/bin/env bash
# CPU time of `sitrep ingest` per thread, per MB of input: the single writer thread (store
# inserts, near-duplicate index, the WAL checkpoint at close), the cleaning workers and the
# reader, with --threads 2 on two cores. CPU time holds on a busy machine where wall-clock
# ratios do not. Also the bound it puts on the two-core speed-up:
#   (writer + workers + reader) / max(writer, (workers + reader) / 2)
# and the one-thread run's CPU per MB for comparison. Median of REPS runs (default 5).
#   BUILD=build REPS=5 bash bench/ingest_cpu.sh [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
reps=${REPS:-5}
corpus=${1:-$root/../shared/data/corpus}
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for threads in 1 2; do
  for rep in $(seq "$reps"); do
    rm -f "$tmp"/b.db*
    taskset -c 0,1 "$build/sitrep" ingest --quiet --json --threads "$threads" --db "$tmp/b.db" "$corpus" \
      >>"$tmp/runs$threads" 2>/dev/null || true
  done
done
python3 - "$tmp/runs1" "$tmp/runs2" <<'PY'
import json, statistics, sys
one = [json.loads(l) for l in open(sys.argv[1])]
two = [json.loads(l) for l in open(sys.argv[2])]
mb = one[0]["megabytes"]
def med(rows, key):
    f = key if callable(key) else (lambda r: r[key])
    return 1000 * statistics.median(f(r) for r in rows) / mb  # ms per MB
other = lambda r: r["cpu_seconds"] - r["writer_cpu_seconds"] - r["worker_cpu_seconds"] - r["reader_cpu_seconds"]
t1 = med(one, "cpu_seconds")
w, k, rd, o, t = (med(two, x) for x in ("writer_cpu_seconds", "worker_cpu_seconds", "reader_cpu_seconds", other, "cpu_seconds"))
print(f"sitrep ingest, {mb:.1f} MB, {one[0]['records']} records; median of {len(one)} runs; CPU ms per MB")
print(f"1 thread:  total {t1:6.2f}  (close: {med(one, 'close_cpu_seconds'):5.2f} CPU, {med(one, 'close_seconds'):5.2f} wall)")
print(f"2 threads: writer {w:6.2f}  (close: {med(two, 'close_cpu_seconds'):5.2f} CPU, {med(two, 'close_seconds'):5.2f} wall)"
      f"  workers {k:6.2f}  reader {rd:5.2f}  other (WAL checkpointer) {o:5.2f}  total {t:6.2f}")
print(f"two-core bound (all threads) / max(writer, (all but the writer) / 2): {(w + k + rd + o) / max(w, (k + rd + o) / 2):.2f}x")
print(f"one-thread CPU / two-thread critical path max(writer, total / 2): {t1 / max(w, t / 2):.2f}x")
PY
