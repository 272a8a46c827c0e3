#!/usr/bin/env bash
# Backup/restore drill for docs/operations.md, on the machine's PostgreSQL (127.0.0.1:5432, user postgres):
#   1. start the built jar on a scratch database and open an incident through the Alertmanager webhook;
#   2. pg_dump -Fc while it runs; stop it (SIGTERM);
#   3. pg_restore into a second scratch database; start the jar on the restored copy (Flyway validates the schema);
#   4. check the incident and its alerts are served by the API and every table has the same row count.
# Usage: mvn -q -pl bot -am package -DskipTests && bench/backup-restore.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

PGHOST="${PGHOST:-127.0.0.1}"; PGUSER="${PGUSER:-postgres}"; export PGHOST PGUSER
JAR="$(ls bot/target/firebreak-bot-*.jar | grep -v -- '-original' | head -1)"
SRC="firebreak_drill_src_$$"; DST="firebreak_drill_dst_$$"
WORK="$(mktemp -d)"; PID=""
log() { printf 'backup-restore: %s\n' "$*" >&2; }
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  dropdb --if-exists "$SRC" >/dev/null 2>&1 || true
  dropdb --if-exists "$DST" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start() { # $1 database, $2 port
  java -Xmx256m -jar "$JAR" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$1" --spring.datasource.username="$PGUSER" \
    --server.port="$2" --firebreak.alertmanager.bearer-token=drill-am --firebreak.api.token=drill-api \
    --firebreak.outbox.enabled=false --firebreak.shutdown.drain-delay=0s >"$WORK/$1.log" 2>&1 &
  PID=$!
  bench_await_ready "$2" "$PID" "$WORK/$1.log" "the bot on $1"
}
stop() { kill -TERM "$PID"; wait "$PID" || true; PID=""; }
counts() { psql -d "$1" -Atc "SELECT 'incident', COUNT(*) FROM incident UNION ALL SELECT 'alert', COUNT(*) FROM alert
  UNION ALL SELECT 'timeline_entry', COUNT(*) FROM timeline_entry UNION ALL SELECT 'outbox_task', COUNT(*) FROM outbox_task
  UNION ALL SELECT 'flyway', COUNT(*) FROM flyway_schema_history"; }

createdb "$SRC"
PORT="$(free_port)"; start "$SRC" "$PORT"
code="$(curl -s -o "$WORK/webhook.json" -w '%{http_code}' -H 'Authorization: Bearer drill-am' \
  -H 'Content-Type: application/json' --data @bot/src/test/resources/fixtures/alertmanager/firing-two-pods.json \
  "http://127.0.0.1:$PORT/webhooks/alertmanager")"
[ "$code" = 200 ] || { cat "$WORK/webhook.json"; log "FAIL: webhook answered $code"; exit 1; }
log "incident opened: $(cat "$WORK/webhook.json")"

time pg_dump -d "$SRC" -Fc -f "$WORK/firebreak.dump"   # while the bot runs
stop
log "dump: $(du -h "$WORK/firebreak.dump" | cut -f1)"
createdb "$DST"
time pg_restore -d "$DST" --no-owner --exit-on-error "$WORK/firebreak.dump"

diff <(counts "$SRC") <(counts "$DST") || { log "FAIL: row counts differ"; exit 1; }
counts "$DST" | sed 's/^/backup-restore:   /' >&2

PORT="$(free_port)"; start "$DST" "$PORT"
body="$(curl -fs -H 'Authorization: Bearer drill-api' "http://127.0.0.1:$PORT/api/incidents/INC-1/alerts")"
echo "$body" | grep -q 'checkout-7d9f8-abcde' || { echo "$body"; log "FAIL: restored incident has not its alerts"; exit 1; }
curl -fs -H 'Authorization: Bearer drill-api' "http://127.0.0.1:$PORT/api/incidents/INC-1" | grep -q '"status":"TRIGGERED"' \
  || { log "FAIL: restored incident not served"; exit 1; }
stop
log "OK: dump, restore into a new database, the bot starts on it (Flyway validated) and serves INC-1 with its alerts"
