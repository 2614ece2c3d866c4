#!/usr/bin/env bash
# Whole-process benchmarks of the release binary: `postvakt check` latency
# on a one-paragraph draft, `postvakt scan` throughput at 1 and 2 threads,
# and peak memory. Needs hyperfine and GNU time (apt-get install hyperfine time).
# Usage: bash benches/process.sh [records]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-200000}
command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --locked --quiet
bin=target/release/postvakt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Synthetic corpus recombined from the labelled posts (Skatteverket test numbers only).
"$bin" generate --records "$records" --seed 1 > "$work/corpus.jsonl"
echo "corpus: $records records, $(du -m "$work/corpus.jsonl" | cut -f1) MB"

echo "== check, one-paragraph draft (tests/data/draft.txt)"
hyperfine -N -i --warmup 50 --runs 300 --export-json "$work/check.json" \
  "$bin check tests/data/draft.txt"

echo "== scan, 1 vs 2 threads"
hyperfine -N -i --warmup 2 --runs 15 --export-json "$work/scan.json" \
  "$bin scan -j 1 $work/corpus.jsonl" \
  "$bin scan -j 2 $work/corpus.jsonl"

echo "== medians"
python3 - "$work/check.json" "$work/scan.json" "$work/corpus.jsonl" <<'PY'
import json, os, sys
size = os.path.getsize(sys.argv[3])
for path in sys.argv[1:3]:
    for r in json.load(open(path))["results"]:
        med = r["median"]
        extra = f", {size / med / 1e6:.0f} MB/s" if "scan" in r["command"] else ""
        print(f"{' '.join(w.split('/')[-1] for w in r['command'].split())}: median {med * 1000:.2f} ms{extra}")
scan = {r["command"].split()[3]: r["median"] for r in json.load(open(sys.argv[2]))["results"]}
print(f"scan speed-up, 2 threads over 1: {scan['1'] / scan['2']:.2f}x")
PY

echo "== peak memory, scan -j 2"
/usr/bin/time -v "$bin" scan -j 2 "$work/corpus.jsonl" 2>&1 >/dev/null \
  | grep -E "Maximum resident|Elapsed|records in"
