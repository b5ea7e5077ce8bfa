#!/usr/bin/env bash
# The one benchmark runner (issue 13). Uses the running ./run-local.sh stack or starts one (and stops it after),
# then runs every benchmark with the pgbench baseline in the same run, prints one table and writes
# bench/results/latest.json (machine, date, each figure, its goal, met or missed).
#
#   ./bench/run.sh                      # everything
#   ./bench/run.sh submissions batch    # a subset: rss, submissions, batch, report, startup
#
# Environment: BENCH_SECONDS [20] per wrk/pgbench run, BENCH_WARMUP_SECONDS [45] unmeasured wrk before each
# measured one, BENCH_CONNECTIONS [16], BENCH_BATCH_ROWS [100000], BENCH_BATCH_WARMUP_ROWS [20000] rows in one
# unmeasured JSON import before the measured ones,
# BENCH_PROVINCES [34], BENCH_COMMUNES [3321], BENCH_INDICATORS [21], and the local stack's PLANS_PORT,
# INDICATORS_PORT, REPORTING_PORT, PG_PORT. Needs python3, wrk and pgbench/psql
# (Debian: apt-get install wrk postgresql-client) and a JDK's jstat for the heap samples.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
exec python3 bench/run.py "$@"
