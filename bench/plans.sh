#!/usr/bin/env bash
# Benchmark of approved plans: one "setup exchange sync" on the sandbox's default Exchange Server, against a tenant
# answering every call (Resource Manager's, for the runner's jobs, and Graph's) in 100 ms and a worker that picks each
# job up after 300 ms (wall time against the calls it makes one after the other), then 100 plans at once (time, round
# trips per plan, and duplicates). Starts the packaged bot in sandbox mode with a fresh data directory, then runs
# bench/PlanLoad.java against it.
# Usage: [PORT=3992] [THREADS=16] bench/plans.sh [PlanLoad options, e.g. --plans 100]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
PORT=${PORT:-3992}
THREADS=${THREADS:-16}
OUT=target/bench
rm -rf "$OUT/plans-data"
mkdir -p "$OUT/plans-data"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
java -Xmx384m -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" \
  --bot.storage.directory="$OUT/plans-data" --bot.secrets.directory="$OUT/plans-data/secrets" \
  --bot.provisioning.run-threads="$THREADS" \
  --bot.teams.sends-per-second=100 --bot.teams.sends-per-thirty-seconds=3000 \
  > "$OUT/plans-bot.log" 2>&1 & bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  kill -0 $bot 2>/dev/null || { echo "the bot exited; see $OUT/plans-bot.log"; exit 1; }
  (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break
  sleep 0.5
done
java bench/PlanLoad.java "http://127.0.0.1:$PORT" "$@" | tee "$OUT/plans.txt"
echo "== resident after the load: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
