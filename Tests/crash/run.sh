#!/usr/bin/env bash
# Crash and storage-fault checks of the engine through its command line, on scratch directories:
#   1. kill -9 a loaded writer at random moments, RESTARTS times, checking after each restart;
#   2. kill -9 online backups (and the writer beside them) at random moments;
#   3. kill -9 projection rebuilds at random moments;
#   4. fill the disk: a file-size limit (ulimit -f) and, where it can be mounted, a small tmpfs;
#   5. damage the data file: a flipped byte, two swapped records, a truncation.
# After every kill `crash-check` requires: the log and its projections pass a full audit, every
# acknowledged command is in the log, the engine opens again, and no stock item is oversold.
# Usage: Tests/crash/run.sh PATH-TO-order-engine [RESTARTS]   (CRASH_SEED=N repeats a run)
set -uo pipefail

binary=${1:?usage: run.sh PATH-TO-order-engine [RESTARTS]}
restarts=${2:-20}
seed=${CRASH_SEED:-$$}
RANDOM=$seed
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/order-engine-crash-XXXXXX")
mounted=""
cleanup() {
    kill -9 $(jobs -p) 2>/dev/null
    wait 2>/dev/null
    [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT
passed=0
failed=0
started=$(date +%s)
echo "crash: seed $seed, $restarts restarts"

pass() { passed=$((passed + 1)); echo "✔ $1"; }
fail() {
    failed=$((failed + 1))
    echo "✘ $1"
    shift
    for file in "$@"; do [ -f "$file" ] && sed 's/^/    /' "$file" | tail -20; done
}

sleep_ms() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }
random_ms() { echo $(($1 + RANDOM % ($2 - $1 + 1))); } # a whole number of milliseconds in LOW...HIGH

# check_after_crash NAME DATA ACKS: crash-check must pass on DATA.
check_after_crash() {
    if "$binary" crash-check --data "$2" --acks "$3" >"$scratch/check.out" 2>"$scratch/check.err"; then
        return 0
    fi
    fail "$1: crash-check" "$scratch/check.out" "$scratch/check.err"
    return 1
}

# start_writer DATA ACKS [OPTIONS...]: starts crash-load in the background; its pid is in $writer.
start_writer() {
    local data=$1 acks=$2
    shift 2
    "$binary" crash-load --data "$data" --acks "$acks" "$@" >>"$scratch/writer.out" 2>>"$scratch/writer.err" &
    writer=$!
}

# kill_writer: SIGKILL the writer; fails when it had already exited (it must run until killed).
kill_writer() {
    if ! kill -0 "$writer" 2>/dev/null; then
        wait "$writer"
        fail "the writer ran until it was killed (it exited with $?)" "$scratch/writer.err"
        return 1
    fi
    kill -9 "$writer"
    wait "$writer" 2>/dev/null
    return 0
}

# --- 1. kill -9 under load ------------------------------------------------------------------------
data=$scratch/data
acks=$scratch/acks
survived=0
for round in $(seq 1 "$restarts"); do
    # Every other round holds only 32 orders, payments and members in memory and snapshots every
    # 400 events, so restarts fold a tail over a snapshot that let most aggregates go; and it
    # merges members' order rows every 50 orders, so most kills land in the middle of a merge.
    if [ $((round % 2)) -eq 1 ]; then
        start_writer "$data" "$acks" --cached-aggregates 32 --snapshot-events 400 --member-order-rows 50
    else
        start_writer "$data" "$acks"
    fi
    sleep_ms "$(random_ms 300 1500)"
    kill_writer || break
    check_after_crash "restart $round" "$data" "$acks" || break
    survived=$((survived + 1))
done
acknowledged=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["acknowledged"])' "$scratch/check.out" 2>/dev/null || echo 0)
events=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["events"])' "$scratch/check.out" 2>/dev/null || echo 0)
if [ "$survived" -eq "$restarts" ]; then
    pass "$survived kill -9 restarts under load: $acknowledged acknowledged commands all in the log, $events events verified, nothing oversold"
