#!/usr/bin/env bash
# Benchmark of plans waiting for a slow Exchange Server worker: 200 approved "setup exchange sync" plans on the
# sandbox's default Exchange Server, a simulated Hybrid Runbook Worker that picks each runner job up 10 s after it was
# made, a 1 s step hold and 4 run threads. Starts the packaged bot in sandbox mode with a fresh data directory, then
# runs bench/WaitLoad.java against it, which also samples the bot's threads with jcmd while the plans wait.
# With DB=postgres the bot keeps its state in a fresh schema bench_waits of the PostgreSQL of the tests
# (BOT_TEST_POSTGRES_URL, default jdbc:postgresql://127.0.0.1:5432/test), as in production; else in its H2 file.
# Usage: [PORT=3993] [THREADS=4] [DELAY=10s] [DB=postgres] bench/waits.sh [WaitLoad options, e.g. --plans 200]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
PORT=${PORT:-3993}
THREADS=${THREADS:-4}
DELAY=${DELAY:-10s}
OUT=target/bench
rm -rf "$OUT/waits-data"
mkdir -p "$OUT/waits-data"
DATABASE=()
if [ "${DB:-h2}" = postgres ]; then
  url=${BOT_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
  psql -q -h 127.0.0.1 -U "${BOT_TEST_POSTGRES_USER:-postgres}" -d test \
    -c "drop schema if exists bench_waits cascade; create schema bench_waits;"
  DATABASE=(--spring.datasource.url="$url?currentSchema=bench_waits"
    --spring.datasource.username="${BOT_TEST_POSTGRES_USER:-postgres}")
fi
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
java -Xmx384m -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" \
  --bot.storage.directory="$OUT/waits-data" "${DATABASE[@]}" \
  --bot.sandbox.runner.job-start-delay="$DELAY" --bot.exchange-server.runner.step-hold=1s \
  --bot.provisioning.run-threads="$THREADS" \
  --bot.teams.sends-per-second=100 --bot.teams.sends-per-thirty-seconds=3000 \
  > "$OUT/waits-bot.log" 2>&1 & bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  kill -0 $bot 2>/dev/null || { echo "the bot exited; see $OUT/waits-bot.log"; exit 1; }
  (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break
  sleep 0.5
done
java bench/WaitLoad.java "http://127.0.0.1:$PORT" --pid "$bot" --job-start-delay-ms "$(( ${DELAY%s} * 1000 ))" "$@" \
  | tee "$OUT/waits.txt"
echo "== resident after the load: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
