#!/usr/bin/env bash
# End-to-end checks of the order-engine command line on scratch data directories: two writers on
# one directory, reads and backups beside a running writer, restore, bad input, and the scripted demo day.
# Usage: Tests/cli/run.sh PATH-TO-order-engine
set -uo pipefail

binary=${1:?usage: run.sh PATH-TO-order-engine}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/order-engine-cli-XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$scratch"' EXIT
passed=0
failed=0

check() { # check NAME COMMAND...: passes when COMMAND exits 0
    local name=$1
    shift
    if "$@" >"$scratch/out" 2>"$scratch/err"; then
        passed=$((passed + 1))
        echo "✔ $name"
    else
        failed=$((failed + 1))
        echo "✘ $name"
        sed 's/^/    /' "$scratch/out" "$scratch/err" | head -20
    fi
}

fails_with() { # fails_with TEXT COMMAND...: COMMAND must exit non-zero and say TEXT on one line
    local text=$1
    shift
    ! "$@" >"$scratch/fail.out" 2>&1 && grep -q -- "$text" "$scratch/fail.out"
}

json_field() { # json_field FILE KEY: the raw value of KEY in a one-line JSON object
    python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$1" "$2"
}

data=$scratch/data
"$binary" append-load --data "$data" --events 300000 --writers 32 --durability none --json >"$scratch/load.json" &
writer=$!
for _ in $(seq 1 100); do [ -f "$data/data.mdb" ] && break; sleep 0.05; done

check "a second writer on the same directory is refused with a clear error" \
    fails_with "already open" "$binary" append-load --data "$data" --events 10
check "verify runs beside a live writer" "$binary" verify --data "$data" --log-only --json
check "an online backup beside a live writer verifies" "$binary" backup --data "$data" --to "$scratch/backup"
check "the writer finishes every append" wait "$writer"
check "the load reports 300000 events" test "$(json_field "$scratch/load.json" events)" = 300000

"$binary" verify --data "$data" --log-only --json >"$scratch/verify.json"
check "verify reports ok after the load" test "$(json_field "$scratch/verify.json" ok)" = true
check "verify counts every event" test "$(json_field "$scratch/verify.json" events)" = 300000
check "export prints one JSON object per event of a stream" \
    bash -c "'$binary' export --data '$data' --stream load-3 | python3 -c 'import json,sys; n=sum(1 for l in sys.stdin if json.loads(l)[\"stream\"]==\"load-3\"); sys.exit(0 if n>0 else 1)'"
check "restore makes a verified log from the backup" "$binary" restore --from "$scratch/backup" --data "$scratch/restored"
check "restore refuses a directory that holds a log" fails_with "already holds a log" \
    "$binary" restore --from "$scratch/backup" --data "$data"
check "verify of a missing directory fails with one line" fails_with "Error" "$binary" verify --data "$scratch/absent"
check "a bad option value is refused" fails_with "Error" "$binary" append-load --data "$scratch/x" --writers 0

demo=$scratch/demo
check "demo runs a scripted day on a fresh directory" "$binary" demo --data "$demo"
cp "$scratch/out" "$scratch/demo.txt"
check "demo ends with the event count and verify ok" grep -Eq '^events: [0-9]+, verify: ok$' "$scratch/demo.txt"
"$binary" verify --data "$demo" --json >"$scratch/demo-verify.json"
check "verify finds the demo's log ok" test "$(json_field "$scratch/demo-verify.json" ok)" = true
check "demo prints the same day on another fresh directory" \
    bash -c "'$binary' demo --data '$scratch/demo-fresh' | diff '$scratch/demo.txt' -"
check "demo runs again on the same directory with --json" "$binary" demo --data "$demo" --json
cp "$scratch/out" "$scratch/demo.jsonl"
check "demo --json prints one JSON object with a kind per line" \
    python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; sys.exit(0 if rows and all("kind" in r for r in rows) else 1)' \
    "$scratch/demo.jsonl"
tail -n 1 "$scratch/demo.jsonl" >"$scratch/demo-summary.json"
check "a second demo answers every command as a duplicate" test "$(json_field "$scratch/demo-summary.json" accepted)" = 0
"$binary" verify --data "$demo" --json >"$scratch/demo-verify-again.json"
check "a second demo writes no new events" \
    test "$(json_field "$scratch/demo-verify-again.json" events)" = "$(json_field "$scratch/demo-verify.json" events)"