fi

# --- 2. kill -9 during online backups -------------------------------------------------------------
backups_killed=0
backups_done=0
backup_rounds=$(((restarts + 3) / 4))
for round in $(seq 1 "$backup_rounds"); do
    start_writer "$data" "$acks"
    sleep_ms 300
    target=$scratch/backup-$round
    "$binary" backup --data "$data" --to "$target" >"$scratch/backup.out" 2>"$scratch/backup.err" &
    backup=$!
    sleep_ms "$(random_ms 0 600)"
    if kill -9 "$backup" 2>/dev/null; then backups_killed=$((backups_killed + 1)); else backups_done=$((backups_done + 1)); fi
    wait "$backup" 2>/dev/null
    if [ $((round % 2)) -eq 0 ]; then kill_writer || break; else kill -TERM "$writer"; wait "$writer" 2>/dev/null; fi
    check_after_crash "backup round $round" "$data" "$acks" || break
    if [ -f "$target/data.mdb" ]; then
        if ! "$binary" restore --from "$target" --data "$scratch/restored-$round" >"$scratch/restore.out" 2>&1; then
            fail "a backup that finished restores (round $round)" "$scratch/restore.out"
            break
        fi
    else
        "$binary" restore --from "$target" --data "$scratch/restored-$round" >"$scratch/restore.out" 2>&1
        status=$?
        if [ "$status" -eq 0 ] || [ "$status" -ge 128 ] || ! grep -q "Error" "$scratch/restore.out"; then
            fail "a killed backup is refused by restore with an error (round $round, exit $status)" "$scratch/restore.out"
            break
        fi
    fi
done
[ "$round" -eq "$backup_rounds" ] && [ "$failed" -eq 0 ] &&
    pass "$backup_rounds backups killed at random ($backups_killed while running): source intact, finished backups restore, partial ones are refused"

# --- 3. kill -9 during projection rebuilds --------------------------------------------------------
rebuilds_killed=0
rebuild_rounds=$(((restarts + 3) / 4))
for round in $(seq 1 "$rebuild_rounds"); do
    "$binary" rebuild-projections --data "$data" >"$scratch/rebuild.out" 2>"$scratch/rebuild.err" &
    rebuild=$!
    sleep_ms "$(random_ms 0 600)"
    if kill -9 "$rebuild" 2>/dev/null; then rebuilds_killed=$((rebuilds_killed + 1)); fi
    wait "$rebuild" 2>/dev/null
    check_after_crash "rebuild round $round" "$data" "$acks" || break
done
[ "$round" -eq "$rebuild_rounds" ] && [ "$failed" -eq 0 ] &&
    pass "$rebuild_rounds projection rebuilds killed at random ($rebuilds_killed while running): projections still equal a replay"
if "$binary" rebuild-projections --data "$data" >"$scratch/rebuild.out" 2>&1; then
    pass "a rebuild left to finish rewrites projections equal to a replay"
else
    fail "a rebuild left to finish rewrites projections equal to a replay" "$scratch/rebuild.out"
fi

# --- 4. disk full ---------------------------------------------------------------------------------
# after_full NAME DATA ACKS: after the writer ran until the disk (or a file-size limit) stopped it,
# requires a clear error, working reads and a clean crash-check.
after_full() {
    local name=$1 data=$2 acks=$3
    if ! grep -q '"reads_after_failure":true' "$scratch/full.out"; then
        fail "$name: the writer stops with a clear error and reads still work" "$scratch/full.out" "$scratch/full.err"
        return 1
    fi
    check_after_crash "$name" "$data" "$acks" || return 1
    pass "$name: the writer stopped with \"$(python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["error"])' <"$scratch/full.out")\", reads kept working, nothing acknowledged was lost"
}

