#!/usr/bin/env bash
# Big-notification benchmark (issue 9, defect 2): builds the bot, starts it with -Xmx256m on H2 (file in a
# temp dir) or PostgreSQL (database firebreak_bench, fresh every run), and posts single notifications of
# 1,000 to 50,000 alerts (open, identical redelivery, resolve) with bench's BigNotification. Prints the time
# until each was answered (= committed), heap after each, and the bot's peak RSS (VmHWM); then stops the bot.
# The body cap is raised to 16 MB so that 50,000 alerts fit also in the resolve step (7 MB; the default cap is
# 5 MB, which Alertmanager's 50,000 smallest alerts stay under, about 4.3 MB); the outbox is off (no Slack).
#
#   bench/run-big-notification.sh [h2|postgres]            e.g. MVN_FLAGS=-o bench/run-big-notification.sh postgres
# Environment: ALERTS (default "1000,2000,5000,10000,50000"), MVN_FLAGS (e.g. -o), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

DB="${1:-postgres}"
ALERTS="${ALERTS:-1000,2000,5000,10000,50000}"
TOKEN="bench-$RANDOM$RANDOM"
PORT="${PORT:-$((20000 + RANDOM % 2000))}"
URL="http://127.0.0.1:$PORT"

bench_jar bot,bench
TMP="$(mktemp -d)"

ARGS=(-Xmx256m -jar "$JAR" --server.port="$PORT" --firebreak.alertmanager.bearer-token="$TOKEN"
      --firebreak.alertmanager.max-body-bytes=16MB --firebreak.outbox.enabled=false --logging.level.root=WARN --logging.level.dev.firebreak=INFO)
bench_db_args ARGS "$DB" firebreak_bench "$TMP" "[h2|postgres]"

java "${ARGS[@]}" >"$TMP/bot.log" 2>&1 &
BOT=$!
cleanup() {
  kill "$BOT" 2>/dev/null || true
  wait "$BOT" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

bench_await_live "$URL" "$BOT" "$TMP/bot.log"

echo "== $DB: $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "-- warm-up (200 alerts, not reported)"
java -cp bench/target/classes dev.firebreak.bench.BigNotification --url="$URL" --token="$TOKEN" --alerts=200 >/dev/null
java -cp bench/target/classes dev.firebreak.bench.BigNotification --url="$URL" --token="$TOKEN" --alerts="$ALERTS" \
     --heap-url="$URL/actuator/metrics/jvm.memory.used?tag=area:heap" --pid="$BOT"
echo "-- bot process: $(grep VmHWM /proc/$BOT/status) (peak RSS)"
grep -E "ERROR|WARN" "$TMP/bot.log" | grep -v "newer than the version Flyway" | head -5 || true
