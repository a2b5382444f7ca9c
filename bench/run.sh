#!/usr/bin/env bash
# Benchmark: start-up to first reply, replies/s and latency at 1, 16 and 64 concurrent conversations for `help`,
# and resident memory after the load. Uses the closed-loop load generator in bench/ActivityLoad.java, whose fake
# Bot Connector receives the replies.
# Usage: [USE_CDS=1] [SECONDS_PER_LEVEL=20] [BOT_ARGS="--bot.x=y"] bench/run.sh [JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
JAR=target/service-account-bot-sandbox.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
CDS=()
if [ "${USE_CDS:-0}" = 1 ]; then
  [ -f target/cds/app.jsa ] || bench/cds.sh
  JAR=target/cds/service-account-bot-sandbox.jar
  CDS=(-XX:SharedArchiveFile=target/cds/app.jsa)
fi
PORT=${PORT:-3990}
SECONDS_PER_LEVEL=${SECONDS_PER_LEVEL:-20}
JVM_OPTS=("$@")
[ ${#JVM_OPTS[@]} -gt 0 ] || JVM_OPTS=(-XX:MaxRAMPercentage=75 -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=4)
OUT=target/bench
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "== JVM options: ${JVM_OPTS[*]} ${CDS[*]:-}"

# Start-up to first reply: the probe waits for the bot, the bot starts after it.
java bench/ActivityLoad.java --target "http://127.0.0.1:$PORT/api/messages" --wait-ready 120 --seconds 0 \
  > "$OUT/ready.txt" 2>&1 & probe=$!
sleep 5
t0=$(date +%s%3N)
read -r -a bot_args <<< "${BOT_ARGS:-}"  # extra bot arguments, split on spaces
java "${JVM_OPTS[@]}" "${CDS[@]}" -jar "$JAR" --server.port="$PORT" "${bot_args[@]}" > "$OUT/bot.log" 2>&1 & bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
while kill -0 $probe 2>/dev/null; do
  kill -0 $bot 2>/dev/null || { echo "the bot exited; see $OUT/bot.log"; kill $probe; exit 1; }
  sleep 0.2
done
ready=$(grep -o 'epoch_ms=[0-9]*' "$OUT/ready.txt" | cut -d= -f2)
echo "== start-up to first reply: $((ready - t0)) ms; resident after start: $(( $(ps -o rss= -p $bot) / 1024 )) MB"

java bench/ActivityLoad.java --target "http://127.0.0.1:$PORT/api/messages" --sweep 1,16,64 \
  --seconds "$SECONDS_PER_LEVEL" --warmup 5 --watch-pid $bot | tee "$OUT/sweep.txt"

echo "== resident after the load: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
