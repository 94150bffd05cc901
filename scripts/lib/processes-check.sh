#!/usr/bin/env bash
# Several processes against one database (issue 7 item 5); scripts/test runs it after the Swift
# tests, against the test database it migrated:
#   1. jobs: three kinerja-worker processes drain JOBS `test.record` jobs (TestRecordHandler, on
#      its own queue). Each run appends its job id to its worker's record file, so "ran exactly
#      once" is counted per job id from the side effect, not from the queue's own bookkeeping;
#      the first jobs wait behind a gate until every worker has claimed some, so all three take
#      part whatever the timing.
#   2. rolling restart: two kinerja-api processes behind haproxy, whose `option httpchk GET
#      /readyz` follows readiness as a Kubernetes Service does. wrk drives steady traffic through
#      it while one API gets SIGTERM (readiness 503, still serving), is seen out of rotation,
#      gets a second SIGTERM that ends its drain pause, drains, exits 0, starts again and takes
#      traffic again. No request may fail: no non-2xx response, no socket error.
# No step depends on timing: every wait polls for a state with a generous deadline. Every process
# started here is stopped when the script exits, on failure too.
#
#   bash scripts/lib/processes-check.sh BIN_DIR     (needs KINERJA_TEST_DATABASE_URL and
#                                                    KINERJA_TEST_SUPERUSER_URL, as scripts/test sets)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/common.sh

bin=${1:?usage: processes-check.sh BIN_DIR}
: "${KINERJA_TEST_DATABASE_URL:?set by scripts/test}" "${KINERJA_TEST_SUPERUSER_URL:?set by scripts/test}"
jobs_total=${JOBS:-3000}
queue=processes-check

work=$(mktemp -d /tmp/kinerja-processes.XXXXXX)
mkdir -p "$work/records"
started=()  # every process started here, by pid
passed=0

