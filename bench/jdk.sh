# shellcheck shell=bash
# Sourced by the benchmarks and CI: the JDK 25 the bot is built for and runs on. JAVA_HOME when it is a JDK 25,
# else Temurin 25 where Debian-based machines of this kind install it beside their default JDK 17. Sets JAVA_HOME,
# puts its java first on PATH, and sets JAVA to it.
# The major version from the JDK's release file (no JVM started: bench/start.sh is timed from its first line), else
# from java -version.
jdk_version() {
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'
  fi
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(jdk_version "$JAVA_HOME")" -lt 25 ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ] && [ "$(jdk_version "$candidate")" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(jdk_version "$JAVA_HOME")" -lt 25 ]; then
  echo "No JDK 25 found: set JAVA_HOME to one (the bot is built and run on Java 25)." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
JAVA="$JAVA_HOME/bin/java"
export JAVA