# flash-sale: small runs of every scenario, each checking itself, and bad flags refused.
sale() { # sale NAME ARGS...: one flash-sale run with --json into $scratch/NAME.json
    local name=$1
    shift
    "$binary" flash-sale --json "$@" >"$scratch/$name.json"
}
check "flash-sale sell-out sells exactly the stock and checks itself" \
    sale sellout --orders 3000 --stock 500 --buyers 50
check "flash-sale sell-out accepts the stock and refuses the rest" \
    test "$(json_field "$scratch/sellout.json" accepted)/$(json_field "$scratch/sellout.json" refused)" = 500/2500
check "flash-sale never oversells" test "$(json_field "$scratch/sellout.json" oversold)" = 0
check "flash-sale sell-out refuses on the buyers' threads once sold out" python3 -c \
    'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if 0 < r["fast_refusals"] <= r["refused"] else 1)' \
    "$scratch/sellout.json"
check "flash-sale reports both baselines and their ratios" python3 -c \
    'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if all(r[k] and r[k]>0 for k in ("raw_lmdb_events_per_second","ratio_vs_raw_lmdb","sqlite_orders_per_second","ratio_vs_sqlite","latency_us_p999","peak_rss_bytes")) else 1)' \
    "$scratch/sellout.json"
check "flash-sale sustained accepts every order" \
    sale sustained --scenario sustained --orders 2000 --stock 2000 --buyers 20 --batch 8 --skip-baselines
check "flash-sale sustained writes every order" test "$(json_field "$scratch/sustained.json" accepted)" = 2000
check "flash-sale many-skus checks every SKU" \
    sale many --scenario many-skus --skus 50 --stock 20 --orders 2000 --buyers 20 --skip-baselines
check "flash-sale full-path pays and ships every accepted order" \
    sale full --scenario full-path --orders 300 --stock 200 --buyers 10
check "flash-sale full-path accepts the stock" test "$(json_field "$scratch/full.json" accepted)" = 200
check "flash-sale keeps its log in --data" sale kept --data "$scratch/sale" --orders 200 --stock 100 --buyers 5 --skip-baselines
check "verify finds the flash-sale log ok" "$binary" verify --data "$scratch/sale"
check "flash-sale refuses a directory that holds a log" fails_with "already holds a log" \
    "$binary" flash-sale --data "$scratch/sale" --orders 10
check "flash-sale refuses zero buyers" fails_with "buyers" "$binary" flash-sale --buyers 0
check "flash-sale refuses an unknown scenario" fails_with "scenario" "$binary" flash-sale --scenario clearance
check "flash-sale sustained refuses less stock than orders" fails_with "sustained" \
    "$binary" flash-sale --scenario sustained --orders 100 --stock 10

# serve: refuses weak keys; stops at once on SIGTERM even with a live event-feed follower.
check "serve refuses an API key shorter than 16 bytes" fails_with "shorter than 16 bytes" \
    env ORDER_ENGINE_API_KEYS=a:admin:short "$binary" serve --data "$scratch/served" --port 0
stops_with_a_follower() {
    ORDER_ENGINE_API_KEYS=a:admin:0123456789abcdef0123 "$binary" serve --data "$scratch/served" --port 0 \
        --durability none >"$scratch/serve.out" 2>&1 &
    local server=$!
    for _ in $(seq 1 100); do grep -q "serving" "$scratch/serve.out" && break; sleep 0.1; done
    local port
    port=$(grep -o 'http://[^ ]*' "$scratch/serve.out" | sed 's/.*://')
    curl -s -N -H "X-API-Key: 0123456789abcdef0123" "http://127.0.0.1:$port/v1/events" >/dev/null &
    local follower=$!
    sleep 0.5
    kill -TERM "$server"
    for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill "$follower" 2>/dev/null
    if kill -0 "$server" 2>/dev/null; then kill -9 "$server"; return 1; fi
}
check "serve stops within 5 s of SIGTERM while a feed follower is connected" stops_with_a_follower

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
