#!/usr/bin/env bash
# Side by side, in one run: this bot (plain `java -jar` of the sandbox jar, and bench/start.sh, the container's launch
# with its AOT cache) and the two peer bots of ../shared/bench/peers/ (the retired Java SDK's echo bot, the Node
# botbuilder echo bot), each launched by that folder's run-peer.sh, which times the launch to the first reply and then
# sends `help` at 16 conversations for 20 s. ROUNDS rounds (default 2), the order reversed every other round, then a
# table of each peer's figures per round: launch to first reply, RSS at the first reply and after the load, replies/s,
# p99 and the bot's CPU per reply at 16.
# Usage: PEERS=/tmp/peers bench/peers.sh   (PEERS: the peers built as ../shared/bench/peers/README.md says)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
PEERS=${PEERS:?set PEERS to the folder with the built peers (../shared/bench/peers/README.md)}
RUN_PEER=${RUN_PEER:-$here/../shared/bench/peers/run-peer.sh}
[ -f "$RUN_PEER" ] || { echo "no $RUN_PEER"; exit 1; }
system_java=$(command -v java)
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
[ -f target/service-account-bot-sandbox.jar ] || ./mvnw -q -DskipTests package
[ -f target/aot/app.aot ] || bench/aot.sh
# run-peer.sh's `project` runs target/service-account-bot.jar of PROJECT; here that is the sandbox jar, which the
# README's run command starts, in a folder of its own (the production jar refuses to start without a tenant).
mkdir -p "$PEERS/project/target"
cp target/service-account-bot-sandbox.jar "$PEERS/project/target/service-account-bot.jar"
export PEERS SWEEP=16 SECS=${SECS:-20}
one() {
  case $1 in
    project) PROJECT=$PEERS/project PATH="$JAVA_HOME/bin:$PATH" bash "$RUN_PEER" project "$2" ;;
    project-start) PROJECT=$here PATH="$JAVA_HOME/bin:$PATH" bash "$RUN_PEER" project-start "$2" ;;
    # the peers as they ship: the Java one on the machine's default JDK (17 here)
    java|node) PATH="$(dirname "$system_java"):$PATH" bash "$RUN_PEER" "$1" "$2" ;;
  esac > "$PEERS/peers-$1-r$2.out" 2>&1 || { echo "$1 round $2 failed; see $PEERS/peers-$1-r$2.out"; exit 1; }
}
order=(project-start project java node)
for round in $(seq "${ROUNDS:-2}"); do
  if [ $((round % 2)) -eq 0 ]; then order=(node java project project-start); else order=(project-start project java node); fi
  for peer in "${order[@]}"; do echo "round $round: $peer"; one "$peer" "$round"; done
done
printf '%-14s %5s %10s %9s %9s %10s %8s %12s\n' peer round first_ms rss_first rss_load replies/s p99_ms cpu_ms/reply
for peer in project-start project java node; do
  for round in $(seq "${ROUNDS:-2}"); do
    s=$PEERS/results/$peer-r$round/summary.txt
    first=$(sed -n 's/.*startup_to_first_reply_ms=\([0-9]*\).*/\1/p' "$s")
    rss1=$(sed -n 's/.*rss_after_first_reply_kb=\([0-9]*\).*/\1/p' "$s")
    rss2=$(sed -n 's/.*rss_after_load_kb=\([0-9]*\).*/\1/p' "$s")
    # the 16-conversation line of ActivityLoad: conc replies replies/s p50 p90 p99 max http50 http99 tmout fail cpu_lg cpu_bot
    read -r _ replies rate _ _ p99 _ _ _ _ _ _ cpu_bot _ < <(awk '$1 == 16 && $2 ~ /^[0-9]+$/' "$s")
    cpu_ms=$(awk -v c="${cpu_bot%\%}" -v n="$replies" -v s="$SECS" 'BEGIN { printf "%.2f", c / 100 * s * 1000 / n }')
    printf '%-14s %5s %10s %8sM %8sM %10s %8s %12s\n' "$peer" "$round" "$first" $((rss1 / 1024)) $((rss2 / 1024)) \
      "$rate" "$p99" "$cpu_ms"
  done
done
