#!/usr/bin/env bash
# Runs the benchmarks and prints figures and ratios:
#   scripts/bench.sh at                         AT round trips/s and start-up time
#   scripts/bench.sh transfer [MiB] [options]   qmodem vs curl, FTP and FTPS, COM: and UFS (TransferBenchmark)
#   scripts/bench.sh profile [MiB] [rows]       one JFR recording per row, qmodem only, and its top frames
#   scripts/bench.sh scale [sizes [modules [iterations [ramp-s]]]]  fleet cost per module, a fleet workload on vsftpd
#   scripts/bench.sh fuzz [lines [seed]]        10^6 random AT lines in random chunks (a few minutes; not part of all)
#   scripts/bench.sh relay-floor [MiB [rounds]] what one relay hop costs this machine, copying or splicing (no qmodem)
#   scripts/bench.sh all
# The transfer benchmark starts vsftpd (scripts/install-peers.sh installs it) and needs root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [[ ${1:-} == relay-floor ]]; then
  exec python3 scripts/relay-floor.py "${@:2}"
fi
./qmodem --version >/dev/null            # builds the jar and finds the JDK
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' qmodem)
export JAVA_HOME=$(find_jdk)
mvn -B -q package -DskipTests -pl bench -am
cp="bench/target/classes:bench/target/lib/*"
what=${1:-all}
shift || true
java_opts=(-Xmx512m -XX:+UseG1GC)
java=("$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp")
if [[ $what == at || $what == all ]]; then
  "${java[@]}" dev.qmodem.bench.AtRoundTripBenchmark cli/target/qmodem.jar
fi
if [[ $what == transfer || $what == all ]]; then
  "${java[@]}" dev.qmodem.bench.TransferBenchmark "$@"
fi
if [[ $what == profile ]]; then
  size=${1:-1024}
  rows=${2:-ftp-get-com,ftp-put-com,ftps-get-com,ftps-put-com,ftp-get-ufs,ftp-put-ufs,ftps-get-ufs,ftps-put-ufs}
  out=$(mktemp -d /tmp/qmodem-profile.XXXXXX)
  for row in ${rows//,/ }; do
    echo "== $row, $size MiB (recording $out/$row.jfr)"
    "${java[@]}" dev.qmodem.bench.TransferBenchmark "$size" --rounds 1 --rows "$row" --qmodem-only --jfr "$out/$row.jfr"
    "${java[@]}" dev.qmodem.bench.JfrTopFrames "$out/$row.jfr" 15
  done
fi
if [[ $what == scale || $what == all ]]; then
  "$JAVA_HOME/bin/java" -Xmx4g -XX:+UseG1GC -cp "$cp" dev.qmodem.bench.ScaleBenchmark "${1:-10,1000,10000}" "${2:-1000}" "${3:-3}" ${4:+"$4"}
fi
if [[ $what == fuzz ]]; then
  "${java[@]}" dev.qmodem.bench.AtFuzzBenchmark "${1:-1000000}" "${2:-1}"
fi
