# Sourced by tools/container-smoke.sh — DoD step 1: every image built with --no-cache, then
# inspected: non-root, /app, production dependencies only, labels, healthcheck, size.

# What `docker build .` would send: the .dockerignore must keep these out of the context.
check_build_context() {
  local made_env=""
  # A .env of our own (when there is none) proves that .env stays out; removed afterwards.
  if [ ! -e .env ]; then echo 'API_TOKEN=must-not-reach-the-image' >.env; made_env=.env; cleanup_files+=(.env); fi
  printf 'FROM node:24-bookworm-slim\nCOPY . /context\nRUN ls -A /context\n' \
    | docker build --no-cache --network host -f - . >"$work/context.log" 2>&1 || { cat "$work/context.log"; fail "listing the build context"; }
  if [ -n "$made_env" ]; then rm -f .env; fi
  for excluded in node_modules .git dist .env .nx .data; do
    if grep -qx "$excluded" "$work/context.log"; then fail ".dockerignore lets $excluded into the build context"; fi
  done
  grep -qx package.json "$work/context.log" || fail "the build context listing did not work (no package.json)"
  pass ".dockerignore keeps node_modules, .git, dist, .env, .nx, .data out of the build context"
}

label() { docker image inspect -f "{{index .Config.Labels \"org.opencontainers.image.$2\"}}" "$1"; }

# Builds hub-<app>:$tag; its wall-clock seconds go to $work/build-<app>.seconds.
build_image() { # app
  local started=$SECONDS
  docker build --no-cache --force-rm --network host --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
    -f "docker/$1.Dockerfile" -t "hub-$1:$tag" . >"$work/build-$1.log" 2>&1 \
    || { tail -30 "$work/build-$1.log"; return 1; }
  echo $(( SECONDS - started )) >"$work/build-$1.seconds"
}

inspect_image() { # app
  local app=$1 image="hub-$1:$tag" seconds user workdir size_mb healthcheck leftovers env
  seconds=$(cat "$work/build-$app.seconds")

  user=$(docker image inspect -f '{{.Config.User}}' "$image")
  workdir=$(docker image inspect -f '{{.Config.WorkingDir}}' "$image")
  [ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ] || fail "$image runs as '${user:-root}'"
  [ "$workdir" = /app ] || fail "$image works in '$workdir', not /app"
  docker run --rm --network none --entrypoint node "$image" -e "require.resolve('hono'); require.resolve('pino')" \
    || fail "$image lacks a production dependency"
  # Each image installs its own bundle's packages (generatePackageJson): the sandbox has no database.
  if [ "$app" = sandbox ]; then
    if docker run --rm --network none --entrypoint node "$image" -e "require.resolve('@mikro-orm/core')" 2>/dev/null; then
      fail "$image carries MikroORM, which the sandbox does not use"
    fi
  else
    docker run --rm --network none --entrypoint node "$image" -e "require.resolve('@mikro-orm/postgresql')" || fail "$image lacks MikroORM"
  fi
  if docker run --rm --network none --entrypoint node "$image" -e "require.resolve('vitest')" 2>/dev/null; then
    fail "$image carries development dependencies"
  fi
  [ "$(label "$image" version)" = "$version" ] || fail "$image: label version is '$(label "$image" version)', not $version"
  [ "$(label "$image" revision)" = "$revision" ] || fail "$image: label revision is '$(label "$image" revision)', not $revision"
  healthcheck=$(docker image inspect -f '{{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{end}}' "$image")
  if [ "$app" != scheduler ] && [ -z "$healthcheck" ]; then fail "$image serves HTTP but has no HEALTHCHECK"; fi
  healthcheck=${healthcheck:+HEALTHCHECK on /health}
  leftovers=$(docker run --rm --network none --user 0 --entrypoint find "$image" /var/lib/apt/lists /var/cache/apt -type f ! -name lock)
  [ -z "$leftovers" ] || fail "$image keeps apt's lists or caches: $(head -3 <<<"$leftovers")"
  env=$(docker image inspect -f '{{json .Config.Env}}' "$image")
  if grep -Eiq 'PASSWORD|SECRET|TOKEN|DATABASE_URL' <<<"$env"; then fail "$image bakes a setting into its environment: $env"; fi
  size_mb=$(( $(docker image inspect -f '{{.Size}}' "$image") / 1000000 ))
  pass "$image built (--no-cache, 2 at a time) in ${seconds} s, ${size_mb} MB, Node $(docker run --rm --network none --entrypoint node "$image" --version): user $user, /app, its own production dependencies only, labels $version/${revision:0:12}, ${healthcheck:-no HTTP port, no HEALTHCHECK}, no apt lists or caches, no secrets in ENV"
}

# Two builds at a time: on this 2-core machine that took 41 s for a pair against 75 s one
# after the other (much of a build waits on the network).
build_images() {
  local pair app pids
  check_build_context
  for pair in "api scheduler" "admin sandbox"; do
    pids=()
    for app in $pair; do build_image "$app" & pids+=($!); done
    for app in $pair; do
      wait "${pids[0]}" || fail "docker build --no-cache -f docker/$app.Dockerfile"
      pids=("${pids[@]:1}")
    done
  done
  for app in api scheduler admin sandbox; do inspect_image "$app"; done
}
