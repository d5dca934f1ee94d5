#!/usr/bin/env bash
# Demo until the dashboard exists: the source simulator on http://127.0.0.1:5090 and the collector on its
# schedules (with one catch-up poll of every source at start), writing to the embedded store data/kpimonitor.db.
# Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/SourceSimulator -c Release -nologo -v quiet
dotnet build src/Collector -c Release -nologo -v quiet
dotnet run --project src/SourceSimulator -c Release --no-build -- --urls http://127.0.0.1:5090 > data-simulator.log 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs -o /dev/null http://127.0.0.1:5090/_control/stats && break
  sleep 0.5
done
echo "Trình mô phỏng nguồn dữ liệu: http://127.0.0.1:5090 (nhật ký: data-simulator.log)"

# The simulator's demo credentials; real deployments set these from a secret store, never in files.
export KPIMONITOR_EOFFICE_SECRET=demo-secret KPIMONITOR_ONESTOP_SECRET=demo-secret
export KPIMONITOR_ANTIMALWARE_KEY=demo-api-key KPIMONITOR_PORTAL_PASSWORD=demo-password
dotnet run --project src/Collector -c Release --no-build -- "$@"
