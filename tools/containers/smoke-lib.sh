# Sourced by tools/container-smoke.sh: scratch databases, containers on the host network,
# their logs, and the clean-up of everything the run made.
# Expects: $server (PostgreSQL server URL), $tag, $work, check-helpers.sh sourced.

containers=()
databases=()
background_pids=()
cleanup_files=()

# A new, empty database on $server; its URL in $database_url. (Not called in $(…): the
# list of what to clean up must grow in this shell.)
new_database() { # purpose
  local name="hub_smoke_$1_$(date +%s)_$$"
  psql "$server/postgres" -qc "create database $name" >/dev/null
  databases+=("$name")
  database_url="$server/$name"
}

# Starts hub-<app>:$tag detached on the host network; its name in $container.
start_container() { # app, name, docker run arguments…
  container="hub-smoke-$2-$$"
  containers+=("$container")
  docker run -d --name "$container" --network host "${@:3}" "hub-$1:$tag" >/dev/null
}

# One container's stdout and stderr, written to $work/<container>.log; prints the file name.
container_log() { # container
  docker logs "$1" >"$work/$1.log" 2>&1
  echo "$work/$1.log"
}

# Fails when any of our containers' logs show a type mismatch, a missing module or an
# import error (what a wrong bundle or a bad migration looks like at run time).
assert_no_runtime_errors() {
  local name file
  for name in "${containers[@]}"; do
    file=$(container_log "$name")
    if grep -En 'DatatypeMismatch|datatype mismatch|invalid input syntax for type (uuid|json)|Cannot find module|ERR_MODULE_NOT_FOUND|ERR_REQUIRE_ESM|is not a function|Failed to get migration heads' "$file" >"$work/errors.txt"; then
      head -5 "$work/errors.txt"
      fail "$name logged a type, import or migration error"
    fi
  done
}

remove_containers() { # containers…
  local name
  for name in "$@"; do docker rm -f "$name" >/dev/null 2>&1 || true; done
}

cleanup() {
  local pid name
  for pid in "${background_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  remove_containers "${containers[@]}"
  for name in "${databases[@]}"; do
    psql "$server/postgres" -qc "drop database if exists $name with (force)" >/dev/null 2>&1 || true
  done
  for name in "${cleanup_files[@]}"; do rm -f "$name"; done
  docker image rm -f "hub-api:$tag-proxy" "hub-api:$tag-no-retries" >/dev/null 2>&1 || true
  # --no-cache builds leave the previous images and every build stage untagged: drop them.
  docker image prune -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
