#!/usr/bin/env bash
# Adversarial inputs at three sizes (n, 2n, 4n): time and peak memory of check, build and diff,
# and how time grows from n to 4n. Linear work grows about 4x; quadratic work about 16x.
#
#   bench/adversarial.sh            # every case (about 3 minutes on 2 cores)
#   bench/adversarial.sh titles     # chosen cases
#
# Cases and sizes are in bench/adversarial.py. Work files go to BENCH_DIR (default
# /tmp/resplist-adversarial).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/resplist-adversarial}
mkdir -p "$work"
cargo build --release --quiet --bin resplist
bin=$PWD/target/release/resplist

# case, command, n (2n and 4n follow)
all=(
    "wrong-ids check 8000"
    "duplicate-ids check 8000"
    "long-line check 10000"
    "titles check 16000"
    "titles build 4000"
    "long-field check 12"
    "long-field build 12"
    "departments check 5000"
    "departments build 2500"
    "diff-renames diff 1000"
    "diff-items diff 5000"
)
chosen=("$@")

# The fastest of three runs in seconds, and peak KiB (output discarded; exit 1, problems found,
# is expected).
measure() {
    local dir=$1 command=$2
    local args best="" kib=0
    case $command in
        check) args=(check "$dir") ;;
        build) args=(build "$dir" --quiet --output "$work/site") ;;
        diff) args=(diff HEAD~1 HEAD --project "$dir") ;;
    esac
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" "$bin" "${args[@]}" >/dev/null 2>&1 || true
        # The last line: the first is "Command exited with non-zero status" when problems were found.
        read -r seconds rss < <(tail -n 1 "$work/time")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(not $seconds < $best)"; then best=$seconds; fi
        kib=$rss
    done
    echo "$best $kib"
}

printf '| case | command | n | time n / 2n / 4n | peak RSS at 4n | 4n/n time |\n|---|---|---|---|---|---|\n'
for entry in "${all[@]}"; do
    read -r name command n <<<"$entry"
    if [ ${#chosen[@]} -gt 0 ] && [[ ! " ${chosen[*]} " == *" $name "* ]]; then continue; fi
    times=()
    rss=0
    for scale in 1 2 4; do
        size=$((n * scale))
        dir="$work/$name-$size"
        [ -d "$dir" ] || python3 bench/adversarial.py "$name" "$size" "$dir"
        read -r seconds kib < <(measure "$dir" "$command")
        times+=("$seconds")
        rss=$kib
    done
    ratio=$(python3 -c "a, b = ${times[0]}, ${times[2]}; print(f'{b / a:.1f}' if a > 0 else '-')")
    printf '| %s | %s | %s | %s s / %s s / %s s | %s MB | %s |\n' "$name" "$command" "$n" \
        "${times[0]}" "${times[1]}" "${times[2]}" "$((rss / 1024))" "$ratio"
done
