# Sourced by tools/container-smoke.sh — DoD steps 2–7 on one new database: api (migrations at
# start, the manual migration command, column types, a triggered run), scheduler ticks, admin.
# Ports stay clear of tools/readme-check.sh's.

api_port=18110 sandbox_port=18111 admin_port=18511
# The images run with NODE_ENV=production: the api refuses to start without a token. The admin gets the same one.
smoke_api_token="container-smoke-api-token-$RANDOM$RANDOM"
api_auth=(-H "Authorization: Bearer $smoke_api_token")
# The README's query ("Checking column types"), word for word.
readonly COLUMN_TYPES_QUERY="SELECT column_name, data_type FROM information_schema.columns WHERE table_name='integration_logs' ORDER BY 1;"

check_api_start() { # → sets $url, $api, $hub_env
  new_database stack
  url=$database_url
  # The sandbox stands in for both 1С and МойСклад.
  hub_env=(-e "DATABASE_URL=$url" -e "ONEC_BASE_URL=http://127.0.0.1:$sandbox_port" -e "MOYSKLAD_BASE_URL=http://127.0.0.1:$sandbox_port" -e "API_TOKEN=$smoke_api_token")
  start_container sandbox sandbox -e "SANDBOX_PORT=$sandbox_port" -e SANDBOX_HOST=127.0.0.1
  start_container api api "${hub_env[@]}" -e "API_PORT=$api_port" -e API_HOST=127.0.0.1
  api=$container
  wait_for "http://127.0.0.1:$sandbox_port/health" "sandbox container"
  wait_for "http://127.0.0.1:$api_port/ready" "api container /ready"
  local log applied logged
  log=$(container_log "$api")
  grep -q 'No migrations have been applied to this database yet' "$log" || { cat "$log"; fail "the api's log does not say that nothing was applied yet"; }
  if grep -q 'Failed to get migration heads' "$log"; then fail "the api's log says 'Failed to get migration heads'"; fi
  applied=$(psql "$url" -At -c 'select count(*) from mikro_orm_migrations')
  logged=$(grep -c '"Applied migration ' "$log" || true)
  [ "$applied" -gt 0 ] && [ "$logged" = "$applied" ] || fail "the api's log names $logged applied migration(s), the database records $applied"
  pass "api container started on a new database: its log shows $applied migration(s) applied, no 'Failed to get migration heads'"
}

check_manual_migration() {
  # The README's command, in the running api container. Output goes to a file first: with
  # pipefail, `grep -q` closing a pipe early fails the writer.
  docker exec -w /app "$api" node dist/migrate.js up >"$work/exec-up.log" 2>&1 || { cat "$work/exec-up.log"; fail "docker exec -w /app <api> node dist/migrate.js up exited non-zero"; }
  grep -q 'no migrations to apply' "$work/exec-up.log" || { cat "$work/exec-up.log"; fail "node dist/migrate.js up in the api container was not a no-op"; }
  docker exec -w /app "$api" node dist/migrate.js status >"$work/exec-status.log" 2>&1 || fail "docker exec -w /app <api> node dist/migrate.js status exited non-zero"
  grep -q '^applied' "$work/exec-status.log" || fail "node dist/migrate.js status printed no applied migration"
  if grep -q '^pending' "$work/exec-status.log"; then fail "node dist/migrate.js status lists pending migrations"; fi
  pass "docker exec -w /app <api> node dist/migrate.js up / status: nothing to apply, all applied"
}

check_column_types() {
  psql "$url" -At -F ' ' -c "$COLUMN_TYPES_QUERY" >"$work/columns.txt"
  for expected in 'run_id uuid' 'request_id uuid' 'job_id uuid' 'payload jsonb' 'details jsonb' 'job_name text'; do
    grep -qx "$expected" "$work/columns.txt" || { cat "$work/columns.txt"; fail "integration_logs column type: expected '$expected'"; }
  done
  pass "README column-type query: run_id/request_id/job_id uuid, payload/details jsonb, job_name text"
}

check_trigger() { # → sets $run_id
  local status run_status rows objects
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$api_port/api/v1/trigger/internal-replenishment")
  [ "$status" = 401 ] || fail "POST /api/v1/trigger/internal-replenishment without the token answered $status, not 401"
  status=$(curl -s -o "$work/trigger.json" -w '%{http_code}' "${api_auth[@]}" -X POST "http://127.0.0.1:$api_port/api/v1/trigger/internal-replenishment")
  [ "$status" = 202 ] || { cat "$work/trigger.json"; fail "POST /api/v1/trigger/internal-replenishment answered $status, not 202"; }
  run_id=$(jq -r .run_id "$work/trigger.json")
  for _ in $(seq 1 120); do
    run_status=$(curl -fsS "${api_auth[@]}" "http://127.0.0.1:$api_port/api/v1/runs/$run_id" | jq -r .status)
    case "$run_status" in succeeded|failed) break ;; esac
    sleep 0.5
  done
  [ "$run_status" = succeeded ] || fail "run $run_id ended '$run_status'"
  # The run_id filter itself proves the column takes a uuid; jsonb_typeof proves payload is jsonb.
  rows=$(psql "$url" -At -c "select count(*) from integration_logs where run_id = '$run_id'::uuid")
  objects=$(psql "$url" -At -c "select count(*) from integration_logs where run_id = '$run_id'::uuid and jsonb_typeof(payload) = 'object'")
  [ "$rows" -gt 0 ] || fail "no integration_logs rows carry run_id $run_id"
  [ "$objects" -gt 0 ] || fail "none of run $run_id's log rows has a jsonb object payload"
  assert_no_runtime_errors
  pass "POST …/trigger/internal-replenishment: 401 without API_TOKEN; with it → 202, run $run_id succeeded: $rows log row(s) with its uuid, $objects with a jsonb payload; no DatatypeMismatch or import error in any log"
}

