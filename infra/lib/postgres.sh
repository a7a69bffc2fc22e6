# shellcheck shell=bash
# A throwaway PostgreSQL 15 cluster for tests (fsync off, loopback, own socket dir).
# Needs common.sh. initdb/postgres refuse root, so as root the cluster runs as `postgres`.

COOP_PG_BIN=/usr/lib/postgresql/15/bin

ensure_postgres() {
  [[ -x $COOP_PG_BIN/initdb && -x $COOP_PG_BIN/pg_ctl ]] && return 0
  coop_log "PostgreSQL 15 is not installed ($COOP_PG_BIN/initdb missing)"
  coop_apt_install postgresql-15
  [[ -x $COOP_PG_BIN/initdb ]] || coop_die "postgresql-15 installed but $COOP_PG_BIN/initdb is still missing"
}

# _pg_as CMD...: runs CMD as the cluster owner (postgres when we are root).
_pg_as() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# start_postgres [PORT]: creates and starts a cluster in a new /tmp directory, exports
# COOP_TEST_POSTGRES (an Npgsql connection string) and COOP_POSTGRES_DIR; tracked as
# "postgres" in $COOP_RUN_DIR so coop_stop_all / stop_postgres remove it.
start_postgres() {
  local port=${1:-} t0
  [[ -n $port ]] || coop_free_port port
  t0=$(coop_now)
  ensure_postgres
  coop_require_free_port "$port" "PostgreSQL (tests)"
  local dir; dir=$(mktemp -d /tmp/coop-pg.XXXXXX)
  chmod 755 "$dir"
  mkdir -p "$dir/data" "$dir/socket"
  local pw; pw=$(coop_random 24)
  printf '%s\n' "$pw" >"$dir/pwfile"
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$dir"
  chmod 600 "$dir/pwfile"
  mkdir -p "$COOP_RUN_DIR"
  printf '%s\n' "$dir" >"$COOP_RUN_DIR/postgres.dir"
  printf 'postgres\n' >>"$COOP_RUN_DIR/order"
  : >"$COOP_RUN_DIR/postgres.pid"
  if ! _pg_as "$COOP_PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
    coop_tail "$dir/initdb.log" 20
    coop_die "initdb failed (log: $dir/initdb.log)"
  fi
  if ! _pg_as "$COOP_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
        -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
    coop_tail "$dir/postgres.log" 20
    stop_postgres
    coop_die "PostgreSQL did not start on 127.0.0.1:$port (log: $dir/postgres.log)"
  fi
  head -1 "$dir/data/postmaster.pid" >"$COOP_RUN_DIR/postgres.pid"
  export COOP_POSTGRES_DIR=$dir
  export COOP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$pw"
  coop_log "PostgreSQL ready on 127.0.0.1:$port in $(coop_since "$t0")s"
}

# stop_postgres: stops the cluster started by start_postgres and deletes its directory.
stop_postgres() {
  local dir; dir=$(cat "$COOP_RUN_DIR/postgres.dir" 2>/dev/null || true)
  [[ -n $dir && -d $dir ]] || { rm -f "$COOP_RUN_DIR"/postgres.{dir,pid}; return 0; }
  if [[ -f $dir/data/postmaster.pid ]]; then
    _pg_as "$COOP_PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 15 stop >/dev/null 2>&1 || true
  fi
  local pid; pid=$(cat "$COOP_RUN_DIR/postgres.pid" 2>/dev/null || true)
  coop_alive "$pid" && kill -KILL "$pid" 2>/dev/null
  rm -rf "$dir"
  rm -f "$COOP_RUN_DIR"/postgres.{dir,pid}
}
coop_stop_hook_postgres() { stop_postgres; }
