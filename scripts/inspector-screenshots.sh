#!/usr/bin/env bash
# Takes the README's screenshots of the web inspector (docs/images/inspector-*.png): starts ./qmodem serve on spare
# ports, drives it through a host and the control API, and photographs the page with headless Chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work=$(mktemp -d)
./qmodem serve --ufs "$work/ufs" --listen 127.0.0.1:3733 --control 127.0.0.1:8733 --ftp-port 2721 \
  --ftps-port 2791 --ftps-implicit-port 2792 >"$work/serve.out" 2>"$work/serve.err" &
serve=$!
stop_serve() {
  kill "$serve" 2>/dev/null || true
  wait "$serve" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_serve EXIT
for _ in $(seq 600); do
  grep -q ready "$work/serve.out" && break
  kill -0 "$serve" || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.5
done
mvn -B -q -o -Dstyle.color=never test-compile dependency:build-classpath -pl control -am \
  -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test >&2
"$JAVA_HOME/bin/java" -cp "control/target/test-classes:control/target/classes:$(cat "$work/classpath")" \
  dev.qmodem.control.InspectorScreenshots http://127.0.0.1:8733 3733 2721 docs/images
echo "inspector-screenshots: docs/images/inspector-fleet.png docs/images/inspector-module.png"
