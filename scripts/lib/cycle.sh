# Shared by scripts/annual-evaluation and scripts/bench/season: run kinerja-worker until the jobs an
# annual evaluation queued (documents, then the notifications they queue) are all finished.

# kinerja_cycle_drain BIN APP_URL SUPERUSER_URL LOGFILE (the superuser reads past row-level security): starts one worker with the environment it
# inherits (SMTP or outbox), polls the jobs table until no job of the cycle's kinds waits or runs,
# stops the worker and prints "documents N, e-mails M, seconds S".
kinerja_cycle_drain() {
    local bin=$1 app_url=$2 admin_url=$3 logfile=$4 started pid waiting
    # psql itself, not Debian's Perl wrapper, which costs more than the poll's query.
    local psql=${KINERJA_PG_BIN:-/usr/lib/postgresql/15/bin}/psql
    started=$(date +%s.%N)
    KINERJA_DATABASE_URL=$app_url KINERJA_WORKER_METRICS_PORT=0 "$bin/kinerja-worker" >"$logfile" 2>&1 &
    pid=$!
    while :; do
        waiting=$("$psql" -X "$admin_url" -Atc "SELECT count(*) FROM jobs WHERE state NOT IN ('completed', 'cancelled', 'discarded')
                                           AND kind IN ('document.evaluation', 'evaluation.finalised')")
        [ "$waiting" = 0 ] && break
        kill -0 "$pid" 2>/dev/null || { log "the worker stopped:"; tail -20 "$logfile" >&2; return 1; }
        # Each poll scans the jobs table (about 20 ms at 30,000 jobs): twice a second keeps the
        # poll near 2% of this machine, and the figure within half a second.
        sleep 0.5
    done
    kill -TERM "$pid"; wait "$pid" || true
    psql "$admin_url" -Atc "SELECT 'discarded ' || kind || ': ' || left(errors->-1->>'error', 300) FROM jobs
                            WHERE state = 'discarded' LIMIT 5" >&2
    psql "$admin_url" -Atc "SELECT 'documents ' || (SELECT count(*) FROM documents WHERE kind LIKE 'evaluation%')
                            || ', e-mails ' || (SELECT count(*) FROM job_mail_deliveries)
                            || ', in-app notifications ' || (SELECT count(*) FROM notifications)
                            || ', discarded jobs ' || (SELECT count(*) FROM jobs WHERE state = 'discarded')
                            || ', seconds ' || round(($(date +%s.%N) - $started)::numeric, 1)"
}
