#!/usr/bin/env bash
# Starts the bot as the container does (its JVM flags from deploy/Dockerfile, the AOT cache of bench/aot.sh when it
# has been built), in sandbox mode, in the foreground: the last step is exec java, so this script's process id is the
# bot's, for a benchmark to time it and read its memory.
# Usage: bench/start.sh PORT DATA_DIR [bot arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jdk.sh
. bench/jdk.sh
PORT=${1:?usage: bench/start.sh PORT DATA_DIR [bot arguments...]}
DATA_DIR=${2:?usage: bench/start.sh PORT DATA_DIR [bot arguments...]}
shift 2
read -r -a container_flags <<< "$(bench/container-flags.sh)"
if [ -f target/aot/app.aot ]; then
  exec "$JAVA" "${container_flags[@]}" -XX:AOTCache=target/aot/app.aot -jar target/aot/service-account-bot-sandbox.jar \
    --server.port="$PORT" --bot.storage.directory="$DATA_DIR" "$@"
fi
exec "$JAVA" "${container_flags[@]}" -jar target/service-account-bot-sandbox.jar \
  --server.port="$PORT" --bot.storage.directory="$DATA_DIR" "$@"
