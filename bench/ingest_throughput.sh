#!/usr/bin/env bash
# Throughput of `sitrep ingest` (read + clean + store) on ../shared/data/corpus:
# one core (taskset -c 0, --threads 1) against two cores (taskset -c 0,1, --threads 2),
# with peak memory. Prints a table, or one JSON object with --json.
#   BUILD=build REPS=5 bash bench/ingest_throughput.sh [--json] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
json=0
corpus=$root/../shared/data/corpus
for a in "$@"; do
  case $a in
    --json) json=1 ;;
    *) corpus=$a ;;
  esac
done
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 1; }
bin=$build/sitrep
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

reps=${REPS:-5}
once() {  # cores threads -> "seconds megabytes peak_kb records"
  local cores=$1 threads=$2
  rm -f "$tmp"/b.db*
  /usr/bin/time -f "%e %M" -o "$tmp/time" taskset -c "$cores" "$bin" ingest --quiet --json \
    --threads "$threads" --db "$tmp/b.db" "$corpus" >"$tmp/out" 2>/dev/null || true
  local secs kb mb recs
  secs=$(tail -1 "$tmp/time" | awk '{print $1}')
  kb=$(tail -1 "$tmp/time" | awk '{print $2}')
  mb=$(grep -o '"megabytes":[0-9.]*' "$tmp/out" | cut -d: -f2)
  recs=$(grep -o '"records":[0-9]*' "$tmp/out" | cut -d: -f2)
  echo "$secs $mb $kb $recs"
}
faster() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(b=="" || a<b)}'; }

# The two settings alternate, so drifting load on a shared host hits both alike; best of $reps.
s1="" s2=""
for ((rep = 0; rep < reps; ++rep)); do
  read -r s mb_ kb_ recs_ <<<"$(once 0 1)"
  if faster "$s" "$s1"; then s1=$s mb=$mb_ kb1=$kb_ recs=$recs_; fi
  read -r s _ kb_ _ <<<"$(once 0,1 2)"
  if faster "$s" "$s2"; then s2=$s kb2=$kb_; fi
done
r1=$(awk -v m="$mb" -v s="$s1" 'BEGIN{printf "%.1f", m/s}')
r2=$(awk -v m="$mb" -v s="$s2" 'BEGIN{printf "%.1f", m/s}')
ratio=$(awk -v a="$s1" -v b="$s2" 'BEGIN{printf "%.2f", a/b}')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
if [ "$json" = 1 ]; then
  printf '{"benchmark":"ingest_throughput","corpus":"%s","records":%s,"megabytes":%s,"one_core_seconds":%s,"one_core_mb_per_s":%s,"one_core_peak_rss_mb":%.1f,"two_cores_seconds":%s,"two_cores_mb_per_s":%s,"two_cores_peak_rss_mb":%.1f,"speedup_two_cores":%s,"cpu":"%s"}\n' \
    "$(basename "$corpus")" "$recs" "$mb" "$s1" "$r1" "$(awk -v k="$kb1" 'BEGIN{print k/1024}')" "$s2" "$r2" \
    "$(awk -v k="$kb2" 'BEGIN{print k/1024}')" "$ratio" "$cpu"
else
  echo "sitrep ingest (read + clean + store) on $corpus: $recs records, $mb MB of text; best of $reps, the settings alternating"
  echo "machine: $cpu, $(nproc) cores"
  printf '%-22s %10s %10s %14s\n' setting seconds MB/s "peak RSS MB"
  printf '%-22s %10s %10s %14.1f\n' "1 core, --threads 1" "$s1" "$r1" "$(awk -v k="$kb1" 'BEGIN{print k/1024}')"
  printf '%-22s %10s %10s %14.1f\n' "2 cores, --threads 2" "$s2" "$r2" "$(awk -v k="$kb2" 'BEGIN{print k/1024}')"
  echo "speed-up with 2 cores: ${ratio}x"
fi
