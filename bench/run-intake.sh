#!/usr/bin/env bash
# Alert intake benchmark: builds the bot, starts it with -Xmx256m on H2 (file in a temp dir) or PostgreSQL
# (database $BENCH_DB, default firebreak_bench, dropped and created), runs bench's AlertLoad against it and prints
# throughput, acknowledgement latency, the ratio to the no-op endpoint, peak heap (from /actuator/metrics) and peak
# RSS (VmHWM), then stops the bot. Every closed-loop phase checks the bot's incidents against what the acknowledged
# notifications should have done (--verify) and the script exits non-zero on a mismatch or any non-2xx answer.
#
#   bench/run-intake.sh [h2|postgres] [seconds-per-phase]        e.g. bench/run-intake.sh postgres 20
# Environment: PHASES (default "noop closed open"), RATES (open-loop rates, default "300 1000"), CONCURRENCY
# (open-loop senders, default 64), CLOSED_CONCURRENCY (default 16), MIX (storm, the default: ALERT_GROUPS groups, default
# 500, every tenth notification a resolve; or mixed: 20% new groups, 15% resolves), JAR (a built bot jar: skips
# the build), JAVA_OPTS (extra JVM options for the bot), MVN_FLAGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

DB="${1:-h2}"
SECONDS_PER_PHASE="${2:-20}"
RATES="${RATES:-300 1000}"
MIX="${MIX:-storm}"
ALERT_GROUPS="${ALERT_GROUPS:-500}"
CONCURRENCY="${CONCURRENCY:-64}"
CLOSED_CONCURRENCY="${CLOSED_CONCURRENCY:-16}"
PHASES="${PHASES:-noop closed open}"
TOKEN="bench-$RANDOM$RANDOM"
API_TOKEN="bench-api-$RANDOM$RANDOM"
PORT="${PORT:-$((18000 + RANDOM % 2000))}"
URL="http://127.0.0.1:$PORT"

BENCH_DB="${BENCH_DB:-firebreak_bench}"
bench_jar bot,bench
TMP="$(mktemp -d)"

# The storm breaker is off unless STORM_BREAKER=true: every group opens its own incident, the worst case for
# intake, and what --verify expects.
# shellcheck disable=SC2206
ARGS=(-Xmx256m ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --firebreak.alertmanager.bearer-token="$TOKEN"
      --firebreak.api.token="$API_TOKEN"
      --firebreak.storm.enabled="${STORM_BREAKER:-false}"
      --logging.level.root=WARN --logging.level.dev.firebreak=INFO)
# On PostgreSQL a fresh database every run, so results do not depend on what an earlier run left behind.
bench_db_args ARGS "$DB" "$BENCH_DB" "$TMP" "[h2|postgres] [seconds]"

java "${ARGS[@]}" >"$TMP/bot.log" 2>&1 &
BOT=$!
cleanup() {
  kill "$BOT" 2>/dev/null || true
  wait "$BOT" 2>/dev/null || true
  mkdir -p bench/results && cp "$TMP/bot.log" "bench/results/intake-$DB-bot.log.tmp" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

bench_await_live "$URL" "$BOT" "$TMP/bot.log"

load() {
  java -cp bench/target/classes dev.firebreak.bench.AlertLoad --url="$URL" --token="$TOKEN" --api-token="$API_TOKEN" \
       --mix="$MIX" --groups="$ALERT_GROUPS" --pid="$BOT" --heap-url="$URL/actuator/metrics/jvm.memory.used?tag=area:heap" "$@"
}

echo "== $DB: $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
echo "-- warm-up (closed loop, 5 s, not reported)"; load --mode=closed --duration=5 --concurrency=16 >/dev/null
FAILED=0
NOOP=""
for phase in $PHASES; do
  case "$phase" in
    noop) echo "-- no-op ceiling: GET /actuator/health/liveness, closed loop, $CLOSED_CONCURRENCY senders"
          out="$(load --mode=noop --duration=10 --concurrency="$CLOSED_CONCURRENCY")"; echo "$out"
          NOOP="$(sed -n 's/.*(ok \([0-9.]*\)\/s).*/\1/p' <<<"$out")" ;;
    closed) echo "-- intake, closed loop (sustained maximum), $CLOSED_CONCURRENCY senders, $MIX mix"
          out="$(load --mode=closed --duration="$SECONDS_PER_PHASE" --concurrency="$CLOSED_CONCURRENCY" --verify)" \
            || FAILED=1
          echo "$out"
          ok="$(sed -n 's/.*(ok \([0-9.]*\)\/s).*/\1/p' <<<"$out")"
          [ -n "$NOOP" ] && [ -n "$ok" ] && awk -v a="$ok" -v b="$NOOP" 'BEGIN { printf "ratio intake/no-op = %.2f\n", a / b }' ;;
    open) for rate in $RATES; do
            echo "-- intake, open loop at $rate/s"
            load --mode=open --rate="$rate" --duration="$SECONDS_PER_PHASE" --concurrency="$CONCURRENCY"
          done ;;
  esac
done
echo "-- bot process: $(grep VmHWM /proc/$BOT/status) (peak RSS)"
grep -E "ERROR|WARN" "$TMP/bot.log" | grep -v "newer than the version Flyway" | head -5 || true
exit "$FAILED"
