# Sourced by tools/readme-check.sh and tools/container-smoke.sh: the PASS/FAIL lines they
# print and the wait for an HTTP service to answer.
pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; exit 1; }

wait_for() { # url, what, [seconds, default 60]
  for _ in $(seq 1 $(( ${3:-60} * 2 ))); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  fail "$2 did not answer at $1 within ${3:-60} s"
}

admin_sign_in() { # admin origin, username, password, cookie jar: signs in as the sign-in form does
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$4" -H "Origin: $1" \
    --data-urlencode "username=$2" --data-urlencode "password=$3" --data-urlencode 'next=/logs' "$1/login")
  [ "$status" = 303 ] || fail "signing in to the admin at $1 as $2 answered $status, not 303"
}