# alive PID: the process exists and is not a zombie waiting to be reaped.
alive() { [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

cleanup() {
    set +e
    local pid
    for pid in "${started[@]}"; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
    for pid in "${started[@]}"; do
        for _ in $(seq 150); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ "$passed" -ne 2 ]; then
        for f in "$work"/*.log; do [ -s "$f" ] && { echo "--- $(basename "$f") (last lines)"; tail -n 15 "$f"; }; done >&2
        echo "processes-check: $passed passed, $(( 2 - passed )) failed"
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { log "FAILED: $*"; exit 1; }

# poll SECONDS WHAT COMMAND...: runs COMMAND every 0.1 s until it succeeds; fails after SECONDS.
poll() {
    local limit=$1 what=$2; shift 2
    local end=$(( SECONDS + limit ))
    until "$@"; do
        [ "$SECONDS" -lt "$end" ] || fail "no $what within ${limit} s"
        sleep 0.1
    done
}

sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$KINERJA_TEST_SUPERUSER_URL" -c "$1"; }
free_port() { "$KINERJA_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---- 1. three workers, one queue -------------------------------------------------------------
phase_start=$SECONDS
workers=()
for n in 1 2 3; do
    KINERJA_DATABASE_URL=$KINERJA_TEST_DATABASE_URL KINERJA_LOG_LEVEL=warning \
    KINERJA_WORKER_QUEUE=$queue KINERJA_WORKER_METRICS_PORT=0 KINERJA_WORKER_GRACE_MS=5000 \
    KINERJA_MAIL_OUTBOX="$work/outbox" KINERJA_WORKER_TEST_RECORD_DIR="$work/records" \
        "$bin/kinerja-worker" >"$work/worker$n.log" 2>&1 &
    started+=($!) workers+=($!)
done
sql "INSERT INTO jobs (queue, kind) SELECT '$queue', 'test.record' FROM generate_series(1, $jobs_total) RETURNING id" \
    | sort >"$work/enqueued"
[ "$(wc -l <"$work/enqueued")" -eq "$jobs_total" ] || fail "enqueued $(wc -l <"$work/enqueued") of $jobs_total jobs"

every_worker_claimed() {
    local pid
    for pid in "${workers[@]}"; do [ -s "$work/records/worker-$pid.jobs" ] || return 1; done
}
poll 60 "record from every worker" every_worker_claimed
touch "$work/records/open"
drained() { [ "$(sql "SELECT count(*) FROM jobs WHERE queue = '$queue' AND state IN ('available', 'scheduled', 'running', 'retryable')")" -eq 0 ]; }
poll 120 "drained queue" drained

cat "$work"/records/worker-*.jobs | sort >"$work/recorded"
runs=$(wc -l <"$work/recorded")
twice=$(uniq -d "$work/recorded" | wc -l)
completed=$(sql "SELECT count(*) FROM jobs WHERE queue = '$queue' AND state = 'completed' AND attempt = 1")
per_worker=()
for pid in "${workers[@]}"; do per_worker+=("$(wc -l <"$work/records/worker-$pid.jobs")"); done
echo "jobs: $jobs_total enqueued, $runs handler runs, $twice job ids run more than once," \
     "$completed completed at the first attempt; runs per worker: ${per_worker[*]} ($(( SECONDS - phase_start )) s)"
[ "$twice" -eq 0 ] || fail "$twice jobs ran more than once"
cmp -s "$work/enqueued" "$work/recorded" || fail "the recorded job ids are not the enqueued ones"
[ "$completed" -eq "$jobs_total" ] || fail "$completed of $jobs_total jobs completed at the first attempt"
for count in "${per_worker[@]}"; do [ "$count" -gt 0 ] || fail "a worker ran no job"; done
for pid in "${workers[@]}"; do
    kill -TERM "$pid"
    wait "$pid" || fail "worker $pid exited with status $?"
done
passed=1

# ---- 2. two APIs behind haproxy, one restarted under traffic ---------------------------------
phase_start=$SECONDS
api_ports=("$(free_port)" "$(free_port)")
lb_port=$(free_port) stats_port=$(free_port)
apis=()
# start_api N: starts API N (0 or 1) on its port. The drain pause is long on purpose: the second
# SIGTERM ends it once haproxy has taken the process out of rotation.
start_api() {
    KINERJA_DATABASE_URL=$KINERJA_TEST_DATABASE_URL KINERJA_LOG_LEVEL=info \
    KINERJA_HTTP_PORT=${api_ports[$1]} KINERJA_HANDLER_THREADS=4 KINERJA_MIGRATIONS_DIR=migrations \
    KINERJA_HTTP_DRAIN_DELAY_MS=60000 KINERJA_SHUTDOWN_DEADLINE_MS=10000 \
        "$bin/kinerja-api" >>"$work/api$1.log" 2>&1 &
    started+=($!)
    apis[$1]=$!
}
start_api 0
start_api 1

# No retries and no redispatch: a request that fails is counted, not hidden.
cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 512
defaults
    mode http
    retries 0
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend api
    bind 127.0.0.1:$lb_port
    default_backend apis
backend apis
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter 100ms fall 2 rise 2
    server api0 127.0.0.1:${api_ports[0]} check
    server api1 127.0.0.1:${api_ports[1]} check
listen stats
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /stats
CFG
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
started+=($!)

# stat PROXY SERVER FIELD: one field of haproxy's CSV statistics (status, stot, hrsp_5xx, ...).
stat() {
    curl -fsS "http://127.0.0.1:$stats_port/stats;csv" | awk -F, -v p="$1" -v s="$2" -v f="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i == "# pxname" ? "pxname" : $i] = i; next }
        $1 == p && $2 == s { print $col[f] }'
}
status_is() { [ "$(stat apis "$1" status 2>/dev/null)" = "$2" ]; }
served_over() { [ "$(stat apis "$1" stot 2>/dev/null || echo 0)" -gt "$2" ]; }

poll 60 "api0 in rotation" status_is api0 UP
poll 60 "api1 in rotation" status_is api1 UP

# Steady traffic: 8 connections, each waiting 5 ms between requests, on a one-row endpoint.
echo 'function delay() return 5 end' >"$work/pace.lua"
wrk -t1 -c8 -d300s --timeout 10s -s "$work/pace.lua" "http://127.0.0.1:$lb_port/v1/tenants/karawang" \
    >"$work/wrk.log" 2>&1 &
wrk_pid=$!
started+=("$wrk_pid")
poll 60 "traffic through api0" served_over api0 500
poll 60 "traffic through api1" served_over api1 500

old=${apis[0]}
kill -TERM "$old"
# The API's own word that it took the signal, so the second cannot reach it before the first
# was taken (two pending SIGTERMs would be one); then haproxy's.
pausing() { grep -q '"message":"not ready; pausing before the drain"' "$work/api0.log"; }
poll 60 "api0 pausing after SIGTERM" pausing
poll 60 "api0 out of rotation after SIGTERM" status_is api0 DOWN
alive "$old" || fail "api0 exited before haproxy took it out of rotation"
before=$(stat apis api0 stot)
kill -TERM "$old"  # ends the drain pause
second_at=$(date +%T.%N)
for _ in $(seq 600); do alive "$old" || break; sleep 0.1; done
if alive "$old"; then
    # Seen in some full runs: say what the process and its threads are doing, for the next look.
    { echo "second SIGTERM at $second_at, now $(date +%T.%N)"; grep -E '^(State|SigBlk|SigIgn|SigCgt)' "/proc/$old/status"
      for t in /proc/"$old"/task/*; do echo "$(cat "$t/comm") $(awk '{print $3}' "$t/stat") $(cat "$t/wchan" 2>/dev/null)"; done
      # The API's own account of its shutdown (its access log lines left out).
      grep -v '"path"' "$work/api0.log" | tail -n 20
    } >"$work/api0-state.log" 2>&1
    command -v gdb >/dev/null && gdb -p "$old" -batch -ex "thread apply all bt 12" >"$work/api0-threads.log" 2>&1
    fail "api0 still running 60 s after the second SIGTERM"
fi
wait "$old" || fail "api0 exited with status $?"
start_api 0
poll 60 "restarted api0 in rotation" status_is api0 UP
poll 60 "traffic through the restarted api0" served_over api0 $(( before + 1000 ))

kill -INT "$wrk_pid"  # wrk prints its summary on SIGINT
wait "$wrk_pid" || true
requests=$(awk '/requests in/ {print $1}' "$work/wrk.log")
over=$(awk '/requests in/ {sub(/,$/, "", $4); print $4}' "$work/wrk.log")
non2xx=$(awk -F': ' '/Non-2xx/ {print $2}' "$work/wrk.log")
socket=$(awk '/Socket errors/ {sub(/.*Socket errors: /, ""); print}' "$work/wrk.log")
lb5xx=$(stat api FRONTEND hrsp_5xx)
echo "rolling restart: $requests requests through haproxy in $over, ${non2xx:-0} non-2xx, socket errors: ${socket:-none};" \
     "haproxy counted $(stat api FRONTEND req_tot) requests, $lb5xx 5xx; served by api0 $(stat apis api0 stot)" \
     "(restarted), api1 $(stat apis api1 stot) ($(( SECONDS - phase_start )) s)"
[ -n "$requests" ] && [ "$requests" -gt 0 ] || fail "wrk reported no requests: $(cat "$work/wrk.log")"
[ -z "$non2xx" ] && [ -z "$socket" ] && [ "$lb5xx" -eq 0 ] || fail "requests failed during the rolling restart"
passed=2
echo "processes-check: 2 passed, 0 failed"
