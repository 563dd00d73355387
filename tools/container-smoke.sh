#!/usr/bin/env bash
# The images as the README's Docker section uses them: builds the four images, checks they
# run as a non-root user in /app with production dependencies only, starts api, scheduler and
# admin at once on a new scratch database of $PG_SERVER (each entry point applies the
# migrations under the lock: applied once, "Failed to get migration heads" never printed),
# and runs the manual migration command inside the running api container.
# Containers use the host's network (DESIGN.md "Running"); the ports below stay clear of the
# ones tools/readme-check.sh uses. Prints PASS/FAIL lines; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

server=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}
db="hub_smoke_$(date +%s)_$$"
tag=smoke
api_port=18110 admin_port=18511 sandbox_port=18111
containers=()
work=$(mktemp -d /tmp/hub-smoke.XXXXXX)

# shellcheck source=tools/check-helpers.sh
source tools/check-helpers.sh
cleanup() {
  for name in "${containers[@]}"; do docker rm -f "$name" >/dev/null 2>&1 || true; done
  psql "$server/postgres" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for app in api scheduler admin sandbox; do
  docker build --network host -f "docker/$app.Dockerfile" -t "hub-$app:$tag" . >"$work/build-$app.log" 2>&1 \
    || { tail -30 "$work/build-$app.log"; fail "docker build -f docker/$app.Dockerfile"; }
  user=$(docker image inspect -f '{{.Config.User}}' "hub-$app:$tag")
  workdir=$(docker image inspect -f '{{.Config.WorkingDir}}' "hub-$app:$tag")
  [ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ] || fail "hub-$app runs as '${user:-root}'"
  [ "$workdir" = /app ] || fail "hub-$app works in '$workdir', not /app"
  docker run --rm --network none --entrypoint node "hub-$app:$tag" -e "require.resolve('hono')" \
    || fail "hub-$app lacks a production dependency"
  if docker run --rm --network none --entrypoint node "hub-$app:$tag" -e "require.resolve('vitest')" 2>/dev/null; then
    fail "hub-$app carries development dependencies"
  fi
  pass "hub-$app:$tag built: user $user, /app, production dependencies only"
done

psql "$server/postgres" -qc "create database $db"
url="$server/$db"
common=(--network host -e "DATABASE_URL=$url" -e "ONEC_BASE_URL=http://127.0.0.1:$sandbox_port")
start() { # app, extra docker run arguments…
  local name="hub-smoke-$1-$$"
  containers+=("$name")
  docker run -d --name "$name" "${@:2}" "hub-$1:$tag" >/dev/null
}
start sandbox --network host -e "SANDBOX_PORT=$sandbox_port" -e SANDBOX_HOST=127.0.0.1
start api "${common[@]}" -e "API_PORT=$api_port" -e API_HOST=127.0.0.1
start scheduler "${common[@]}"
start admin "${common[@]}" -e "ADMIN_PORT=$admin_port" -e ADMIN_HOST=127.0.0.1 -e "API_URL=http://127.0.0.1:$api_port"
wait_for "http://127.0.0.1:$sandbox_port/health" sandbox
wait_for "http://127.0.0.1:$api_port/ready" "api /ready"
wait_for "http://127.0.0.1:$admin_port/health" admin
sleep 2
[ -n "$(docker ps --filter "name=hub-smoke-scheduler-$$" --filter status=running -q)" ] || {
  docker logs "hub-smoke-scheduler-$$" 2>&1 | tail -20; fail "the scheduler container stopped"
}
pass "api, scheduler, admin and sandbox started at once on a new database"

logs=$(for name in "${containers[@]}"; do docker logs "$name" 2>&1; done)
grep -q 'No migrations have been applied to this database yet' <<<"$logs" || fail "no entry point said nothing was applied yet"
applied=$(psql "$url" -At -c 'select count(*) from mikro_orm_migrations')
distinct=$(psql "$url" -At -c 'select count(distinct name) from mikro_orm_migrations')
[ "$applied" -gt 0 ] && [ "$applied" = "$distinct" ] || fail "migrations recorded $applied times for $distinct names"
if grep -q 'Failed to get migration heads' <<<"$logs"; then fail "'Failed to get migration heads' printed"; fi
pass "the entry points applied $applied migration(s) once, under the lock"

api="hub-smoke-api-$$"
# Output goes to a file first: with pipefail, `grep -q` closing a pipe early fails the writer.
docker exec -w /app "$api" node dist/migrate.js up >"$work/exec-up.log" || fail "node dist/migrate.js up in the api container exited non-zero"
grep -q 'no migrations to apply' "$work/exec-up.log" || fail "node dist/migrate.js up in the api container"
docker exec -w /app "$api" node dist/migrate.js status >"$work/exec-status.log" || fail "node dist/migrate.js status in the api container exited non-zero"
grep -q '^applied' "$work/exec-status.log" || fail "node dist/migrate.js status in the api container"
pass "docker exec -w /app <api> node dist/migrate.js up / status"

types=$(psql "$url" -At -F ' ' -c "SELECT column_name, data_type FROM information_schema.columns WHERE table_name='integration_logs' ORDER BY 1;")
for expected in 'run_id uuid' 'request_id uuid' 'job_id uuid' 'payload jsonb' 'details jsonb' 'job_name text'; do
  grep -qx "$expected" <<<"$types" || fail "column type: expected '$expected'"
done
pass "integration_logs column types"
