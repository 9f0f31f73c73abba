#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the store tests and print the URL to use.
#
#   eval "$(bash .ci/postgres.sh)"      # exports NEWSGRAPH_TEST_PG_URL
#
# Installs Debian's postgresql with apt-get when it is missing, creates (once) a cluster owned by
# the postgres user in $NEWSGRAPH_PG_DIR (default /tmp/newsgraph-pg), starts it on 127.0.0.1:5432
# or the next free port, and creates the user and database `newsgraph`/`newsgraph_test`.
# Durability is switched off (fsync=off): the cluster only serves tests. Idempotent: a cluster
# already running in that folder is reused. Progress goes to stderr; stdout carries only the
# `export` line. Stop it with: runuser -u postgres -- pg_ctl -D "$NEWSGRAPH_PG_DIR" stop
set -euo pipefail

DATA="${NEWSGRAPH_PG_DIR:-/tmp/newsgraph-pg}"
DB_USER=newsgraph
DB_PASS=newsgraph
DB_NAME=newsgraph_test

log() { echo "postgres.sh: $*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(bindir)" ]; then
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN="$(bindir)"
[ -x "$BIN/initdb" ] || { log "no initdb under /usr/lib/postgresql"; exit 1; }

as_postgres() { runuser -u postgres -- "$@"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ ! -s "$DATA/PG_VERSION" ]; then
  log "creating a cluster in $DATA"
  mkdir -p "$DATA"
  chown postgres:postgres "$DATA"
  chmod 700 "$DATA"
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >&2
fi

ready() { as_postgres "$BIN/pg_isready" -q -h /tmp -p "$1" -t 2; }

PORT=""
if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT="$(sed -n 4p "$DATA/postmaster.pid")"
  log "reusing the cluster running on port $PORT"
  for _ in $(seq 30); do ready "$PORT" && break; sleep 1; done  # it may be recovering or shutting down
fi
if [ -z "$PORT" ] || ! ready "$PORT"; then
  PORT="${NEWSGRAPH_PG_PORT:-5432}"
  while port_busy "$PORT"; do PORT=$((PORT + 1)); done
  log "starting on 127.0.0.1:$PORT"
  # up to 5 minutes: a cluster left running when its machine stopped replays its log first (77 s seen)
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 300 start \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi

psql_admin() { as_postgres "$BIN/psql" -h /tmp -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASS'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
fi

echo "export NEWSGRAPH_TEST_PG_URL=postgresql+psycopg://$DB_USER:$DB_PASS@127.0.0.1:$PORT/$DB_NAME"
