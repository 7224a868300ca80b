#!/usr/bin/env bash
# The resplist benchmark: synthetic projects in the seed county's proportions at 1x, 10x and 100x;
# check and build times with hyperfine (Hugo rendering the same data in the same hyperfine call),
# peak memory, output size, time per work item, and the read+parse+write floor. Prints a table.
#
#   bench/run.sh            # 1x 10x 100x and the workspace of 100 counties (about 15 minutes)
#   bench/run.sh 1 10       # chosen scales
#   bench/run.sh w100       # only the workspace case: 100 members of 1x each, against Hugo on
#                           # the same counties as one flat project; also a one-member edit
#
# Needs hyperfine and hugo (installed with apt-get if missing) and the Hugo peer in
# ../shared/bench/hugo-peer (or HUGO_PEER=DIR). Work files go to BENCH_DIR (default
# /tmp/resplist-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
scales=("${@:-1 10 100 w100}")
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

# Times `check` and `build` of project $1 (named $2 in the work files) against the Hugo site
# hugo-site-$2 in one hyperfine call, $3 runs each; then peak memory and the output's size.
measure() {
    local p=$1 s=$2 r=$3
    echo "== $s: check" >&2
    hyperfine -N -w 2 -r "$r" --export-json "$work/check-$s.json" "$bin check $p" >/dev/null
    echo "== $s: build vs Hugo" >&2
    hyperfine -N -w 1 -r "$r" --export-json "$work/build-$s.json" \
        --prepare "rm -rf $work/hugo-out-$s $work/hugo-site-$s/resources $work/out-$s" \
        "hugo --quiet -s $work/hugo-site-$s -d $work/hugo-out-$s" \
        "$bin build $p --output $work/out-$s --quiet" >/dev/null
    rm -rf "$work/out-$s"
    /usr/bin/time -v "$bin" build "$p" --output "$work/out-$s" --quiet 2> "$work/time-$s.txt"
    /usr/bin/time -v "$bin" check "$p" >/dev/null 2> "$work/time-check-$s.txt" || true
    echo "$(du -sb "$work/out-$s" | cut -f1) $(find "$work/out-$s" -type f | wc -l)" > "$work/size-$s.txt"
}

# The floor of project $1 (named $2 in the work files) writing $3 files of $4 bytes: best of three.
floor() {
    local best="" f
    for _ in 1 2 3; do
        f=$(target/release/examples/floor "$1" "$work/floor-$2" "$3" "$4" 2>/dev/null | awk '/^floor/ {print $2}')
        if [ -z "$best" ] || awk "BEGIN {exit !($f < $best)}"; then best=$f; fi
    done
    echo "$best" > "$work/floor-$2.txt"
    rm -rf "$work/floor-$2"
}

# The workspace case: N members of 1x each (`synth --workspace`), and Hugo on the same counties
# as one flat project (`synth --scale N`, same seed), in one hyperfine call.
workspace_case() {
    local n=$1 w="$work/w$1" flat="$work/flat-$1"
    echo "== workspace of $n: generating" >&2
    target/release/examples/synth --scale "$n" --seed 1 --workspace "$w" >/dev/null
    target/release/examples/synth --scale "$n" --seed 1 "$flat" >/dev/null
    python3 "$peer/make_hugo.py" "$flat" "$work/hugo-site-w$n" >/dev/null
    measure "$w" "w$n" 3
    find "$work/out-w$n" -name '*.html' -printf '%s %P\n' | sort -n | tail -1 > "$work/largest-w$n.txt"
    find "$work/out-w$n" -name '*.html' ! -name 'print.html' -printf '%s %P\n' | sort -n | tail -1 >> "$work/largest-w$n.txt"
    echo "== workspace of $n: one member edited" >&2
    # Each run edits one member (a comment line added or taken away), so it alone is rebuilt.
    local file="$w/c001/departments/c001-huanbao.toml"
    hyperfine -N -w 1 -r 5 --export-json "$work/edit-w$n.json" \
        --prepare "python3 -c \"import sys; p = sys.argv[1]; t = open(p).read(); open(p, 'w').write(t[:-8] if t.endswith('# bench\\n') else t + '# bench\\n')\" $file" \
        "$bin build $w --output $work/out-w$n --quiet" >/dev/null
    echo "== workspace of $n: one member alone" >&2
    hyperfine -N -w 2 -r 10 --export-json "$work/alone-w$n.json" \
        --prepare "rm -rf $work/out-alone-w$n" "$bin build $w/c001 --output $work/out-alone-w$n --quiet" >/dev/null
    local files bytes
    read -r bytes files < "$work/size-w$n.txt"
    floor "$w" "w$n" "$files" "$bytes"
}

