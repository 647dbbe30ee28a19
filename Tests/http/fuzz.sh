#!/usr/bin/env bash
# Fuzzes `order-engine serve` against Docs/openapi.yaml with schemathesis: every operation gets the
# document's examples, its boundary and negative cases, and a bounded number of random ones, all
# sent with an admin key. It fails when an answer is a 5xx, has a status or media type the document
# does not list for the operation, or has a body that does not match the document's schema; and
# when the server logs a failed request, dies, or does not stop within 10 s of SIGTERM.
#
# Usage: Tests/http/fuzz.sh PATH-TO-order-engine [SCHEMATHESIS-RUN-OPTIONS...]
# FUZZ_MAX_EXAMPLES (default 30) bounds the random cases per operation; FUZZ_SEED fixes the run;
# FUZZ_VENV says where the Python environment lives (default .build/fuzz-venv, kept between runs).
set -uo pipefail

binary=$(realpath "${1:?usage: fuzz.sh PATH-TO-order-engine}")
root=$(cd "$(dirname "$0")/../.." && pwd)
schema=$root/Docs/openapi.yaml
venv=${FUZZ_VENV:-$root/.build/fuzz-venv}
schemathesis_version=4.32.5
max_examples=${FUZZ_MAX_EXAMPLES:-30}
seed=${FUZZ_SEED:-$RANDOM$RANDOM}
admin_key=fuzz-admin-key-0123456789
webhook_secret=fuzz-webhook-secret-0123456789

scratch=$(mktemp -d "${TMPDIR:-/tmp}/order-engine-fuzz-XXXXXX")
server=
stop_server() { # SIGTERM, then SIGKILL after 10 s; fails if SIGKILL was needed
    [ -n "$server" ] || return 0
    local pid=$server
    server=
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 1
}
trap 'stop_server; rm -rf "$scratch"' EXIT

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qF "$schemathesis_version"; then
    echo "Installing schemathesis $schemathesis_version into $venv..."
    python3 -m venv "$venv" &&
        "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version" || {
        echo "✘ could not install schemathesis"
        exit 1
    }
fi

ORDER_ENGINE_API_KEYS="fuzz-admin:admin:$admin_key" \
    ORDER_ENGINE_TOKEN_SECRET=fuzz-token-secret-0123456789abcdef0123456789 \
    ORDER_ENGINE_WEBHOOK_SECRETS="alipay:$webhook_secret" \
    "$binary" serve --data "$scratch/data" --port 0 --durability none >"$scratch/server.out" 2>"$scratch/server.err" &
server=$!
url=
for _ in $(seq 1 300); do
    url=$(sed -n 's/^order-engine serving .* on \(http:[^ ]*\)$/\1/p' "$scratch/server.out")
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "✘ order-engine serve did not start"
    cat "$scratch/server.out" "$scratch/server.err"
    exit 1
fi

# The ids the document uses as examples, so its example cases reach real resources too.
send() { # send METHOD PATH [BODY]: fails unless the answer is 200
    curl -sS -o "$scratch/seed.json" -w '%{http_code}' -X "$1" "$url$2" -H "X-API-Key: $admin_key" \
        -H 'Content-Type: application/json' ${3:+--data "$3"} | grep -qx 200 || {
        echo "✘ seeding $1 $2 failed:"
        cat "$scratch/seed.json"
        echo
        exit 1
    }
}
address='{"recipient":"Li Lei","phone":"13800000000","region":"Shanghai","city":"Shanghai","street":"1 Nanjing Road","postalCode":"200001"}'
send POST /v1/skus '{"sku":"tee-white-m","title":"Tee, white, M","price":{"minorUnits":1999,"currency":"CNY"},"categoryPath":["apparel","tees"]}'
send POST /v1/skus/tee-white-m/list
send POST /v1/skus/tee-white-m/stock/shanghai/receive '{"quantity":1000}'
send POST /v1/members '{"member":"m-1","displayName":"Li Lei"}'
send POST /v1/members/m-1/addresses "{\"address\":\"home\",${address:1}"
send POST /v1/coupons '{"code":"WELCOME10","discount":{"kind":"fixed","amount":{"minorUnits":100,"currency":"CNY"}},"minimumSpend":{"minorUnits":0,"currency":"CNY"},"validFrom":"2020-01-01T00:00:00Z","validUntil":"2100-01-01T00:00:00Z","usageLimit":1000}'
send POST /v1/orders "{\"order\":\"o-1\",\"member\":\"m-1\",\"lines\":[{\"sku\":\"tee-white-m\",\"quantity\":2}],\"shippingAddress\":$address}"
send POST /v1/payments '{"payment":"p-1","order":"o-1","method":"alipay","amount":{"minorUnits":3998,"currency":"CNY"}}'
send POST /v1/payments/p-1/capture '{"amount":{"minorUnits":3998,"currency":"CNY"}}'
send POST /v1/shipments '{"shipment":"s-1","order":"o-1","warehouse":"shanghai","lines":[{"sku":"tee-white-m","quantity":2}]}'
send POST /v1/shipments/s-1/carrier '{"carrier":"SF Express","trackingNumber":"SF1234567890"}'
send POST /v1/shipments/s-1/ship
send POST /v1/shipments/s-1/deliver
send POST /v1/after-sales '{"afterSale":"as-1","order":"o-1","member":"m-1","kind":"return","lines":[{"sku":"tee-white-m","quantity":1}],"reason":"too small"}'

# The feed follows live by default: a case that waits for events ends after 2 s or 20 events.
cat >"$scratch/schemathesis.toml" <<'EOF'
[[operations]]
include-operation-id = "events.feed"
request-timeout = 2.0
max-stream-events = 20
EOF

echo "Fuzzing $url against Docs/openapi.yaml (schemathesis $schemathesis_version, seed $seed, $max_examples random cases per operation)"
(cd "$scratch" && "$venv/bin/schemathesis" --config-file "$scratch/schemathesis.toml" run "$schema" \
    --url "$url" \
    --header "X-API-Key: $admin_key" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "$max_examples" \
    --seed "$seed" \
    --workers 1 \
    --request-timeout 10 \
    --no-shrink \
    --suppress-health-check all \
    --warnings off \
    "${@:2}") | tee "$scratch/schemathesis.out"
status=${PIPESTATUS[0]}

if ! kill -0 "$server" 2>/dev/null; then
    echo "✘ order-engine serve died during the run:"
    tail -20 "$scratch/server.err"
    status=1
elif ! stop_server; then
    echo "✘ order-engine serve did not stop within 10 s of SIGTERM"
    status=1
fi
if grep -q "request failed" "$scratch/server.err"; then
    echo "✘ the server logged failed requests:"
    grep "request failed" "$scratch/server.err" | head -20
    status=1
fi
cases=$(grep -E '[0-9]+ generated, ' "$scratch/schemathesis.out" | tail -1)
generated=$(grep -oE '[0-9]+ generated' <<<"$cases" | grep -oE '[0-9]+' || echo 0)
failed=$(grep -oE 'found [0-9]+' <<<"$cases" | grep -oE '[0-9]+' || echo 0)
passed=$((generated > failed ? generated - failed : 0))
if [ "$status" -eq 0 ]; then
    echo "✔ no 5xx, every answer matches Docs/openapi.yaml"
else
    [ "$failed" -gt 0 ] || failed=1
    echo "✘ fuzz failed (reproduce with FUZZ_SEED=$seed)"
fi
echo "fuzz: $passed passed, $failed failed"
exit "$status"
