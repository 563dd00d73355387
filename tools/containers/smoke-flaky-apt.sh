# Sourced by tools/container-smoke.sh — DoD step 9: the api image builds through a proxy that
# answers 502 to every second apt request (tools/containers/flaky-proxy.mjs); the same build
# of a variant without apt retries fails, which shows that this check can fail.
# npm's HTTPS goes through the same proxy as a CONNECT tunnel (never refused): tunnelling is
# cheap, and it keeps the build exactly the one a proxied CI would run.

proxy_port=18190

proxy_stat() { curl -fsS "http://127.0.0.1:$proxy_port/stats" | jq -r ".$1"; }

proxied_build() { # dockerfile, image, log
  local proxy="http://127.0.0.1:$proxy_port"
  # Predefined proxy build args: used by RUN steps, never stored in the image. The timeout
  # turns a hung apt (as apt 2.6's delayed retries do) into a failure instead of a stuck CI;
  # --force-rm removes the container of a failed step too.
  timeout 480 docker build --no-cache --force-rm --network host \
    --build-arg "http_proxy=$proxy" --build-arg "https_proxy=$proxy" \
    --build-arg "HTTP_PROXY=$proxy" --build-arg "HTTPS_PROXY=$proxy" \
    -f "$1" -t "$2" . >"$3" 2>&1
}

check_apt_retries_through_flaky_proxy() {
  local refused_before refused tunnels started seconds variant="$work/api-no-retries.Dockerfile"
  node tools/containers/flaky-proxy.mjs "$proxy_port" >"$work/proxy.log" 2>&1 &
  background_pids+=($!)
  wait_for "http://127.0.0.1:$proxy_port/stats" "flaky proxy"

  started=$(date +%s)
  proxied_build docker/api.Dockerfile "hub-api:$tag-proxy" "$work/build-proxy.log" \
    || { tail -30 "$work/build-proxy.log"; fail "the api image did not build through a proxy answering 502 to half of apt's requests"; }
  seconds=$(( $(date +%s) - started ))
  refused=$(proxy_stat refused) tunnels=$(proxy_stat tunnels)
  [ "$refused" -gt 0 ] || fail "the proxy refused no apt request: the retry check would prove nothing"
  [ "$tunnels" -gt 0 ] || fail "npm opened no CONNECT tunnel through the proxy"
  if docker image inspect -f '{{json .Config.Env}}' "hub-api:$tag-proxy" | grep -qi proxy; then
    fail "the proxy settings were stored in the image's environment"
  fi
  pass "api image built (--no-cache, ${seconds} s) through a proxy that answered 502 to $refused of $(proxy_stat proxied) apt request(s) and tunnelled $tunnels HTTPS connection(s); no proxy setting kept in the image"

  # The variant: apt's own retries off, the step's fallback gone; everything else unchanged.
  sed -e 's/Acquire::Retries "5"/Acquire::Retries "0"/' \
      -e 's/^\( *\)|| (sleep 5 && .*\(; \\\)$/\1|| false\2/' docker/api.Dockerfile >"$variant"
  grep -q 'Acquire::Retries "0"' "$variant" && ! grep -q '(sleep 5' "$variant" \
    || fail "could not derive a variant without retries from docker/api.Dockerfile"
  refused_before=$(proxy_stat refused)
  if proxied_build "$variant" "hub-api:$tag-no-retries" "$work/build-no-retries.log"; then
    fail "the variant without apt retries built through the flaky proxy too: the check cannot tell them apart"
  fi
  grep -q '502' "$work/build-no-retries.log" || { tail -20 "$work/build-no-retries.log"; fail "the variant without retries failed, but not on a 502"; }
  refused=$(( $(proxy_stat refused) - refused_before ))
  pass "the same build without apt retries fails on the 502s ($refused refused): the check can fail"
}
