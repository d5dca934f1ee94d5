#!/usr/bin/env bash
# Runs every KpiMonitor test. Installs what the tests need when it is missing (Debian packages:
# influxdb for a real influxd, chromium at /usr/bin/chromium for the browser tests, docker-compose to
# validate docker-compose.yml, python3-aiosmtpd for a real SMTP server under Debian's /usr/bin/python3,
# poppler-utils for pdftoppm/pdffonts over the report PDF, fonts-liberation2 for its Times-metric serif face,
# postgresql for a private PostgreSQL cluster (initdb/pg_ctl) under the clustered collectors),
# builds in Release, runs all test projects and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v influxd >/dev/null 2>&1 || missing+=(influxdb)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
# The programs live in /usr/lib/postgresql/<version>/bin, off PATH; the tests find the version folder.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -gt 0 ]; then
  echo "== Cài đặt thành phần cho kiểm thử / installing test dependencies: ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== Build (Release)"
dotnet build KpiMonitor.sln -c Release -nologo -v quiet

echo "== Tests"
log=$(mktemp)
status=0
dotnet test KpiMonitor.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for every test project together: "Tests: N passed, N failed, N skipped".
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
# xunit reports a failing fixture clean-up beside the tests, not in their counts: name it so a red run with
# "0 failed" says why.
outside=$(grep -cE '\[Test (Class|Collection|Assembly) Cleanup Failure|Catastrophic failure' "$log" || true)
rm -f "$log"
if [ -z "$summary" ] || [ "${summary%% *}" = "0" ]; then
  echo "No test ran: the build or the test host failed (see above)." >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "${outside:-0}" -gt 0 ]; then
  summary="$summary, $outside failed outside a test (fixture clean-up, see above)"
  [ "$status" -ne 0 ] || status=1
fi
echo "Tests: ${summary:-0 passed, 0 failed}"
exit "$status"
