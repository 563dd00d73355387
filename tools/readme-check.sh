#!/usr/bin/env bash
# Runs the README's local commands as a new user would, on a scratch database of the
# PostgreSQL at $PG_SERVER (default: this machine's, postgres@127.0.0.1:5432), and checks
# what they print. Prints PASS/FAIL lines; exits non-zero on the first failure.
# The images and the in-container migration command are checked by tools/container-smoke.sh,
# which CI runs after this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false

server=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}
db="hub_readme_$(date +%s)_$$"
work=$(mktemp -d /tmp/hub-readme.XXXXXX)
pids=()

# shellcheck source=tools/check-helpers.sh
source tools/check-helpers.sh
cleanup() {
  # What the checks below edit in the work tree goes back as it was, even after a failure.
  if [ -n "${watched:-}" ] && [ -f "$work/watched.orig" ]; then cp "$work/watched.orig" "$watched"; fi
  if [ -f "$work/migrations-index.orig" ]; then
    rm -f libs/migrations/src/migrations/Migration*_readme_check.ts
    cp "$work/migrations-index.orig" libs/migrations/src/migrations/index.ts
  fi
  if [ -f "$work/migrations-names.orig" ]; then cp "$work/migrations-names.orig" libs/migrations/src/migrations/names.ts; fi
  for pid in "${pids[@]}"; do kill -INT -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$server/postgres" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  psql "$server/postgres" -qc "drop database if exists ${db}_odata with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Waits up to 60 s for run $1 to end; fails unless it succeeded.
wait_for_run() {
  local run_status=""
  for _ in $(seq 1 120); do
    run_status=$(curl -fsS "http://127.0.0.1:8000/api/v1/runs/$1" | jq -r .status)
    case "$run_status" in succeeded|failed) break ;; esac
    sleep 0.5
  done
  [ "$run_status" = succeeded ] || { curl -sS "http://127.0.0.1:8000/api/v1/runs/$1"; fail "run $1 ended $run_status"; }
}

psql "$server/postgres" -qc "create database $db"
export DATABASE_URL="$server/$db"

# --- migrations by hand --------------------------------------------------------------
npx nx run migrations:up >"$work/nx-up.log" 2>&1 || { cat "$work/nx-up.log"; fail "npx nx run migrations:up"; }
grep -q 'No migrations have been applied to this database yet' "$work/nx-up.log" || fail "first up did not say nothing was applied yet"
pass "npx nx run migrations:up applied every migration on a new database"
# Output goes to a file first: with pipefail, `grep -q` closing a pipe early fails the writer.
npm run --silent migrate -- status >"$work/status.log" || fail "npm run migrate -- status exited non-zero"
grep -q '^applied' "$work/status.log" || fail "npm run migrate -- status"
grep -q '^pending' "$work/status.log" && fail "migrations still pending after up"
npm run --silent migrate -- up >"$work/up-again.log" || fail "a second npm run migrate -- up exited non-zero"
grep -q 'no migrations to apply' "$work/up-again.log" || fail "a second up was not a no-op"
npm run --silent migrate -- check >"$work/check.log" || fail "npm run migrate -- check exited non-zero"
grep -q 'Schema is current' "$work/check.log" || fail "npm run migrate -- check"
pass "npm run migrate -- status / up / check"
if grep -rq 'Failed to get migration heads' "$work"; then fail "'Failed to get migration heads' printed"; fi

