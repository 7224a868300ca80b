#!/usr/bin/env bash
# The resplist benchmark: synthetic projects in the seed county's proportions at 1x, 10x and 100x;
# check and build times with hyperfine (Hugo rendering the same data in the same hyperfine call),
# peak memory, output size, time per work item, and the read+parse+write floor. Prints a table.
#
#   bench/run.sh            # 1x 10x 100x (about 10 minutes on 2 cores)
#   bench/run.sh 1 10       # chosen scales
#
# Needs hyperfine and hugo (installed with apt-get if missing) and the Hugo peer in
# ../shared/bench/hugo-peer (or HUGO_PEER=DIR). Work files go to BENCH_DIR (default
# /tmp/resplist-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
scales=("${@:-1 10 100}")
read -r -a scales <<< "${scales[*]}"
work=${BENCH_DIR:-/tmp/resplist-bench}
peer=${HUGO_PEER:-../shared/bench/hugo-peer}
mkdir -p "$work"

need=""
command -v hyperfine >/dev/null || need="$need hyperfine"
command -v hugo >/dev/null || need="$need hugo"
if [ -n "$need" ]; then apt-get update -qq && apt-get install -y -qq $need >/dev/null; fi

cargo build --release --quiet --bin resplist --example synth --example floor
bin=target/release/resplist

runs_for() { case $1 in 1) echo 15;; 10) echo 5;; *) echo 3;; esac; }

for s in "${scales[@]}"; do
    p="$work/s$s"
    echo "== ${s}x: generating" >&2
    target/release/examples/synth --scale "$s" --seed 1 "$p" >/dev/null
    python3 "$peer/make_hugo.py" "$p" "$work/hugo-site-$s" >/dev/null
    r=$(runs_for "$s")
    echo "== ${s}x: check" >&2
    hyperfine -N -w 2 -r "$r" --export-json "$work/check-$s.json" "$bin check $p" >/dev/null
    echo "== ${s}x: build vs Hugo" >&2
    hyperfine -N -w 1 -r "$r" --export-json "$work/build-$s.json" \
        --prepare "rm -rf $work/hugo-out-$s $work/hugo-site-$s/resources $work/out-$s" \
        "hugo --quiet -s $work/hugo-site-$s -d $work/hugo-out-$s" \
        "$bin build $p --output $work/out-$s --quiet" >/dev/null
    rm -rf "$work/out-$s"
    /usr/bin/time -v "$bin" build "$p" --output "$work/out-$s" --quiet 2> "$work/time-$s.txt"
    /usr/bin/time -v "$bin" check "$p" >/dev/null 2> "$work/time-check-$s.txt" || true
    bytes=$(du -sb "$work/out-$s" | cut -f1)
    files=$(find "$work/out-$s" -type f | wc -l)
    echo "$bytes $files" > "$work/size-$s.txt"
    du -b "$work/out-$s/print.html" | cut -f1 > "$work/print-$s.txt"
    (du -cb "$work/out-$s"/print/*.html 2>/dev/null | tail -1 | cut -f1 || echo 0) >> "$work/print-$s.txt"
    echo "== ${s}x: floor" >&2
    best=""
    for _ in 1 2 3; do
        f=$(target/release/examples/floor "$p" "$work/floor-$s" "$files" "$bytes" 2>/dev/null | awk '/^floor/ {print $2}')
        if [ -z "$best" ] || awk "BEGIN {exit !($f < $best)}"; then best=$f; fi
    done
    echo "$best" > "$work/floor-$s.txt"
    rm -rf "$work/floor-$s"
done

python3 - "$work" "${scales[@]}" <<'PY'
import json, sys, re
work, scales = sys.argv[1], sys.argv[2:]
def median(path, i=0):
    return json.load(open(path))["results"][i]["median"]
def rss(path):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) / 1024 if m else float("nan")
rows = []
print("| scale | work items | check | build | Hugo | build / Hugo | peak RSS (build / check) | output | print.html / volumes | per work item | floor | build / floor |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in scales:
    items = 2056 * int(s)
    check = median(f"{work}/check-{s}.json")
    hugo = median(f"{work}/build-{s}.json", 0)
    build = median(f"{work}/build-{s}.json", 1)
    size, files = map(int, open(f"{work}/size-{s}.txt").read().split())
    whole, volumes = (int(x) for x in open(f"{work}/print-{s}.txt").read().split()[:2])
    floor = float(open(f"{work}/floor-{s}.txt").read()) / 1000
    print(f"| {s}× | {items:,} | {check*1000:.0f} ms | {build*1000:.0f} ms | {hugo*1000:.0f} ms | {build/hugo:.2f} | "
          f"{rss(f'{work}/time-{s}.txt'):.0f} / {rss(f'{work}/time-check-{s}.txt'):.0f} MB | {size/2**20:.0f} MB in {files:,} files | "
          f"{whole/2**20:.1f} MB / {volumes/2**20:.1f} MB | {build/items*1e6:.0f} µs | {floor*1000:.0f} ms | {build/floor:.1f}× |")
PY
