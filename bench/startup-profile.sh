#!/usr/bin/env bash
# Where the start-up goes, step by step: starts the bot (the sandbox jar, extracted, with the container's JVM flags and
# the AOT cache of bench/aot.sh when built) through bench/StartupProfile.java, which records Spring's ApplicationStartup
# steps (BufferingApplicationStartup) and prints the longest ones once the context is ready, then stops.
# Durations nest: a bean's time includes the beans it needed. Usage: bench/startup-profile.sh [N steps, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
[ -f target/aot/service-account-bot-sandbox.jar ] || bench/aot.sh
mkdir -p target/startup-profile
javac -d target/startup-profile/classes -cp "target/aot/service-account-bot-sandbox.jar:$(printf '%s:' target/aot/lib/*.jar)" \
  bench/StartupProfile.java
read -r -a container_flags <<< "$(bench/container-flags.sh)"
cache=()
[ -f target/aot/app.aot ] && cache=(-XX:AOTCache=target/aot/app.aot)
rm -rf target/startup-profile/data
STEPS=${1:-40} "$JAVA" "${container_flags[@]}" "${cache[@]}" \
  -cp target/aot/service-account-bot-sandbox.jar:target/startup-profile/classes StartupProfile \
  --server.port=0 --bot.storage.directory=target/startup-profile/data 2> target/startup-profile/bot.log \
  | grep -E '^ *[0-9]+ ms|^context'
