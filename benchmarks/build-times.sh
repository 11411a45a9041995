#!/usr/bin/env bash
# Build times, as docs/benchmarks.md reports them: a clean full build (the CI command, offline),
# then the edit loop of a spec change (regenerate the client and compile it), then the same
# command with nothing changed. Run from the repository root, on an idle machine if you can:
#   benchmarks/build-times.sh
# Prints one Markdown table; the load average before each step is part of it (2-core machines
# are noisy). Never installs anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { # name, command...
  local name=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  local start end
  start=$(date +%s.%N)
  "$@" > /tmp/huiyi31-build-times.log 2>&1 || { cat /tmp/huiyi31-build-times.log; echo "FAILED: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '| %s | `%s` | %.1f | %s |\n' "$name" "$*" "$(echo "$end - $start" | bc)" "$load"
}

echo "| step | command | seconds | load before |"
echo "|---|---|---:|---:|"
./mvnw -B -ntp -q -o clean > /dev/null
step "clean full build, all tests (CI's command, offline)" ./mvnw -B -ntp -o verify
for i in 1 2 3; do
  touch openapi/openapi.yaml
  step "spec touched: regenerate + compile the client ($i)" ./mvnw -B -ntp -q -o -Dhuiyi31.skipNode=true -pl generated-client -am compile
done
step "nothing changed: same command" ./mvnw -B -ntp -q -o -Dhuiyi31.skipNode=true -pl generated-client -am compile
