#!/usr/bin/env bash
# Times one launch of the bot from start to its first reply to `help`, and reads its resident memory then and after
# SECONDS_OF_LOAD (default 20) seconds of `help` at 16 conversations, with its CPU per reply. The launch is the
# command after --, which must run the bot in the foreground on PORT (bench/start.sh does).
# Usage: PORT=3997 bench/first-reply.sh -- bench/start.sh 3997 target/bench/start-data
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
[ "${1:-}" = "--" ] && shift
PORT=${PORT:-3997}
OUT=target/bench
mkdir -p "$OUT"
java bench/ActivityLoad.java --target "http://127.0.0.1:$PORT/api/messages" --wait-ready 120 --seconds 0 \
  > "$OUT/first-reply-probe.txt" 2>&1 & probe=$!
sleep 5
t0=$(date +%s%3N)
"$@" > "$OUT/first-reply-bot.log" 2>&1 & bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
while kill -0 $probe 2>/dev/null; do
  kill -0 $bot 2>/dev/null || { echo "the bot exited; see $OUT/first-reply-bot.log"; kill $probe; exit 1; }
  sleep 0.05
done
ready=$(grep -o 'epoch_ms=[0-9]*' "$OUT/first-reply-probe.txt" | cut -d= -f2)
echo "first reply: $((ready - t0)) ms; resident then: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
sleep 5
echo "resident at idle: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
java bench/ActivityLoad.java --target "http://127.0.0.1:$PORT/api/messages" --sweep 16 \
  --seconds "${SECONDS_OF_LOAD:-20}" --warmup 3 --watch-pid $bot | tail -4
echo "resident after the load: $(( $(ps -o rss= -p $bot) / 1024 )) MB"