# --- README "Adding a migration": the MikroORM CLI and migrations:create ----------------------
npx mikro-orm debug >"$work/orm-debug.log" 2>&1 || { cat "$work/orm-debug.log"; fail "npx mikro-orm debug"; }
grep -q 'database connection successful' "$work/orm-debug.log" || { cat "$work/orm-debug.log"; fail "npx mikro-orm debug did not connect"; }
npx mikro-orm schema:update --dump >"$work/orm-dump.log" 2>&1 || { cat "$work/orm-dump.log"; fail "npx mikro-orm schema:update --dump"; }
grep -q 'Schema is up-to-date' "$work/orm-dump.log" || { cat "$work/orm-dump.log"; fail "the entities and the migrations disagree: schema:update --dump printed SQL"; }
pass "npx mikro-orm debug connects; npx mikro-orm schema:update --dump after up: Schema is up-to-date"
migrations_index=libs/migrations/src/migrations/index.ts
migrations_names=libs/migrations/src/migrations/names.ts
cp "$migrations_names" "$work/migrations-names.orig"
cp "$migrations_index" "$work/migrations-index.orig"
npx nx run migrations:create --name=readme_check --blank >"$work/create.log" 2>&1 || { cat "$work/create.log"; fail "npx nx run migrations:create --name=readme_check --blank"; }
created=$(ls libs/migrations/src/migrations/Migration*_readme_check.ts 2>/dev/null | head -1)
named=$(grep -c "^  'Migration[0-9]*_readme_check',$" "$migrations_names" || true)
mapped=$(grep -c "^  Migration[0-9]*_readme_check,$" "$migrations_index" || true)
# The new name and class must also compile together (a name without its class does not).
compiles=yes
npx tsc -p libs/migrations/tsconfig.json --noEmit >"$work/create-tsc.log" 2>&1 || compiles=no
rm -f libs/migrations/src/migrations/Migration*_readme_check.ts
cp "$work/migrations-names.orig" "$migrations_names" && rm "$work/migrations-names.orig"
cp "$work/migrations-index.orig" "$migrations_index" && rm "$work/migrations-index.orig"
[ -n "$created" ] && [ "$named" = 1 ] && [ "$mapped" = 1 ] && [ "$compiles" = yes ] || {
  cat "$work/create.log" "$work/create-tsc.log"
  fail "migrations:create wrote '${created:-no file}', named $named time(s) in names.ts, mapped $mapped time(s) in index.ts, compiles: $compiles"
}
pass "npx nx run migrations:create --name=readme_check --blank wrote $(basename "$created"), listed it in names.ts and index.ts, and it compiles (all removed again)"

# --- column types ------------------------------------------------------------------------
psql "$DATABASE_URL" -At -F ' ' -c "SELECT column_name, data_type FROM information_schema.columns WHERE table_name='integration_logs' ORDER BY 1;" >"$work/columns.txt"
for expected in 'run_id uuid' 'request_id uuid' 'job_id uuid' 'payload jsonb' 'details jsonb' 'job_name text'; do
  grep -qx "$expected" "$work/columns.txt" || { cat "$work/columns.txt"; fail "column type: expected '$expected'"; }
done
pass "integration_logs: run_id/request_id/job_id uuid, payload/details jsonb, job_name text"

# --- npm run dev: all four apps ----------------------------------------------------------
# Own process group, so an interrupt reaches every process as Ctrl+C in a terminal would.
setsid npm run dev >"$work/dev.log" 2>&1 &
pids+=($!)
# Nx computes its project graph, then each serve task bundles its app before starting it.
for app_port in sandbox:8100 api:8000 admin:8501; do
  (wait_for "http://127.0.0.1:${app_port#*:}/health" "${app_port%:*}" 180) || { tail -40 "$work/dev.log"; exit 1; }
done
curl -fsS http://127.0.0.1:8000/ready >/dev/null || fail "api /ready"
for listening in 'http://127.0.0.1:8100' 'http://127.0.0.1:8000' 'http://127.0.0.1:8501'; do
  grep -q "\"url\":\"$listening\"" "$work/dev.log" || { grep listening "$work/dev.log"; fail "npm run dev: an app does not listen on loopback only ($listening)"; }
done
pass "npm run dev: sandbox, api, admin answer on 127.0.0.1 only; api ready"

