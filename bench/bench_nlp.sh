#!/bin/sh
# Benchmark of the language-analysis stage, in one run:
#   1. sitrep's full analysis (tokenize, split, tag, lemmatize, parse, NER) on a sample of
#      ../shared/data/corpus (N documents per file), one thread: words/s, load time, peak RSS;
#   2. sitrep on EWT test (UPOS, gold tokenization and raw text); steps 1 and 2 again with the
#      parser's beam of BEAM (default 8: --beam 8, the width chosen on EWT dev);
#   3. NLTK's averaged-perceptron tagger trained on the same EWT train split, scored on EWT
#      test and timed tagging the same corpus text (tagging only, pre-tokenized).
# Usage: bench/bench_nlp.sh [--json] [--docs N]     (SITREP=path/to/sitrep, default build/sitrep; BEAM=8)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$ROOT/../shared/data
SITREP=${SITREP:-$ROOT/build/sitrep}
JSON=0
DOCS=200
BEAM=${BEAM:-8}
while [ $# -gt 0 ]; do
  case $1 in
    --json) JSON=1 ;;
    --docs) DOCS=$2; shift ;;
    *) echo "usage: $0 [--json] [--docs N]" >&2; exit 2 ;;
  esac
  shift
done
[ -d "$DATA" ] || { echo "bench_nlp: $DATA absent, skipping" >&2; exit 0; }
# The peer is installed from Debian when missing (as the Makefile installs the build's packages).
if ! /usr/bin/python3 -c 'import nltk' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "bench_nlp: installing python3-nltk (Debian) for the peer" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-nltk >&2 || true
fi
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import nltk' 2>/dev/null ||
  { echo "bench_nlp: needs Debian python3-nltk (apt-get install -y python3-nltk)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for f in "$DATA"/corpus/*.jsonl; do head -n "$DOCS" "$f"; done > "$TMP/sample.jsonl"
# The same documents as plain text for NLTK (the text field, paragraphs on lines).
/usr/bin/python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        out.write(json.loads(line).get("text", "") + "\n")
' "$TMP/sample.jsonl" "$TMP/sample.txt"

"$SITREP" analyze "$TMP/sample.txt" --format none --stats 2> "$TMP/ours.json" > /dev/null
"$SITREP" analyze "$TMP/sample.txt" --format none --stats --beam "$BEAM" 2> "$TMP/ours_beam.json" > /dev/null
"$SITREP" eval ud "$DATA/ud/UD_English-EWT/en_ewt-ud-test.conllu" --json > "$TMP/ud.json"
"$SITREP" eval ud "$DATA/ud/UD_English-EWT/en_ewt-ud-test.conllu" --json --beam "$BEAM" > "$TMP/ud_beam.json"
/usr/bin/python3 "$ROOT/bench/bench_nlp_nltk.py" "$DATA/ud/UD_English-EWT/en_ewt-ud-train.conllu" \
  "$DATA/ud/UD_English-EWT/en_ewt-ud-test.conllu" "$TMP/sample.txt" > "$TMP/nltk.json"

/usr/bin/python3 - "$TMP" "$JSON" "$BEAM" <<'PY'
import json, sys
tmp, as_json, beam = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3])
ours = json.loads(open(tmp + "/ours.json").read().strip().splitlines()[-1])
ours_beam = json.loads(open(tmp + "/ours_beam.json").read().strip().splitlines()[-1])
ud = json.load(open(tmp + "/ud.json"))
ud_beam = json.load(open(tmp + "/ud_beam.json"))
nltk = json.load(open(tmp + "/nltk.json"))
result = {
    "sitrep": {"task": "tokenize+split+tag+lemmatize+parse+ner", "words": ours["words"],
               "words_per_s": ours["words_per_s"], "load_seconds": ours["load_seconds"],
               "max_rss_mb": ours["max_rss_mb"],
               "upos_gold_tokenization": ud["gold_tokenization"]["upos"], "upos_raw_text": ud["raw_text"]["upos"],
               "las_gold_tokenization": ud["gold_tokenization"]["las"], "las_raw_text": ud["raw_text"]["las"]},
    "sitrep_beam": {"task": f"the same, parser beam {beam} (--beam {beam})", "beam_width": beam, "words": ours_beam["words"],
                     "words_per_s": ours_beam["words_per_s"], "max_rss_mb": ours_beam["max_rss_mb"],
                     "las_gold_tokenization": ud_beam["gold_tokenization"]["las"],
                     "las_raw_text": ud_beam["raw_text"]["las"]},
    "nltk_perceptron": {"task": "tag (pre-tokenized)", "words": nltk["words"], "words_per_s": nltk["words_per_s"],
                        "upos_gold_tokenization": nltk["upos"], "train_seconds": nltk["train_seconds"]},
}
result["speed_ratio"] = ours["words_per_s"] / nltk["words_per_s"] if nltk["words_per_s"] else 0
if as_json:
    print(json.dumps(result))
else:
    s, b, n = result["sitrep"], result["sitrep_beam"], result["nltk_perceptron"]
    print("| system | work | words | words/s | UPOS EWT test (gold tok) |")
    print("|---|---|---|---|---|")
    print(f"| sitrep | full analysis | {s['words']} | {s['words_per_s']:,.0f} | {s['upos_gold_tokenization']:.2f} |")
    print(f"| sitrep --beam {beam} | full analysis, parser beam {beam} | {b['words']} | {b['words_per_s']:,.0f} | {s['upos_gold_tokenization']:.2f} |")
    print(f"| NLTK perceptron | tagging only | {n['words']} | {n['words_per_s']:,.0f} | {n['upos_gold_tokenization']:.2f} |")
    print(f"speed ratio sitrep/NLTK: {result['speed_ratio']:.1f}x; sitrep model load {s['load_seconds']:.3f} s, "
          f"peak RSS {s['max_rss_mb']:.0f} MB; sitrep raw-text UPOS {s['upos_raw_text']:.2f}, "
          f"LAS {s['las_raw_text']:.2f} (gold tok {s['las_gold_tokenization']:.2f}); with --beam {beam} LAS "
          f"{b['las_raw_text']:.2f} (gold tok {b['las_gold_tokenization']:.2f})")
PY
