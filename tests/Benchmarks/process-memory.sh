#!/usr/bin/env bash
# Peak memory of the real program, one fresh process per run, the way users run it (each `up` is its own
# process): the standalone emulators in a separate process, then `Infra.dll up` for a first sync and an
# idle run, each under /usr/bin/time.
# Usage: bash tests/Benchmarks/process-memory.sh [STACKS] [LATENCY_MS] [guide|full] [SPACES] [RUNS_PER_STACK]
set -euo pipefail
cd "$(dirname "$0")/../.."
stacks="${1:-20000}"
latency="${2:-50}"
catalogue="${3:-guide}"
spaces="${4:-4}"
runs="${5:-10}"
port_port=19780
spacelift_port=19781
dotnet build -c Release -v q -nologo Infra.csproj >/dev/null
project=$(mktemp -d)
cp Pulumi.yaml "$project/"
cat > "$project/Pulumi.bench.yaml" <<YAML
config:
  port:baseUrl: http://127.0.0.1:${port_port}
  port:clientId: emulator
  port:secret: emulator
  spacelift:apiKeyEndpoint: http://127.0.0.1:${spacelift_port}
  spacelift:apiKeyId: 01EMULATOREMULATOREMULATOR
  spacelift:apiKeySecret: emulator
  infra:catalogue: ${catalogue}
  infra:runsPerStack: ${runs}
YAML
dotnet src/Emulators/bin/Release/net10.0/Emulators.dll --port-url "http://127.0.0.1:${port_port}" \
  --spacelift-url "http://127.0.0.1:${spacelift_port}" --stacks "$stacks" --spaces "$spaces" --runs "$runs" --latency-ms "$latency" >"$project/emulators.log" 2>&1 &
emulators=$!
trap 'kill "$emulators" 2>/dev/null; rm -rf "$project"' EXIT
for _ in $(seq 1 100); do
  grep -q "Ctrl-C" "$project/emulators.log" 2>/dev/null && break
  sleep 0.2
done
echo "| catalogue | stacks | latency ms | run | wall s | peak RSS MiB | exit |"
echo "|---|---:|---:|---|---:|---:|---:|"
for run in "first sync" "idle run"; do
  /usr/bin/time -f "%e %M %x" -o "$project/time" \
    dotnet bin/Release/net10.0/Infra.dll up --stack bench --yes --cwd "$project" >"$project/run.log" 2>&1 || true
  read -r wall kib code <"$project/time"
  echo "| $catalogue | $stacks | $latency | $run | $wall | $((kib / 1024)) | $code |"
done