status=$(curl -s -o "$work/trigger.json" -w '%{http_code}' -X POST http://127.0.0.1:8000/api/v1/trigger/internal-replenishment)
[ "$status" = 202 ] || { cat "$work/trigger.json"; fail "trigger answered $status, not 202"; }
run_id=$(jq -r .run_id "$work/trigger.json")
pass "curl -X POST …/trigger/internal-replenishment → 202, run $run_id"
wait_for_run "$run_id"
orders=$(psql "$DATABASE_URL" -At -c "select count(*) from transfer_orders where run_id = '$run_id'")
outside=$(psql "$DATABASE_URL" -At -c "select count(*) from external_orders where run_id = '$run_id'")
[ "$orders" -gt 0 ] || fail "the run planned no transfer orders"
[ "$outside" -gt 0 ] || fail "the run ordered nothing outside (the demo network is short of some goods)"
pass "run $run_id succeeded with $orders transfer order(s) and $outside outside order(s)"

status=$(curl -s -o "$work/dry-run.json" -w '%{http_code}' -X POST 'http://127.0.0.1:8000/api/v1/trigger/internal-replenishment?dry_run=true')
{ [ "$status" = 200 ] && [ "$(jq -r .dry_run "$work/dry-run.json")" = true ]; } || { cat "$work/dry-run.json"; fail "dry run answered $status"; }
pass "curl -X POST '…/internal-replenishment?dry_run=true' → 200 with the plan"
curl -fsS 'http://127.0.0.1:8000/api/v1/runs?status=succeeded&limit=5' >"$work/runs.json" || fail "GET /api/v1/runs"
jq -e --arg id "$run_id" '.items | map(.id) | index($id) != null' "$work/runs.json" >/dev/null || { cat "$work/runs.json"; fail "GET /api/v1/runs?status=succeeded does not list run $run_id"; }
pass "curl '…/api/v1/runs?status=succeeded&limit=5' lists run $run_id"
curl -s http://127.0.0.1:8000/openapi.json | head -c 300 >"$work/openapi-head.txt" || true
grep -q '^{"openapi":"3.1.0","info":{"title":"Integration Hub API"' "$work/openapi-head.txt" || { cat "$work/openapi-head.txt"; fail "/openapi.json"; }
curl -fsS http://127.0.0.1:8000/docs | grep -q 'docs/swagger-ui-bundle.js' || fail "/docs"
pass "curl …/openapi.json | head -c 300 → OpenAPI 3.1; /docs serves Swagger UI"
curl -fsS http://127.0.0.1:8000/metrics >"$work/metrics.txt" || fail "GET /metrics"
for series in 'process_cpu_user_seconds_total' 'nodejs_eventloop_lag_seconds' 'hub_http_request_duration_seconds_count{method="GET",route="/api/v1/runs/{run_id}",status="200"}' 'hub_outbox_events{status="pending"'; do
  grep -qF "$series" "$work/metrics.txt" || fail "/metrics has no $series"
done
pass "GET /metrics: process, event-loop, request durations by route pattern, outbox gauges"

psql "$DATABASE_URL" -c "SELECT run_id, request_id, job_id, job_name, jsonb_typeof(payload) AS ptype FROM integration_logs ORDER BY created_at DESC LIMIT 5;" >"$work/latest.txt"
cat "$work/latest.txt"
rows=$(psql "$DATABASE_URL" -At -c "select count(*) from integration_logs where run_id = '$run_id'")
[ "$rows" -gt 0 ] || fail "no integration_logs rows carry run_id $run_id"
pass "$rows integration_logs row(s) with run_id $run_id"

# The scheduler ticks at :00 and :30; wait for one tick that delivered the run's orders.
for _ in $(seq 1 90); do
  delivered=$(psql "$DATABASE_URL" -At -c "select count(*) from outbox_events where status = 'delivered'")
  ticks=$(psql "$DATABASE_URL" -At -c "select count(*) from integration_logs where job_name = 'process_outbox_events_job' and level = 'INFO'")
  [ "$delivered" -ge $((orders + outside)) ] && [ "$ticks" -ge 1 ] && break
  sleep 1
done
[ "$ticks" -ge 1 ] || fail "no INFO row from process_outbox_events_job within 90 s"
[ "$delivered" -ge $((orders + outside)) ] || fail "only $delivered of $((orders + outside)) outbox events delivered"
psql "$DATABASE_URL" -c "select created_at, level, job_id, job_name, payload from integration_logs where job_name = 'process_outbox_events_job' order by id desc limit 1"
documents=$(curl -fsS http://127.0.0.1:8100/__sandbox/transfer-orders | jq '.documents | length')
[ "$documents" -eq "$orders" ] || fail "the sandbox holds $documents documents for $orders orders"
curl -fsS http://127.0.0.1:8100/__sandbox/moysklad/stats >"$work/moysklad.json" || fail "GET /__sandbox/moysklad/stats"
customer_orders=$(jq '.customerOrders.documents | length' "$work/moysklad.json")
[ "$customer_orders" -eq "$outside" ] && [ "$(jq '.customerOrders.duplicateDocuments' "$work/moysklad.json")" -eq 0 ] ||
  { cat "$work/moysklad.json"; fail "МойСклад holds $customer_orders customer orders for $outside outside orders"; }
pass "scheduler tick: INFO row written, $delivered event(s) delivered, $documents document(s) in 1С and $customer_orders customer order(s) in МойСклад, none twice"

# Unauthenticated, every admin page sends the browser to the sign-in page.
curl -s -o /dev/null -D "$work/logs-anonymous.txt" http://127.0.0.1:8501/logs
grep -q '^HTTP/1.1 303' "$work/logs-anonymous.txt" && grep -qi '^location: /login?next=%2Flogs' "$work/logs-anonymous.txt" ||
  { cat "$work/logs-anonymous.txt"; fail "an unauthenticated GET /logs was not sent to the sign-in page"; }
# npm run dev printed this start's admin password once in its banner.
admin_password=$(sed -n 's/^admin sign-in for this start: admin \/ //p' "$work/dev.log" | tail -n 1)
[ -n "$admin_password" ] || { cat "$work/dev.log"; fail "npm run dev printed no admin password"; }
admin_sign_in http://127.0.0.1:8501 admin "$admin_password" "$work/admin-cookies.txt"
curl -fsS -b "$work/admin-cookies.txt" http://127.0.0.1:8501/logs >"$work/logs.html"
grep -q "$run_id" "$work/logs.html" || fail "the admin's logs page does not show run $run_id"
pass "admin: /logs without a session → sign-in page; signed in with the banner's password, it lists the run's rows"

# README "Admin": accounts by hand (DATABASE_URL is this check's database).
npm run --silent admin:users -- add viewer.one >"$work/users-add.log" || { cat "$work/users-add.log"; fail "npm run admin:users -- add viewer.one"; }
viewer_password=$(sed -n 's/^Password for viewer.one (shown once, keep it safe): //p' "$work/users-add.log")
admin_sign_in http://127.0.0.1:8501 viewer.one "$viewer_password" "$work/viewer-cookies.txt"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/viewer-cookies.txt" -H 'Origin: http://127.0.0.1:8501' -X POST \
  http://127.0.0.1:8501/actions/trigger-replenishment)
[ "$status" = 403 ] || fail "a viewer's trigger answered $status, not 403"
ADMIN_USER_PASSWORD='a new long password' npm run --silent admin:users -- passwd viewer.one >/dev/null || fail "npm run admin:users -- passwd viewer.one"
npm run --silent admin:users -- disable viewer.one >/dev/null || fail "npm run admin:users -- disable viewer.one"
npm run --silent admin:users -- list >"$work/users-list.log" || fail "npm run admin:users -- list"
grep -Eq '^viewer\.one +viewer +disabled' "$work/users-list.log" && grep -Eq '^admin +operator +active' "$work/users-list.log" ||
  { cat "$work/users-list.log"; fail "npm run admin:users -- list does not show admin active and viewer.one disabled"; }
pass "npm run admin:users -- add / passwd / disable / list; a viewer's trigger → 403"

# An edit to a lib the api imports restarts the api (npm run dev runs each app under tsx watch).
watched=libs/logging/src/log-row.ts
cp "$watched" "$work/watched.orig"
starts=$(grep -c '"msg":"api listening"' "$work/dev.log")
echo "// readme-check: an edit that restarts the api" >>"$watched"
for _ in $(seq 1 60); do [ "$(grep -c '"msg":"api listening"' "$work/dev.log")" -gt "$starts" ] && break; sleep 1; done
cp "$work/watched.orig" "$watched" && rm "$work/watched.orig"
[ "$(grep -c '"msg":"api listening"' "$work/dev.log")" -gt "$starts" ] || { tail -20 "$work/dev.log"; fail "npm run dev did not restart the api after $watched changed"; }
wait_for http://127.0.0.1:8000/ready "the restarted api"
pass "npm run dev: editing $watched restarted the api, which answers again"

kill -INT -- "-${pids[0]}"
wait "${pids[0]}" || true
pids=()
sleep 1
for port in 8000 8100 8501; do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && fail "port $port still answers after Ctrl+C"
done
pass "Ctrl+C stopped every app"

# --- ONEC_CONNECTOR=odata npm run dev: the demo through the OData stand-in ------------------
# A database of its own: the first stack's sent orders would count as inbound here.
psql "$server/postgres" -qc "create database ${db}_odata"
DATABASE_URL="$server/${db}_odata" ONEC_CONNECTOR=odata setsid npm run dev >"$work/dev-odata.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:8000/ready "api (ONEC_CONNECTOR=odata)"
for _ in $(seq 1 60); do grep -q 'scheduler started' "$work/dev-odata.log" && break; sleep 0.5; done
grep -q 'scheduler started' "$work/dev-odata.log" || { cat "$work/dev-odata.log"; fail "the scheduler did not start with ONEC_CONNECTOR=odata"; }
status=$(curl -s -o "$work/trigger-odata.json" -w '%{http_code}' -X POST http://127.0.0.1:8000/api/v1/trigger/internal-replenishment)
[ "$status" = 202 ] || { cat "$work/trigger-odata.json"; fail "trigger (odata) answered $status"; }
odata_run=$(jq -r .run_id "$work/trigger-odata.json")
wait_for_run "$odata_run"
odata_orders=$(psql "$server/${db}_odata" -At -c "select count(*) from transfer_orders where run_id = '$odata_run'")
[ "$odata_orders" -eq "$orders" ] || fail "with OData the run planned $odata_orders transfer orders, with the HTTP service $orders"
for _ in $(seq 1 90); do
  posted=$(curl -fsS http://127.0.0.1:8100/__sandbox/odata/transfers | jq '[.items[] | select(.Posted)] | length')
  [ "$posted" -ge "$odata_orders" ] && break
  sleep 1
done
curl -fsS http://127.0.0.1:8100/__sandbox/odata/transfers >"$work/odata-transfers.json"
jq -e --argjson n "$odata_orders" '(.items | length) == $n and ([.items[] | select(.Posted)] | length) == $n and ([.postings[]] | all(. == 1))' "$work/odata-transfers.json" >/dev/null ||
  { cat "$work/odata-transfers.json"; fail "the OData stand-in does not hold $odata_orders posted documents, each posted once"; }
pass "ONEC_CONNECTOR=odata npm run dev: run $odata_run planned $odata_orders transfer order(s) like the HTTP service; a tick left as many posted documents in the OData stand-in, none twice"
kill -INT -- "-${pids[0]}"
wait "${pids[0]}" || true
pids=()
sleep 1
psql "$server/postgres" -qc "drop database if exists ${db}_odata with (force)"

# --- Nx targets -----------------------------------------------------------------------------
API_PORT=18000 setsid npx nx serve api >"$work/nx-serve.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:18000/health "nx serve api"
pass "npx nx serve api answers /health"

# README "Tests": run-many twice (the second from the cache), on the projects whose tests are
# short (the whole suite runs above as npm test); affected follows the graph.
nx_projects=runtime,integrations,sandbox,test-kit
TEST_DATABASE_URL="$server/postgres" npx nx run-many -t build test lint typecheck -p "$nx_projects" >"$work/nx-run-many.log" 2>&1 ||
  { tail -40 "$work/nx-run-many.log"; fail "npx nx run-many -t build test lint typecheck -p $nx_projects"; }
TEST_DATABASE_URL="$server/postgres" npx nx run-many -t build test lint typecheck -p "$nx_projects" >"$work/nx-run-many-again.log" 2>&1 ||
  { tail -40 "$work/nx-run-many-again.log"; fail "a second npx nx run-many -t build test lint typecheck"; }
cached=$(grep -o 'Nx read the output from the cache instead of running the command for [0-9]* out of [0-9]* tasks' "$work/nx-run-many-again.log" || true)
[[ "$cached" =~ for\ ([0-9]+)\ out\ of\ ([0-9]+)\ tasks ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] ||
  { tail -20 "$work/nx-run-many-again.log"; fail "the second nx run-many was not served from the cache (${cached:-no cache line})"; }
pass "npx nx run-many -t build test lint typecheck -p $nx_projects, twice: $cached"
affected=$(npx nx show projects --affected --files=libs/logging/src/log-row.ts -t test | sort | tr '\n' ' ')
for project in logging db migrations outbox orders replenishment api scheduler admin; do
  [[ " $affected" == *" $project "* ]] || fail "a change in libs/logging does not affect $project's tests (affected: $affected)"
done
for project in runtime integrations sandbox test-kit; do
  if [[ " $affected" == *" $project "* ]]; then fail "a change in libs/logging affects $project's tests, which do not use it (affected: $affected)"; fi
done
[ "$(npx nx show projects --affected --files=vitest.config.mts -t test | wc -l)" = "$(npx nx show projects -t test | wc -l)" ] ||
  fail "a change in vitest.config.mts does not affect every project's tests"
pass "nx affected: libs/logging reaches $affected; vitest.config.mts reaches every test target"

# --- one app at a time: npm run start:<app> ------------------------------------------------
for app in sandbox api admin scheduler; do
  SANDBOX_PORT=18101 API_PORT=18001 ADMIN_PORT=18502 ONEC_BASE_URL=http://127.0.0.1:18101 \
    setsid npm run "start:$app" >"$work/start-$app.log" 2>&1 &
  pids+=($!)
done
wait_for http://127.0.0.1:18101/health "npm run start:sandbox"
wait_for http://127.0.0.1:18001/ready "npm run start:api"
wait_for http://127.0.0.1:18502/health "npm run start:admin"
for _ in $(seq 1 60); do grep -q 'scheduler started' "$work/start-scheduler.log" && break; sleep 0.5; done
grep -q 'scheduler started' "$work/start-scheduler.log" || { cat "$work/start-scheduler.log"; fail "npm run start:scheduler did not start"; }
pass "npm run start:sandbox / start:api / start:admin / start:scheduler each start on their own"

# --- benchmarks (README "Benchmarks"): the planner bench on its full network, one run ------------
npm run --silent bench:planner -- --runs 1 >"$work/bench-planner.log" 2>&1 || { cat "$work/bench-planner.log"; fail "npm run bench:planner"; }
grep -q '^planTransfers: median' "$work/bench-planner.log" || { cat "$work/bench-planner.log"; fail "npm run bench:planner printed no timing"; }
pass "npm run bench:planner: $(grep '^planTransfers' "$work/bench-planner.log")"
npm run --silent bench:planner -- --warehouses 50 --skus 2000 --runs 3 --seed 7 >"$work/bench-planner-small.log" 2>&1 ||
  { cat "$work/bench-planner-small.log"; fail "npm run bench:planner -- --warehouses 50 --skus 2000 --runs 3 --seed 7"; }
grep -q '^planTransfers: median' "$work/bench-planner-small.log" || { cat "$work/bench-planner-small.log"; fail "bench:planner with options printed no timing"; }
pass "npm run bench:planner -- --warehouses 50 --skus 2000 --runs 3 --seed 7: $(grep '^planTransfers' "$work/bench-planner-small.log")"

# --- benchmarks (README "Benchmarks"): every figure with its floor, the quick sizes (under 2 minutes) ---
npm run --silent bench -- --quick >"$work/bench.log" 2>&1 || { cat "$work/bench.log"; fail "npm run bench -- --quick"; }
grep -q 'goals met in' "$work/bench.log" && jq -e '.quick == true and (.lines | length) >= 10 and all(.lines[]; .what != "did not run")' tmp/bench/results.json >/dev/null ||
  { cat "$work/bench.log"; fail "npm run bench -- --quick: a line did not run, or no tmp/bench/results.json"; }
pass "npm run bench -- --quick: $(grep 'goals met in' "$work/bench.log")"

# --- benchmark: outbox claim+deliver with two replica processes (a smoke run: small; not in the test suite) ---
BENCH_DATABASE_URL="$server/postgres" npm run --silent bench:outbox -- --events 600 --batch 50 >"$work/bench-outbox.log" 2>&1 ||
  { cat "$work/bench-outbox.log"; fail "npm run bench:outbox -- --events 600 --batch 50"; }
node -e '
  const text = require("fs").readFileSync(process.argv[1], "utf8");
  const figures = JSON.parse(text.slice(text.indexOf("outbox throughput: ") + "outbox throughput: ".length));
  const delivered = Object.values(figures.perReplica).reduce((sum, replica) => sum + replica.delivered, 0);
  if (figures.events !== 600 || figures.duplicates !== 0 || figures.lost !== 0 || delivered !== 600) process.exit(1);
' "$work/bench-outbox.log" || { cat "$work/bench-outbox.log"; fail "bench:outbox did not deliver 600 events once each"; }
pass "npm run bench:outbox -- --events 600 --batch 50: 600 events, 2 replicas, no duplicate, none lost"

# --- benchmark: МойСклад delivery through the shared rate limiter (short; the README's figures use the default size) ---
BENCH_EVENTS=60 BENCH_DATABASE_URL="$server/postgres" npm run --silent bench:moysklad >"$work/bench-moysklad.log" 2>&1 ||
  { cat "$work/bench-moysklad.log"; fail "npm run bench:moysklad"; }
grep -q '"customerOrders": 60,' "$work/bench-moysklad.log" && grep -q '"duplicateDocuments": 0' "$work/bench-moysklad.log" ||
  { cat "$work/bench-moysklad.log"; fail "bench:moysklad did not deliver 60 orders without duplicates"; }
pass "npm run bench:moysklad: 60 orders delivered by two replicas, no duplicates"
