#!/usr/bin/env bash
# Durable order placements per second through HTTP, all on ONE hot SKU: `order-engine serve
# --durability full` on a fresh scratch directory per route, a SKU `hot` with 10^9 units, 1,000
# members, then wrk with keep-alive connections sending unique orders, first one per request
# (POST /v1/orders), then many per request (POST /v1/commands/batch).
#
# Usage: Benchmarks/http/run.sh PATH-TO-order-engine   (a release build: make build)
# BENCH_SECONDS (20), BENCH_CONNECTIONS (50), BENCH_THREADS (2), BENCH_BATCH (100 orders per
# batch request) and TMPDIR (where the data directories go) change the set-up.
set -euo pipefail

binary=$(realpath "${1:?usage: run.sh PATH-TO-order-engine}")
here=$(cd "$(dirname "$0")" && pwd)
seconds=${BENCH_SECONDS:-20}
[ "$seconds" -ge 6 ] || { echo "BENCH_SECONDS must be at least 6"; exit 1; }
connections=${BENCH_CONNECTIONS:-50}
threads=${BENCH_THREADS:-2}
batch=${BENCH_BATCH:-100}
members=1000
key=bench-admin-key-0123456789
command -v wrk >/dev/null || {
    echo "wrk is missing: apt-get install -y wrk"
    exit 1
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/order-engine-http-bench-XXXXXX")
server=
stop_server() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        server=
    fi
}
trap 'stop_server; rm -rf "$scratch"' EXIT

start_server() { # start_server DIR: serves DIR durably; sets url
    : >"$scratch/server.out"
    ORDER_ENGINE_API_KEYS="bench:admin:$key" "$binary" serve --data "$1" --port 0 --durability full \
        >"$scratch/server.out" 2>"$scratch/server.err" &
    server=$!
    url=
    for _ in $(seq 1 300); do
        url=$(sed -n 's/^order-engine serving .* on \(http:[^ ]*\)$/\1/p' "$scratch/server.out")
        [ -n "$url" ] && return 0
        sleep 0.1
    done
    echo "order-engine serve did not start:" && cat "$scratch/server.out" "$scratch/server.err"
    exit 1
}

post() { # post PATH BODY: fails unless the answer is 200
    local status
    status=$(curl -sS -o "$scratch/answer.json" -w '%{http_code}' -X POST "$url$1" -H "X-API-Key: $key" \
        -H 'Content-Type: application/json' --data "$2")
    [ "$status" = 200 ] || {
        echo "set-up POST $1 answered $status: $(cat "$scratch/answer.json")"
        exit 1
    }
}

set_up() { # the hot SKU with 10^9 units in one warehouse, and members m0 ... m999
    post /v1/skus '{"sku":"hot","title":"Hot item","price":{"minorUnits":1000,"currency":"CNY"},"categoryPath":["deals"]}'
    post /v1/skus/hot/list '{}'
    post /v1/skus/hot/stock/w1/receive '{"quantity":1000000000}'
    local entries=()
    for index in $(seq 0 $((members - 1))); do
        entries+=("{\"command\":\"members.register\",\"body\":{\"member\":\"m$index\",\"displayName\":\"Member $index\"}}")
    done
    post /v1/commands/batch "{\"commands\":[$(IFS=,; echo "${entries[*]}")]}"
    grep -q '"problem"' "$scratch/answer.json" && echo "registering members failed" && exit 1
    return 0
}

accepted() { # orders the server has accepted so far
    curl -sS "$url/metrics" |
        awk '/^order_engine_commands_total\{command="orders.place",outcome="accepted"\}/ { n = $2 } END { print n + 0 }'
}

refused() { # order placements the server refused so far (batch entries fail inside a 200)
    curl -sS "$url/metrics" |
        awk '/^order_engine_commands_total\{command="orders.place",outcome=/ && !/outcome="accepted"/ { n += $2 } END { print n + 0 }'
}

now() { date +%s.%N; }

measure() { # measure NAME ORDERS-PER-REQUEST SCRIPT ARGS...: one wrk run on a fresh directory
    local name=$1 per_request=$2 script=$3
    shift 3
    start_server "$scratch/$name"
    set_up
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/$script" "$url" -- "$key" "$name" "$members" "$@" \
        >"$scratch/$name.wrk" &
    local wrk_pid=$!
    # Orders per second from the server's own count, over the middle of the run: the first and
    # last 2 s (connections opening, requests still in flight when wrk stops) are left out.
    sleep 2
    local first_count first_time last_count last_time
    first_count=$(accepted) first_time=$(now)
    sleep $((seconds - 4))
    last_count=$(accepted) last_time=$(now)
    wait "$wrk_pid"
    local refused_count
    refused_count=$(refused)
    stop_server
    local requests elapsed non2xx p50 p99
    requests=$(awk '/requests in/ { print $1 }' "$scratch/$name.wrk")
    elapsed=$(awk '/requests in/ { sub(/s,$/, "", $4); print $4 }' "$scratch/$name.wrk")
    non2xx=$(awk '/Non-2xx/ { print $5 }' "$scratch/$name.wrk")
    p50=$(awk '$1 == "50%" { print $2 }' "$scratch/$name.wrk")
    p99=$(awk '$1 == "99%" { print $2 }' "$scratch/$name.wrk")
    awk -v name="$name" -v per="$per_request" -v requests="$requests" -v elapsed="$elapsed" -v non2xx="${non2xx:-0}" \
        -v orders="$((last_count - first_count))" -v t1="$first_time" -v t2="$last_time" -v refused="$refused_count" \
        -v p50="$p50" -v p99="$p99" 'BEGIN {
        printf "%-6s %3d orders/request  %7.0f orders/s  %6.0f requests/s  latency p50 %s p99 %s  non-2xx %d  refused %d\n",
            name, per, orders / (t2 - t1), requests / elapsed, p50, p99, non2xx, refused
    }'
    [ "${non2xx:-0}" -eq 0 ] || { echo "non-2xx answers:" && cat "$scratch/$name.wrk"; }
}

echo "order-engine serve --durability full; one hot SKU; $connections connections, $threads wrk threads, ${seconds}s per route"
measure single 1 place.lua
measure batch "$batch" batch.lua "$batch"
