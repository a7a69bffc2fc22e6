#!/usr/bin/env bash
# Private infrastructure for the resilience tests that stop it (fault suite, broker cluster), through the same
# library infra/test and infra/run use (infra/lib/broker.sh, postgres.sh), so nothing else the suite runs loses its
# broker or database while these tests stop theirs.
#   nodes.sh broker DIR AMQP MGMT DIST NODENAME SECRETS [SEED_DIR]
#       starts (or restarts, keeping its data) a node in DIR and prints its pid; the first time it imports the
#       users/topology for UGA ZAF NLD with the passwords of SECRETS, or with SEED_DIR joins the cluster of the node
#       in SEED_DIR (a 3-node cluster: issue 12 §5)
#   nodes.sh postgres PORT     a throwaway PostgreSQL cluster; prints its directory, then the connection string
#   nodes.sh postgres-stop DIR / nodes.sh postgres-start DIR PORT   stop (immediate, like a crash) / start it again
#       (synchronous_commit on: a commit the services were told of survives the crash, as in production)
set -euo pipefail
root=${COOP_REPO_ROOT:?set by infra/test}
for f in common broker postgres; do . "$root/infra/lib/$f.sh"; done
cmd=$1; shift
case $cmd in
  broker)
    dir=$1 amqp=$2 mgmt=$3 dist=$4 node=$5 secrets=$6 seed_dir=${7:-}
    export COOP_RUN_DIR=$dir/run
    mkdir -p "$COOP_RUN_DIR" "$dir/home"
    first=1; [[ -d $dir/mnesia ]] && first=0
    # Every node of a cluster shares the first node's Erlang cookie.
    if [[ -n $seed_dir ]] && (( first )); then
      install -m 400 "$seed_dir/home/.erlang.cookie" "$dir/home/.erlang.cookie"
    fi
    start_broker "$dir" "$amqp" "$mgmt" "$dist" "$node" 60 >&2
    if [[ -n $seed_dir ]] && (( first )); then
      # A node joins with its app stopped; it then shares the cluster's users, policies and topology.
      seed=$(sed -n 's/^RABBITMQ_NODENAME=//p' "$seed_dir/node.env")
      broker_ctl "$dir" rabbitmqctl -q stop_app >&2
      broker_ctl "$dir" rabbitmqctl -q join_cluster "$seed" >&2
      broker_ctl "$dir" rabbitmqctl -q start_app >&2
      broker_ctl "$dir" rabbitmqctl -q await_startup >&2
    elif (( first )); then
      broker_import "$dir" "$secrets" UGA ZAF NLD >&2
    fi
    cat "$dir/node.pid"
    ;;
  postgres)
    export COOP_RUN_DIR; COOP_RUN_DIR=$(mktemp -d /tmp/coop-res-run.XXXXXX)
    start_postgres "$1" >&2
    # Only the cluster is kept (postgres-stop/-start/-remove take its directory), not start_postgres' tracking.
    rm -rf "$COOP_RUN_DIR"
    # start_postgres runs with synchronous_commit=off (fast, for tests that never crash it): a commit is answered
    # before its WAL is written, so an immediate stop loses the last commits the services were told had succeeded.
    # The fault suite crashes PostgreSQL: started again as production runs it (synchronous_commit on; fsync off
    # stays, the machine itself does not crash).
    _pg_as "$COOP_PG_BIN/pg_ctl" -D "$COOP_POSTGRES_DIR/data" -m fast -w -t 15 stop >/dev/null
    bash "$0" postgres-start "$COOP_POSTGRES_DIR" "$1"
    printf '%s\n%s\n' "$COOP_POSTGRES_DIR" "$COOP_TEST_POSTGRES"
    ;;
  postgres-stop)
    _pg_as "$COOP_PG_BIN/pg_ctl" -D "$1/data" -m immediate -w -t 15 stop >/dev/null
    ;;
  postgres-start)
    _pg_as "$COOP_PG_BIN/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 30 \
      -o "-c port=$2 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$1/socket -c fsync=off -c synchronous_commit=on -c full_page_writes=off" \
      start >/dev/null
    ;;
  postgres-remove)
    _pg_as "$COOP_PG_BIN/pg_ctl" -D "$1/data" -m immediate -w -t 15 stop >/dev/null 2>&1 || true
    rm -rf "$1"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
