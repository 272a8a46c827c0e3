#!/usr/bin/env bash
# Alert intake benchmark: builds the bot, starts it with -Xmx256m on H2 (file in a temp dir) or PostgreSQL
# (database firebreak_bench, created if missing), runs bench's AlertLoad against it and prints throughput,
# acknowledgement latency, peak heap (from /actuator/metrics) and peak RSS (VmHWM), then stops the bot.
#
#   bench/run-intake.sh [h2|postgres] [seconds-per-phase]        e.g. bench/run-intake.sh postgres 20
# Environment: PHASES (default "noop closed open"), RATES (open-loop rates, default "500 1000"), CONCURRENCY
# (open-loop senders, default 64), CLOSED_CONCURRENCY (default 16), MVN_FLAGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${1:-h2}"
SECONDS_PER_PHASE="${2:-20}"
RATES="${RATES:-500 1000}"
CONCURRENCY="${CONCURRENCY:-64}"
CLOSED_CONCURRENCY="${CLOSED_CONCURRENCY:-16}"
PHASES="${PHASES:-noop closed open}"
TOKEN="bench-$RANDOM$RANDOM"
PORT="${PORT:-$((18000 + RANDOM % 2000))}"
URL="http://127.0.0.1:$PORT"

mvn -q -B ${MVN_FLAGS:-} package -pl bot,bench -am -DskipTests
JAR="$(ls bot/target/firebreak-bot-*.jar | grep -v original | head -1)"
TMP="$(mktemp -d)"

ARGS=(-Xmx256m -jar "$JAR" --server.port="$PORT" --firebreak.alertmanager.bearer-token="$TOKEN"
      --logging.level.root=WARN --logging.level.dev.firebreak=INFO)
case "$DB" in
  h2)
    ARGS+=(--spring.datasource.url="jdbc:h2:file:$TMP/firebreak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE")
    ;;
  postgres)
    # A fresh database every run, so results do not depend on what an earlier run left behind.
    psql -h 127.0.0.1 -U postgres -w -qc "drop database if exists firebreak_bench" >/dev/null
    psql -h 127.0.0.1 -U postgres -w -qc "create database firebreak_bench"
    ARGS+=(--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/firebreak_bench)
    ;;
  *) echo "usage: $0 [h2|postgres] [seconds]" >&2; exit 2 ;;
esac

java "${ARGS[@]}" >"$TMP/bot.log" 2>&1 &
BOT=$!
cleanup() {
  kill "$BOT" 2>/dev/null || true
  wait "$BOT" 2>/dev/null || true
  mkdir -p bench/results && cp "$TMP/bot.log" "bench/results/intake-$DB-bot.log.tmp" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fsS "$URL/actuator/health/liveness" >/dev/null 2>&1 && break
  kill -0 "$BOT" 2>/dev/null || { cat "$TMP/bot.log"; exit 1; }
  sleep 1
done

load() {
  java -cp bench/target/classes dev.firebreak.bench.AlertLoad --url="$URL" --token="$TOKEN" \
       --heap-url="$URL/actuator/metrics/jvm.memory.used?tag=area:heap" "$@"
}

echo "== $DB: $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
echo "-- warm-up (closed loop, 5 s, not reported)"; load --mode=closed --duration=5 --concurrency=16 >/dev/null
for phase in $PHASES; do
  case "$phase" in
    noop) echo "-- no-op ceiling: GET /actuator/health/liveness, closed loop, 32 senders"
          load --mode=noop --duration=10 --concurrency=32 ;;
    closed) echo "-- intake, closed loop (sustained maximum), $CLOSED_CONCURRENCY senders"
          load --mode=closed --duration="$SECONDS_PER_PHASE" --concurrency="$CLOSED_CONCURRENCY" ;;
    open) for rate in $RATES; do
            echo "-- intake, open loop at $rate/s"
            load --mode=open --rate="$rate" --duration="$SECONDS_PER_PHASE" --concurrency="$CONCURRENCY"
          done ;;
  esac
done
echo "-- bot process: $(grep VmHWM /proc/$BOT/status) (peak RSS)"
grep -E "ERROR|WARN" "$TMP/bot.log" | grep -v "newer than the version Flyway" | head -5 || true
