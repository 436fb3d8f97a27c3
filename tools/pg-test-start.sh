#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the store tests, on loopback only,
# and prints the URL to export as ATTACHE_TEST_POSTGRES.
#   eval "$(tools/pg-test-start.sh)"    # sets ATTACHE_TEST_POSTGRES
#   tools/pg-test-start.sh stop         # stops the cluster
# Needs Debian's postgresql package. PostgreSQL refuses to run as root, so
# when run as root the cluster belongs to the postgres user.
set -euo pipefail
PORT="${ATTACHE_PG_PORT:-55432}"
DIR="${ATTACHE_PG_DIR:-/tmp/attache-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/initdb" ] || { echo "echo 'postgresql is not installed' >&2"; exit 0; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ "${1:-}" = stop ]; then
  [ -f "$DIR/PG_VERSION" ] && as_pg "'$BIN/pg_ctl' -D '$DIR' -m fast stop" >/dev/null 2>&1 || true
  exit 0
fi
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_pg "'$BIN/initdb' -D '$DIR' -U postgres -A trust --no-sync" >/dev/null
fi
if ! as_pg "'$BIN/pg_ctl' -D '$DIR' status" >/dev/null 2>&1; then
  as_pg "'$BIN/pg_ctl' -D '$DIR' -l '$DIR/log' -w -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
fi
as_pg "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = 'attache_test'\"" | grep -q 1 \
  || as_pg "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres attache_test"
echo "export ATTACHE_TEST_POSTGRES=postgres://postgres@127.0.0.1:$PORT/attache_test"
