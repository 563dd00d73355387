#!/usr/bin/env bash
# The spec's definition of done, in real containers (README "Docker"). On a machine with no
# registry, run ../shared/tools/local-base-images.sh first. Every container uses the host's
# network; the database is $PG_SERVER (default: this machine's PostgreSQL), a new one per check.
#   1. builds every image with --no-cache and inspects it (user, /app, prod deps, labels, size)
#   2–5. api on a new database: migrations in its log, the manual migration command, column
#        types, a triggered run with uuid/jsonb log rows and no type or import errors
#   6–7. scheduler ticks within 65 s; the admin's logs page, with rows and for an empty period
#   8. three api containers at once on a new empty database: each migration applied once
#   9. the api image builds through a proxy refusing half of apt's requests; without retries it fails
# Prints PASS/FAIL lines; exits non-zero on the first FAIL. Removes its containers and
# databases, and prunes the engine's dangling images (--no-cache builds leave gigabytes of them).
set -euo pipefail
cd "$(dirname "$0")/.."

server=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}
tag=smoke
work=$(mktemp -d /tmp/hub-smoke.XXXXXX)
version=$(node -p "require('./package.json').version")
revision=$(git rev-parse HEAD)

# shellcheck source=tools/check-helpers.sh
source tools/check-helpers.sh
for part in lib images stack replicas flaky-apt; do
  # shellcheck source=/dev/null
  source "tools/containers/smoke-$part.sh"
done
trap cleanup EXIT

smoke_started=$(date +%s)
build_images
check_api_start
check_manual_migration
check_column_types
check_trigger
start_scheduler
check_admin            # while the scheduler ticks
check_api_replicas
check_scheduler_ticks
check_apt_retries_through_flaky_proxy
pass "container smoke test: every check passed in $(( $(date +%s) - smoke_started )) s"