start_scheduler() { # → sets $scheduler_started (database clock)
  scheduler_started=$(psql "$url" -At -c 'select now()')
  start_container scheduler scheduler "${hub_env[@]}"
  scheduler=$container
}

# The job fires at :00 and :30: two INFO rows must be written within 65 s of the start.
check_scheduler_ticks() {
  local within="'$scheduler_started'::timestamptz + interval '65 seconds'" ticks
  until [ "$(psql "$url" -At -c "select now() > $within")" = t ]; do
    ticks=$(psql "$url" -At -c "select count(*) from integration_logs where job_name = 'process_outbox_events_job' and level = 'INFO' and created_at <= $within")
    [ "$ticks" -ge 2 ] && break
    sleep 1
  done
  ticks=$(psql "$url" -At -c "select count(*) from integration_logs where job_name = 'process_outbox_events_job' and level = 'INFO' and created_at <= $within")
  [ "$ticks" -ge 2 ] || { tail -20 "$(container_log "$scheduler")"; fail "$ticks INFO row(s) from process_outbox_events_job within 65 s of the scheduler's start, not 2"; }
  # The ticks deliver the run's events to the sandbox (1С and МойСклад); a third may be needed.
  local events pending
  events=$(psql "$url" -At -c "select count(*) from outbox_events")
  for _ in $(seq 1 40); do
    pending=$(psql "$url" -At -c "select count(*) from outbox_events where status <> 'delivered'")
    [ "$pending" = 0 ] && break
    sleep 1
  done
  [ "$events" -gt 0 ] && [ "$pending" = 0 ] || fail "the scheduler container delivered $((events - pending)) of $events outbox event(s)"
  assert_no_runtime_errors
  pass "scheduler container: $ticks INFO rows from process_outbox_events_job within 65 s of its start; all $events outbox event(s) delivered"
}

check_admin() {
  local empty_url="http://127.0.0.1:$admin_port/logs?period=custom&from=2020-01-01T00:00&to=2020-01-02T00:00"
  local origin="http://127.0.0.1:$admin_port" admin
  start_container admin admin "${hub_env[@]}" -e "ADMIN_PORT=$admin_port" -e ADMIN_HOST=127.0.0.1 -e "API_URL=http://127.0.0.1:$api_port" \
    -e ADMIN_USERNAME=smoke -e ADMIN_PASSWORD=smoke-test-password
  admin=$container
  wait_for "$origin/health" "admin container"
  curl -s -o /dev/null -D "$work/logs-anonymous.txt" "$origin/logs"
  grep -q '^HTTP/1.1 303' "$work/logs-anonymous.txt" || { cat "$work/logs-anonymous.txt"; fail "an unauthenticated GET /logs on the admin container was not sent to sign in"; }
  admin_sign_in "$origin" smoke smoke-test-password "$work/admin-cookies.txt"
  curl -fsS -b "$work/admin-cookies.txt" "$origin/logs" >"$work/logs.html" || fail "GET /logs on the admin container"
  grep -q "$run_id" "$work/logs.html" || fail "the admin's logs page does not show run $run_id"
  # The admin speaks Russian unless an operator switches it to English.
  grep -Eq '[0-9]+ (запись|записи|записей) журнала за последние 24 часа' "$work/logs.html" || fail "the admin's logs page does not count its rows"
  curl -fsS -b "$work/admin-cookies.txt" "$empty_url" >"$work/logs-empty.html" || fail "GET /logs for an empty period on the admin container"
  grep -q 'Нет записей журнала за 2020-01-01 00:00 – 2020-01-02 00:00 Europe/Moscow.' "$work/logs-empty.html" || fail "an empty period does not show 'Нет записей журнала за …'"
  if grep -q "$run_id" "$work/logs-empty.html"; then fail "an empty period still lists run $run_id"; fi
  docker exec -w /app "$admin" node dist/apps/admin/users.js list >"$work/admin-users.log" 2>&1 || { cat "$work/admin-users.log"; fail "node dist/apps/admin/users.js list in the admin container"; }
  grep -Eq '^smoke +operator +active' "$work/admin-users.log" || { cat "$work/admin-users.log"; fail "the admin container's account list does not show smoke"; }
  pass "admin container: /logs without a session → sign-in; signed in as ADMIN_USERNAME it lists run $run_id's rows; an empty period says 'Нет записей журнала за 2020-01-01 00:00 – 2020-01-02 00:00 Europe/Moscow.'; node dist/apps/admin/users.js list shows the account"
}
