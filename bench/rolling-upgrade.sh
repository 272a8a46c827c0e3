#!/usr/bin/env bash
# Rolling-upgrade drill for docs/operations.md ("Upgrades"), on the machine's PostgreSQL (127.0.0.1:5432, user
# postgres): the previous release and this one side by side on one schema, as during `helm upgrade`.
#   1. build the previous version (default: the commit before the newest migration was added; or $1, any git ref)
#      from a scratch `git worktree`, offline, without tests;
#   2. start it on a scratch database (Flyway migrates to ITS newest version, N-1) and open an incident;
#   3. start this checkout's jar on the same database while the old one runs: it migrates N-1 -> N at start;
#   4. the OLD replica keeps working on the new schema: it accepts a webhook (new incident + update of the first),
#      and its outbox worker completes tasks; the NEW replica serves both incidents and accepts webhooks too;
#   5. both stop with SIGTERM; Flyway's history shows the new migrations applied once.
# Usage: mvn -q -pl bot -am package -DskipTests && bench/rolling-upgrade.sh [previous-git-ref]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
ROOT="$(pwd)"

PGHOST="${PGHOST:-127.0.0.1}"; PGUSER="${PGUSER:-postgres}"; export PGHOST PGUSER
NEW_JAR="$(ls bot/target/firebreak-bot-*.jar | grep -v -- '-original' | head -1)"
MIGRATIONS=db/src/main/resources/db/migration
OLD_REF="${1:-$(git log -1 --format=%H -- "$MIGRATIONS")^}"
DB="firebreak_upgrade_$$"
WORK="$(mktemp -d)"; OLD_PID=""; NEW_PID=""
log() { printf 'rolling-upgrade: %s\n' "$*" >&2; }
cleanup() {
  for pid in $OLD_PID $NEW_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  git -C "$ROOT" worktree remove --force "$WORK/old" >/dev/null 2>&1 || true
  dropdb --if-exists "$DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "previous version: $(git log -1 --format='%h %s' "$OLD_REF")"
git worktree add --detach "$WORK/old" "$OLD_REF" >/dev/null 2>&1
(cd "$WORK/old" && mvn -o -q -B -DskipTests package) || { log "FAIL: the previous version does not build offline"; exit 1; }
OLD_JAR="$(ls "$WORK"/old/bot/target/firebreak-bot-*.jar | grep -v -- '-original' | head -1)"
old_newest="$(ls "$WORK/old/$MIGRATIONS" | sed -E 's/^V([0-9]+)__.*/\1/' | sort -n | tail -1)"
new_newest="$(ls "$MIGRATIONS" | sed -E 's/^V([0-9]+)__.*/\1/' | sort -n | tail -1)"
log "schema: previous version V$old_newest, this version V$new_newest"
[ "$old_newest" != "$new_newest" ] || log "note: no new migration between the two versions"

start() { # $1 jar, $2 port, $3 name; sets STARTED to the pid
  java -Xmx256m -jar "$1" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="$PGUSER" \
    --server.port="$2" --firebreak.alertmanager.bearer-token=upgrade-am --firebreak.api.token=upgrade-api \
    --firebreak.outbox.poll-interval=200ms --firebreak.shutdown.drain-delay=0s >"$WORK/$3.log" 2>&1 &
  STARTED=$!
}
await_ready() { bench_await_ready "$2" "$1" "$WORK/$3.log" "$3"; } # $1 pid, $2 port, $3 name
webhook() { # $1 port, $2 alertname; prints the JSON answer, fails on non-200
  local body
  body="$(sed "s/HighErrorRate/$2/g" bot/src/test/resources/fixtures/alertmanager/firing-two-pods.json)"
  curl -fs -H 'Authorization: Bearer upgrade-am' -H 'Content-Type: application/json' --data "$body" \
    "http://127.0.0.1:$1/webhooks/alertmanager" || { log "FAIL: webhook to port $1 refused"; exit 1; }
}
api() { curl -fs -H 'Authorization: Bearer upgrade-api' "http://127.0.0.1:$1$2" || { log "FAIL: GET $2 on port $1"; exit 1; }; }

createdb "$DB"
OLD_PORT="$(free_port)"; start "$OLD_JAR" "$OLD_PORT" old; OLD_PID=$STARTED; await_ready "$OLD_PID" "$OLD_PORT" old
schema() { psql -d "$DB" -Atc "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1"; }
log "old replica up on V$(schema): $(webhook "$OLD_PORT" UpgradeBefore)"

NEW_PORT="$(free_port)"; start "$NEW_JAR" "$NEW_PORT" new; NEW_PID=$STARTED; await_ready "$NEW_PID" "$NEW_PORT" new
log "new replica up, schema now V$(schema)"

log "old replica on the new schema: $(webhook "$OLD_PORT" UpgradeDuring)"
log "old replica updates the first incident: $(webhook "$OLD_PORT" UpgradeBefore)"
log "new replica: $(webhook "$NEW_PORT" UpgradeAfter)"
kill -0 "$OLD_PID" || { tail -50 "$WORK/old.log"; log "FAIL: the old replica died"; exit 1; }
for ref in INC-1 INC-2 INC-3; do
  api "$NEW_PORT" "/api/incidents/$ref" | grep -q '"status":"TRIGGERED"' || { log "FAIL: new replica does not serve $ref"; exit 1; }
  api "$OLD_PORT" "/api/incidents/$ref" | grep -q '"status":"TRIGGERED"' || { log "FAIL: old replica does not serve $ref"; exit 1; }
done
[ "$(psql -d "$DB" -Atc 'SELECT COUNT(*) FROM incident')" = 3 ] || { log "FAIL: expected 3 incidents"; exit 1; }
grep -iE 'ERROR|Exception' "$WORK/old.log" | grep -v 'ApiErrors.*401' | head -5 >&2 || true
if grep -q ' ERROR ' "$WORK/old.log"; then log "FAIL: the old replica logged errors on the new schema"; exit 1; fi
kill -TERM "$OLD_PID"; wait "$OLD_PID" || true; OLD_PID=""
kill -TERM "$NEW_PID"; wait "$NEW_PID" || true; NEW_PID=""
psql -d "$DB" -Atc "SELECT 'outbox', kind, status, COUNT(*) FROM outbox_task GROUP BY kind, status ORDER BY kind" \
  | sed 's/^/rolling-upgrade:   /' >&2
psql -d "$DB" -Atc "SELECT 'flyway', version, description, success FROM flyway_schema_history ORDER BY installed_rank" \
  | tail -3 | sed 's/^/rolling-upgrade:   /' >&2
log "OK: V$old_newest (previous version) and V$new_newest (this one) ran side by side on one schema"
