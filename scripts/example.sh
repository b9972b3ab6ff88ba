#!/usr/bin/env bash
# Runs the documents' chapter 3 FTP session with the Java client against a running module:
#   ./qmodem serve &                     (a BG95 on 127.0.0.1:3333 with its FTP server on 127.0.0.1:2121)
#   scripts/example.sh [MODULE_HOST:PORT] [FTP_HOST:PORT] [USER] [PASSWORD]
# Defaults: 127.0.0.1:3333 127.0.0.1:2121 test test. The source is examples/src/main/java/dev/qmodem/examples.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' qmodem)
JAVA_HOME=$(find_jdk)
if [[ -z "$JAVA_HOME" ]]; then
  echo "example: needs a JDK 21 or newer (JAVA_HOME, PATH, /usr/lib/jvm)" >&2
  exit 1
fi
export JAVA_HOME
mvn -B -q package -DskipTests -pl examples -am
exec "$JAVA_HOME/bin/java" -cp "examples/target/classes:examples/target/lib/*" dev.qmodem.examples.DocumentSession "$@"
