# Shared by scripts/dev, scripts/test and scripts/bench/*: packages, PostgreSQL cluster, roles.
# Sourced, not run. Every function is safe to call twice.

KINERJA_PG_BIN=${KINERJA_PG_BIN:-/usr/lib/postgresql/15/bin}

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }

# Debian packages the build, the tests and the system need; installs what is missing.
kinerja_ensure_packages() {
    local wanted=(pkg-config libpq-dev libssl-dev libcurl4-openssl-dev postgresql-15 postgresql-client-15
                  python3-aiosmtpd qpdf poppler-utils "$@")
    local missing=()
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Runs a PostgreSQL server binary as the user that owns the cluster: `postgres` when we are root
# (initdb refuses to run as root), ourselves otherwise.
kinerja_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# kinerja_pg_start DATADIR PORT [extra postgres -c options...]
# Creates the cluster on first use, then starts it listening on 127.0.0.1:PORT and on a unix
# socket inside DATADIR. Reuses a running or existing cluster.
kinerja_pg_start() {
    local data=$1 port=$2; shift 2
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
        log "initdb $data"
        kinerja_pg_as_owner "$KINERJA_PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    if kinerja_pg_as_owner "$KINERJA_PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        return 0
    fi
    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c max_connections=200"
    for o in "$@"; do opts="$opts $o"; done
    kinerja_pg_as_owner "$KINERJA_PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -o "$opts" -w -t 60 start >/dev/null
}

# kinerja_pg_stop DATADIR
kinerja_pg_stop() {
    local data=$1
    [ -f "$data/PG_VERSION" ] || return 0
    kinerja_pg_as_owner "$KINERJA_PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# kinerja_pg_bootstrap DATADIR PORT DBNAME
# Creates the two roles and the database (idempotent):
#   kinerja_owner  owns the schema and runs migrations;
#   kinerja_app    what the API and worker connect as: owns nothing, cannot bypass row-level security.
kinerja_pg_bootstrap() {
    local data=$1 port=$2 db=$3
    local psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres)
    "${psql[@]}" -d postgres <<SQL
SELECT 'CREATE ROLE kinerja_owner LOGIN CREATEDB'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kinerja_owner') \gexec
SELECT 'CREATE ROLE kinerja_app LOGIN NOBYPASSRLS'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kinerja_app') \gexec
SELECT 'CREATE DATABASE $db OWNER kinerja_owner'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') \gexec
SQL
    "${psql[@]}" -d "$db" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO kinerja_owner; GRANT USAGE ON SCHEMA public TO kinerja_app;"
}

# URLs for a cluster started by kinerja_pg_start (unix socket, trust authentication).
kinerja_pg_url() { # ROLE DATADIR PORT DBNAME
    printf 'postgres://%s@localhost:%s/%s?host=%s' "$1" "$3" "$4" "$2"
}

# Debian's interpreter: it has python3-aiosmtpd, a pyenv `python3` earlier on PATH would not.
KINERJA_PYTHON=${KINERJA_PYTHON:-/usr/bin/python3}

# kinerja_smtp_sink_start DIR
# Starts the test SMTP server (scripts/lib/smtp_sink.py) on 127.0.0.1 and a free port, saving
# messages into DIR/maildir; waits (at most 15 s) until it listens and sets KINERJA_SMTP_SINK_PORT.
# Call it directly, not in $(...): the server exits when its parent process does.
kinerja_smtp_sink_start() {
    local dir=$1
    mkdir -p "$dir/maildir"
    rm -f "$dir/port"
    "$KINERJA_PYTHON" "$(dirname "${BASH_SOURCE[0]}")/smtp_sink.py" --host 127.0.0.1 --port 0 \
        --maildir "$dir/maildir" --port-file "$dir/port" >/dev/null 2>"$dir/sink.log" &
    echo $! >"$dir/pid"
    for _ in $(seq 1 150); do
        if [ -s "$dir/port" ]; then KINERJA_SMTP_SINK_PORT=$(cat "$dir/port"); return 0; fi
        kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
        sleep 0.1
    done
    log "the test SMTP server did not start:"; cat "$dir/sink.log" >&2
    return 1
}

# kinerja_postfix_sink_start DIR
# Postfix's smtp-sink(1), the SMTP server Postfix ships for load-testing mail clients (C, one
# event-driven process), for the capacity benchmark: the Python test server spent more CPU per
# message than the worker sending it (36% of the machine while e-mails went out). Each message
# is dumped to a file under DIR/maildir. The binary and its two libraries are taken out of
# Debian's postfix package into .build/postfix-sink, so no mail server is installed or started on
# the machine. Sets KINERJA_SMTP_SINK_PORT; stop it with kinerja_smtp_sink_stop.
kinerja_postfix_sink_start() {
    local dir=$1 root=${KINERJA_POSTFIX_SINK_ROOT:-$PWD/.build/postfix-sink} port
    if [ ! -x "$root/usr/sbin/smtp-sink" ]; then
        log "extracting smtp-sink from Debian's postfix package into $root"
        mkdir -p "$root"
        (cd "$root" && { apt-get download postfix >/dev/null 2>&1 || { apt-get update -qq && apt-get download postfix >/dev/null; }; } \
            && dpkg-deb -x postfix_*.deb . && rm -f postfix_*.deb)
    fi
    mkdir -p "$dir/maildir"
    port=$(( 30000 + RANDOM % 20000 ))
    # -d: one file per message, named by the minute and second plus a random suffix (strftime).
    LD_LIBRARY_PATH="$root/usr/lib/postfix" "$root/usr/sbin/smtp-sink" -u "$(id -un)" -d "$dir/maildir/%H%M/%S." \
        "127.0.0.1:$port" 256 >/dev/null 2>"$dir/sink.log" &
    echo $! >"$dir/pid"
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then KINERJA_SMTP_SINK_PORT=$port; return 0; fi
        kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
        sleep 0.1
    done
    log "smtp-sink did not start:"; cat "$dir/sink.log" >&2
    return 1
}

# kinerja_smtp_sink_stop DIR: stops the server started by kinerja_smtp_sink_start, if any.
kinerja_smtp_sink_stop() {
    local dir=$1 pid
    [ -f "$dir/pid" ] || return 0
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/pid"
}