full=$scratch/full-ulimit
(
    trap '' XFSZ
    ulimit -f 3072
    exec "$binary" crash-load --data "$full" --acks "$scratch/full-ulimit.acks" --durability none
) >"$scratch/full.out" 2>"$scratch/full.err"
if after_full "file-size limit (ulimit -f 3 MiB)" "$full" "$scratch/full-ulimit.acks"; then
    if "$binary" crash-load --data "$full" --acks "$scratch/full-ulimit.acks" --orders 200 >"$scratch/more.out" 2>&1 &&
        check_after_crash "file-size limit lifted" "$full" "$scratch/full-ulimit.acks"; then
        pass "with the limit lifted, the same directory takes 200 more orders"
    else
        fail "with the limit lifted, the same directory takes 200 more orders" "$scratch/more.out"
    fi
fi

tmpfs=$scratch/tmpfs
mkdir -p "$tmpfs"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=4m tmpfs "$tmpfs" 2>/dev/null; then
    mounted=$tmpfs
    "$binary" crash-load --data "$tmpfs/data" --acks "$scratch/full-tmpfs.acks" --durability none \
        >"$scratch/full.out" 2>"$scratch/full.err"
    if after_full "a full 4 MiB tmpfs" "$tmpfs/data" "$scratch/full-tmpfs.acks"; then
        umount "$tmpfs" 2>/dev/null || true
        mounted=""
    fi
else
    echo "- skipped the full tmpfs: mounting one needs root and a mount namespace that allows it"
fi

# --- 5. damage --------------------------------------------------------------------------------------
damaged=$scratch/damaged
"$binary" append-load --data "$damaged" --events 2000 --writers 8 --durability none >/dev/null 2>&1
# expect_damage NAME EDIT...: applies the edit to a copy, then verify must fail and name the place.
expect_damage() {
    local name=$1 copy=$scratch/damage-copy expected
    shift
    rm -rf "$copy" && cp -r "$damaged" "$copy"
    expected=$(python3 "$here/damage.py" "$copy/data.mdb" "$@")
    "$binary" verify --data "$copy" --log-only >"$scratch/verify.out" 2>&1
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -lt 128 ] && grep -q -- "$expected" "$scratch/verify.out"; then
        pass "$name: verify fails and says \"$(head -1 "$scratch/verify.out")\""
    else
        fail "$name: verify must fail (exit $status) and say '$expected'" "$scratch/verify.out"
    fi
    "$binary" append-load --data "$copy" --events 1 >"$scratch/open.out" 2>&1
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -lt 128 ] && grep -q "Error" "$scratch/open.out"; then
        pass "$name: a writer refuses to open the damaged log"
    else
        fail "$name: a writer must refuse to open the damaged log (exit $status)" "$scratch/open.out"
    fi
}
expect_damage "a flipped byte in the last record" flip 2000
expect_damage "two swapped records at the end" swap 1999 2000
expect_damage "a truncated data file" truncate
# Damage before the last commit batch is verify's to find: opening checks only the last batch.
copy=$scratch/damage-copy
rm -rf "$copy" && cp -r "$damaged" "$copy"
expected=$(python3 "$here/damage.py" "$copy/data.mdb" flip 1000)
if ! "$binary" verify --data "$copy" --log-only >"$scratch/verify.out" 2>&1 && grep -q -- "$expected" "$scratch/verify.out"; then
    pass "a flipped byte in the middle of the log: verify says \"$(head -1 "$scratch/verify.out")\""
else
    fail "a flipped byte in the middle of the log must fail verify with '$expected'" "$scratch/verify.out"
fi

echo "crash figures: seed $seed; $survived restarts survived; $acknowledged commands acknowledged, $events events; backups killed $backups_killed/$backup_rounds; rebuilds killed $rebuilds_killed/$rebuild_rounds; $(($(date +%s) - started)) s"
echo "crash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