for s in "${scales[@]}"; do
    if [[ $s == w* ]]; then
        workspace_case "${s#w}"
        continue
    fi
    p="$work/s$s"
    echo "== ${s}x: generating" >&2
    target/release/examples/synth --scale "$s" --seed 1 "$p" >/dev/null
    python3 "$peer/make_hugo.py" "$p" "$work/hugo-site-$s" >/dev/null
    r=$(runs_for "$s")
    measure "$p" "$s" "$r"
    read -r bytes files < "$work/size-$s.txt"
    # No print.html above the print limit (10x and more): 0.
    (du -b "$work/out-$s/print.html" 2>/dev/null || echo 0) | cut -f1 > "$work/print-$s.txt"
    (du -cb "$work/out-$s"/print/*.html 2>/dev/null | tail -1 | cut -f1 || echo 0) >> "$work/print-$s.txt"
    echo "== ${s}x: floor" >&2
    floor "$p" "$s" "$files" "$bytes"
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
flat = [s for s in scales if not s.startswith("w")]
spaces = [s[1:] for s in scales if s.startswith("w")]
if not flat:
    print("(no flat scale asked for)")
for s in flat:
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
for n in spaces:
    items = 2056 * int(n)
    check = median(f"{work}/check-w{n}.json")
    hugo = median(f"{work}/build-w{n}.json", 0)
    build = median(f"{work}/build-w{n}.json", 1)
    edit = median(f"{work}/edit-w{n}.json")
    alone = median(f"{work}/alone-w{n}.json")
    size, files = map(int, open(f"{work}/size-w{n}.txt").read().split())
    floor = float(open(f"{work}/floor-w{n}.txt").read()) / 1000
    largest = open(f"{work}/largest-w{n}.txt").read().split("\n")
    page, web = largest[0].split(" ", 1), largest[1].split(" ", 1)
    ok = lambda c: "✓" if c else "✗"
    print()
    print(f"Workspace of {n} members of 1× ({items:,} work items), Hugo on the same counties as one project:")
    print()
    print("| target | measured | |")
    print("|---|---:|---|")
    print(f"| build ≤ 0.5× Hugo | {build:.2f} s / {hugo:.2f} s = {build/hugo:.2f} | {ok(build/hugo <= 0.5)} |")
    print(f"| build ≤ 3× the I/O floor | {build:.2f} s / {floor:.2f} s = {build/floor:.1f}× | {ok(build/floor <= 3)} |")
    r = rss(f"{work}/time-w{n}.txt")
    print(f"| peak RSS ≤ 1 GB | {r:.0f} MB (check {rss(f'{work}/time-check-w{n}.txt'):.0f} MB) | {ok(r <= 1024)} |")
    print(f"| output ≤ 400 MB | {size/1e6:.0f} MB in {files:,} files | {ok(size <= 400e6)} |")
    print(f"| check < 1 s | {check*1000:.0f} ms | {ok(check < 1)} |")
    per, alone1 = build / items * 1e6, alone / 2056 * 1e6
    # The cost at 1× is the 1× build's, from this run or an earlier one; else the member alone.
    try:
        per1, what = median(f"{work}/build-1.json", 1) / 2056 * 1e6, "the 1× build"
    except OSError:
        per1, what = alone1, "one member alone"
    print(f"| per work item ≤ 1.3× the 1× cost | {per:.0f} µs vs {per1:.0f} µs ({what}) = {per/per1:.2f}× | {ok(per <= 1.3 * per1)} |")
    print(f"| one-member edit ≤ 10% of the full build | {edit:.2f} s = {edit/build*100:.0f}% | {ok(edit <= 0.1 * build)} |")
    print(f"| no web page over 1 MB | largest page {int(web[0])/1e6:.2f} MB ({web[1].strip()}); largest HTML {int(page[0])/1e6:.2f} MB ({page[1].strip()}) | {ok(int(web[0]) <= 1e6)} |")
    print(f"| one member alone | {alone*1000:.0f} ms | |")
PY
