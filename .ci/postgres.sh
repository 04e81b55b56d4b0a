#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the storage and API tests, installing Debian's postgresql
# if needed. Idempotent and quick when the server already runs. Prints, on stdout, the one line
#     export DOCPROC_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:PORT/postgres
# so that callers do:   eval "$(bash .ci/postgres.sh)"
# Everything else goes to stderr. Settings: DOCPROC_PG_PORT (55432), DOCPROC_PG_DIR (/var/tmp/docproc-pg).
# The server keeps PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes on): the
# tests check the service's durability promise against the settings it is deployed with.
set -euo pipefail

PORT="${DOCPROC_PG_PORT:-55432}"
DIR="${DOCPROC_PG_DIR:-/var/tmp/docproc-pg}"
URL="postgresql://postgres@127.0.0.1:${PORT}/postgres"
SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(bindir)" ]; then
  echo "postgres.sh: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq postgresql >/dev/null 2>&1 || {
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq postgresql >/dev/null
  }
fi
BIN="$(bindir)"

# The server runs as the postgres user when we are root (initdb refuses root), else as ourselves.
if [ "$(id -u)" = 0 ]; then
  AS=(runuser -u postgres --)
  OWNER=postgres
else
  AS=()
  OWNER="$(id -un)"
fi

if ! "${AS[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    echo "postgres.sh: initdb $DIR" >&2
    mkdir -p "$DIR"
    chown "$OWNER" "$DIR"
    chmod 700 "$DIR"
    "${AS[@]}" "$BIN/initdb" -D "$DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  echo "postgres.sh: starting on port $PORT" >&2
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200" \
    start >&2
fi

for _ in $(seq 1 50); do
  "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q && break
  sleep 0.2
done
"$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" >&2
echo "export DOCPROC_TEST_POSTGRES_URL=$URL"
