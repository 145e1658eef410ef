#!/usr/bin/env bash
# A worked example: audit a folder of reports on a small Dask cluster started by hand.
# Run from the repository root after `pip install -e '.[dask]'`. Everything runs on this
# machine here; on real machines start the scheduler on one host and a worker on each
# host that sees the same report folder (same path) on a shared file system.
set -euo pipefail

corpus=$(mktemp -d)/reports
python benchmarks/make_corpus.py 300 "$corpus"        # 300 generated reports with planted copies
rm "$corpus/manifest.json"

# 1. the scheduler (port 8786 is Dask's default; the dashboard is not needed here)
dask scheduler --port 8786 --no-dashboard &
scheduler=$!
trap 'kill "$scheduler" ${workers:-} 2>/dev/null; wait 2>/dev/null || true' EXIT
sleep 3

# 2. two workers, one process each, one thread each. The audit starts one checking child
#    process per worker (for the per-file time and memory budget), so the worker must not
#    be a daemonic process: DASK_DISTRIBUTED__WORKER__DAEMON=False.
export DASK_DISTRIBUTED__WORKER__DAEMON=False
dask worker tcp://127.0.0.1:8786 --nworkers 2 --nthreads 1 --no-dashboard &
workers=$!
sleep 5

# 3. the audit: the client lists the folder and stores results; the workers read and check.
#    (Exit code 1 means some report failed the pass mark: the audit itself went fine.)
fzcheck audit "$corpus" --out "$corpus/../out" --executor dask --scheduler tcp://127.0.0.1:8786 \
  --today 2025-03-01 --no-progress || [ $? -eq 1 ]

# 4. run it again: every file is unchanged, so the workers only hash them
fzcheck audit "$corpus" --out "$corpus/../out" --executor dask --scheduler tcp://127.0.0.1:8786 \
  --today 2025-03-01 --no-progress || [ $? -eq 1 ]
