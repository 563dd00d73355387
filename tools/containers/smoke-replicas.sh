# Sourced by tools/container-smoke.sh — DoD step 8: three api containers started at once on a
# new empty database; the advisory lock lets exactly one apply each migration.

check_api_replicas() {
  local replica_url names=() ports=(18120 18121 18122) port name applied distinct logged=0 file expected
  new_database replicas
  replica_url=$database_url
  for port in "${ports[@]}"; do
    start_container api "api-$port" -e "DATABASE_URL=$replica_url" -e "ONEC_BASE_URL=http://127.0.0.1:$sandbox_port" -e "API_PORT=$port" -e API_HOST=127.0.0.1 -e "API_TOKEN=$smoke_api_token"
    names+=("$container")
  done
  for port in "${ports[@]}"; do wait_for "http://127.0.0.1:$port/ready" "api replica on :$port /ready"; done
  expected=$(psql "$url" -At -c 'select count(*) from mikro_orm_migrations')
  applied=$(psql "$replica_url" -At -c 'select count(*) from mikro_orm_migrations')
  distinct=$(psql "$replica_url" -At -c 'select count(distinct name) from mikro_orm_migrations')
  [ "$applied" = "$expected" ] && [ "$distinct" = "$expected" ] || fail "3 replicas recorded $applied migration row(s) for $distinct name(s); expected $expected, each once"
  for name in "${names[@]}"; do
    file=$(container_log "$name")
    if grep -q 'Failed to get migration heads' "$file"; then fail "$name: 'Failed to get migration heads'"; fi
    logged=$(( logged + $(grep -c '"Applied migration ' "$file" || true) ))
  done
  [ "$logged" = "$expected" ] || fail "the 3 replicas' logs report $logged migrations applied, not $expected"
  remove_containers "${names[@]}"
  pass "3 api containers at once on a new database: all /ready, each of $expected migration(s) applied once (mikro_orm_migrations and logs agree)"
}
