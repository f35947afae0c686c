#!/usr/bin/env bash
# Run the store tests against a real PostgreSQL: a throwaway cluster in a temporary folder,
# listening on 127.0.0.1 only, stopped and removed at the end. Debian's postgresql is installed
# when missing (as root). Uses .venv (made by scripts/test.sh), or $PYTHON. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bin_dir)" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1
  fi
fi
PG_BIN="$(bin_dir)"

# The server refuses to run as root: as root, the cluster belongs to Debian's postgres user.
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN_AS=(runuser -u postgres --)
fi
CLUSTER="$(mktemp -d /tmp/timeline-pg.XXXXXX)"
chmod 755 "$CLUSTER"
[ "$(id -u)" = 0 ] && chown postgres "$CLUSTER"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$CLUSTER"
}
trap stop EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$CLUSTER/data" -A trust -U timeline -E UTF8 >"$CLUSTER/initdb.log"
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $CLUSTER -c fsync=off" start >/dev/null
"${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U timeline timeline_test

PYTHON="${PYTHON:-.venv/bin/python}"
export TIMELINE_TEST_DB="postgresql://timeline@127.0.0.1:$PORT/timeline_test"
echo "store tests on $TIMELINE_TEST_DB"
"$PYTHON" -m pytest -q tests/test_store*.py "$@"
# The tables the tests made are in that database (one schema per test).
"${RUN_AS[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U timeline -d timeline_test -tAc \
  "SELECT count(DISTINCT table_schema) || ' test schemas, ' || count(*) || ' tables' FROM information_schema.tables WHERE table_schema LIKE 't\_%'"
