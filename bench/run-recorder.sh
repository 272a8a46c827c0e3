#!/usr/bin/env bash
# Flight recorder cost (issue 14): the same intake load against the bot with the recorder off and on, in one run
# (off, on, off, on: each configuration twice, so drift on a shared machine shows), and how many recordings were
# written or dropped. Builds the jar like run-intake.sh; starts the bot with -Xmx256m on H2 (file) or PostgreSQL
# (database firebreak_bench_recorder, fresh per start).
#
#   bench/run-recorder.sh [h2|postgres] [seconds-per-phase] [open-loop rate, 0: none]   e.g. bench/run-recorder.sh postgres 15 60
# Prints per configuration: closed-loop throughput and latency, the bot's CPU time per notification, open-loop latency.
# Environment: MVN_FLAGS (e.g. -o), ROUNDS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${1:-postgres}"
SECONDS_PER_PHASE="${2:-15}"
RATE="${3:-60}"
ROUNDS="${ROUNDS:-2}"
TOKEN="bench-$RANDOM$RANDOM"

mvn -q -B ${MVN_FLAGS:-} package -pl bot,bench -am -DskipTests
JAR="$(ls bot/target/firebreak-bot-*.jar | grep -v original | head -1)"

run_one() {
  local recorder="$1"
  local port=$((18000 + RANDOM % 2000))
  local url="http://127.0.0.1:$port"
  local tmp
  tmp="$(mktemp -d)"
  local args=(-Xmx256m -jar "$JAR" --server.port="$port" --firebreak.alertmanager.bearer-token="$TOKEN"
              --firebreak.api.token="$TOKEN" --firebreak.recorder.enabled="$recorder"
              --firebreak.storm.enabled="${STORM_BREAKER:-false}"
              --logging.level.root=WARN --logging.level.dev.firebreak=INFO)
  if [ "$DB" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -w -qc "drop database if exists firebreak_bench_recorder" >/dev/null
    psql -h 127.0.0.1 -U postgres -w -qc "create database firebreak_bench_recorder"
    args+=(--spring.profiles.active=postgres
           --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/firebreak_bench_recorder)
  else
    args+=(--spring.datasource.url="jdbc:h2:file:$tmp/firebreak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE")
  fi
  java "${args[@]}" >"$tmp/bot.log" 2>&1 &
  local bot=$!
  for _ in $(seq 1 120); do
    curl -fsS "$url/actuator/health/liveness" >/dev/null 2>&1 && break
    kill -0 "$bot" 2>/dev/null || { cat "$tmp/bot.log"; exit 1; }
    sleep 1
  done
  load() { java -cp bench/target/classes dev.firebreak.bench.AlertLoad --url="$url" --token="$TOKEN" "$@"; }
  echo "== recorder=$recorder $DB $(date -u +%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)"
  load --mode=closed --duration=5 --concurrency=16 >/dev/null
  # CPU time of the bot process (all its threads, the recorder's writer included) per notification: far less
  # sensitive to the rest of a shared machine than throughput or latency.
  local hz cpu0 cpu1 out
  hz="$(getconf CLK_TCK)"
  cpu0="$(awk '{print $14 + $15}' /proc/$bot/stat)"
  out="$(load --mode=closed --duration="$SECONDS_PER_PHASE" --concurrency=16)"
  cpu1="$(awk '{print $14 + $15}' /proc/$bot/stat)"
  echo "-- closed loop, 16 senders"; echo "$out" | grep -E "throughput|latency"
  local n
  n="$(echo "$out" | sed -n 's/.* ok=\([0-9]*\) .*/\1/p')"
  echo "cpu_ms_per_notification=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$hz" -v n="$n" 'BEGIN { printf "%.2f", (b - a) * 1000 / hz / n }') (bot process, $n notifications)"
  if [ "$RATE" != 0 ]; then
    echo "-- open loop at $RATE/s"; load --mode=open --rate="$RATE" --duration="$SECONDS_PER_PHASE" --concurrency=32 | grep -E "throughput|latency|unsent"
  fi
  for m in firebreak.recorder.recorded firebreak.recorder.dropped; do
    echo "-- $m: $(curl -fsS "$url/actuator/metrics/$m" | grep -o '"value":[0-9.E]*' | head -1)"
  done
  kill "$bot"; wait "$bot" 2>/dev/null || true
  rm -rf "$tmp"
}

echo "== $(nproc) cores, $(date -u +%FT%TZ) (shared machine: compare configurations within this run only)"
for _ in $(seq 1 "$ROUNDS"); do
  run_one false
  run_one true
done
