#!/usr/bin/env bash
# Two casepanel instances on one PostgreSQL behind nginx, one killed mid-run
# (issue 15 §2). Usage: two_instances_test.sh CASEPANEL_BINARY PG_CLUSTER_BINARY
#
# 1. A throwaway PostgreSQL 15 cluster from tests/pg_cluster (the recipe of
#    tests/support/postgres_cluster.cc), and `casepanel demo` on it.
# 2. Two `casepanel serve --port 0` on that database, sharing one settings
#    file, one uploads directory and one audit key, as two machines would.
# 3. nginx with deploy/nginx/casepanel.conf as shipped, changed only where an
#    operator changes it: the upstream lists the two instances, the listen
#    addresses are free loopback ports, the certificate is a throwaway one
#    (TLS as in production, so the session cookie is the __Host- one with
#    Secure). A test-only access log records which instance served each
#    request ($upstream_addr).
# 4. A journey through nginx with curl: sign in, read a page, create a draft
#    request (a form POST with the session's CSRF token), read it. nginx's
#    round robin sends consecutive requests to alternate instances, so the
#    session and the CSRF token made on one are checked by the other; the
#    log must show both instances serving the journey. Then one instance is
#    killed (SIGKILL) and the journey goes on: another POST and page reads,
#    all answered by the survivor.
#
# Bash rather than a gtest: the test is processes (PostgreSQL, two servers,
# nginx) and HTTP over TLS with cookies, which bash, kill and curl drive in a
# few lines, as tests/deploy/nginx_test.sh already does for `nginx -t`.
# Waits are on events (a line printed by a server, a file nginx writes) with
# deadlines.
set -euo pipefail
casepanel=$(realpath "$1")
pg_cluster=$(realpath "$2")
repo=$(cd "$(dirname "$0")/../.." && pwd)
nginx=$(command -v nginx || echo /usr/sbin/nginx)
pgbin=/usr/lib/postgresql/15/bin
clock=2026-11-24T09:00:00Z
dir=$(mktemp -d "${TMPDIR:-/tmp}/casepanel-two-XXXXXX")
chmod 755 "$dir"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  # Closing pg_cluster's input stops the cluster and removes its directory.
  if [ -n "${PG_PID:-}" ] && [ -n "${PG[1]:-}" ]; then
    eval "exec ${PG[1]}>&-"
    wait "$PG_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for f in "$dir"/serve-*.log "$dir/error.log" "$dir/access.log"; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }
  done
  exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A throwaway certificate (P-256: made at once, where RSA keys take seconds
# on a busy machine), made while PostgreSQL starts.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
  -subj "/CN=casepanel.example.test" -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" \
  2>/dev/null &
certificate=$!

# 1. PostgreSQL: tests/pg_cluster starts a throwaway cluster (the recipe of
# tests/support/postgres_cluster.cc, waiting on the server's socket and pid
# file, not by polling), prints the database's URL and keeps the cluster
# until its standard input closes (cleanup closes it).
coproc PG { exec "$pg_cluster" casepanel 2>"$dir/pg_cluster.log"; }
IFS= read -r -t 120 -u "${PG[0]}" db || fail "pg_cluster: $(cat "$dir/pg_cluster.log")"
[[ $db =~ ^postgresql://postgres@127\.0\.0\.1:([0-9]+)/casepanel$ ]] || fail "pg_cluster printed '$db'"
pg_port=${BASH_REMATCH[1]}

cat >"$dir/casepanel.toml" <<TOML
[server]
trusted_proxies = ["127.0.0.1"]
secure_cookies = true
max_connections_per_client = 0

[uploads]
directory = "$dir/uploads"

[audit]
key_file = "$dir/audit.key"
checkpoint_file = "$dir/audit-checkpoints.log"
TOML
cd "$repo"
"$casepanel" demo --database "$db" --config "$dir/casepanel.toml" --clock "$clock" \
  >"$dir/demo.log" 2>&1 || fail "demo: $(tail -n 20 "$dir/demo.log")"

created() {
  "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d casepanel -Atc \
    "SELECT COUNT(*) FROM audit_events WHERE action = 'request.create'"
}
created_by_demo=$(created)

# 2. Two instances, started together; each prints its address once it listens.
launch_instance() {
  local n=$1
  mkfifo "$dir/serve-$n.fifo"
  "$casepanel" serve --database "$db" --config "$dir/casepanel.toml" --port 0 \
    --clock "$clock" >"$dir/serve-$n.fifo" 2>"$dir/serve-$n.err" &
  pids+=($!)
  eval "pid_$n=$!"
}
await_instance() {
  local n=$1 line port="" fd
  exec {fd}<"$dir/serve-$n.fifo"
  while IFS= read -r -t 60 -u "$fd" line; do
    echo "$line" >>"$dir/serve-$n.log"
    if [[ $line =~ serving\ on\ http://127\.0\.0\.1:([0-9]+)/ ]]; then
      port=${BASH_REMATCH[1]}
      break
    fi
  done
  [ -n "$port" ] || fail "instance $n did not start: $(cat "$dir/serve-$n.err")"
  # The rest of its output goes to the log, so that it never blocks writing.
  cat <&"$fd" >>"$dir/serve-$n.log" &
  exec {fd}<&-
  eval "port_$n=$port"
}
launch_instance 1
launch_instance 2
await_instance 1
await_instance 2

# 3. nginx with the shipped configuration.
https_port=$(free_port)
http_port=$(free_port)
wait "$certificate" || fail "openssl could not make the certificate"
cp "$repo/deploy/nginx/casepanel-proxy.conf" "$dir/"
sed -e "s#/etc/ssl/casepanel/#$dir/#g" \
    -e "s#/opt/casepanel/#$repo/#g" \
    -e "s#/etc/nginx/casepanel-proxy.conf#$dir/casepanel-proxy.conf#g" \
    -e "s#server 127.0.0.1:8080 \(.*\)#server 127.0.0.1:$port_1 \1\n    server 127.0.0.1:$port_2 \1#" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
    -e "/listen \[::\]/d" \
    "$repo/deploy/nginx/casepanel.conf" >"$dir/casepanel.conf"
grep -q "server 127.0.0.1:$port_2 " "$dir/casepanel.conf" || fail "the upstream was not rewritten"
mkdir -p "$dir/tmp"
cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    log_format upstream '\$request_method \$uri \$status \$upstream_addr';
    access_log $dir/access.log upstream;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/casepanel.conf;
}
CONF
# nginx daemonises once it listens; the pid file is written by then.
"$nginx" -p "$dir" -c "$dir/nginx.conf" || fail "nginx did not start"

# 4. The journey.
base="https://127.0.0.1:$https_port"
jar="$dir/cookies"
# One request; prints the status, keeps the body in $dir/body.
http() {
  curl -sS -k -o "$dir/body" -w '%{http_code}' -b "$jar" -c "$jar" "$@"
}
csrf() { grep -o 'name="csrf_token" value="[^"]*"' "$dir/body" | head -n 1 | sed 's/.*value="//;s/"$//'; }
expect() {  # expect STATUS WHAT -- curl arguments
  local want=$1 what=$2 got
  shift 3
  got=$(http "$@") || fail "$what: curl failed"
  [ "$got" = "$want" ] || fail "$what: HTTP $got, expected $want"
}
served_by() { awk '{print $4}' "$dir/access.log"; }

expect 200 "the sign-in page" -- "$base/sign-in"
token=$(csrf)
[ -n "$token" ] || fail "no token on the sign-in page"
expect 303 "signing in" -- --data-urlencode "csrf_token=$token" \
  --data-urlencode "email=social_worker@demo.casepanel.test" \
  --data-urlencode "password=casepanel-demo" "$base/sign-in"
expect 200 "my children" -- "$base/children"
child=$(grep -o 'href="/children/[0-9]*"' "$dir/body" | head -n 1 | grep -o '[0-9]*')
[ -n "$child" ] || fail "no child listed for the social worker"
token=$(csrf)
[ -n "$token" ] || fail "no CSRF token on the page"
expect 303 "starting a request (a POST with the CSRF token)" -- --data-urlencode "csrf_token=$token" \
  --data-urlencode "panel_id=clam" --data-urlencode "child_ids=$child" "$base/requests"
expect 200 "my children again" -- "$base/children"
expect 403 "a POST without the CSRF token is refused" -- --data-urlencode "panel_id=clam" \
  --data-urlencode "child_ids=$child" "$base/requests"
both=$(served_by | sort -u | wc -l)
[ "$both" = 2 ] || fail "the journey reached $both instance(s), not both: $(served_by | tr '\n' ' ')"
# Consecutive requests went to different instances at least once after the
# sign-in: the session made on one was honoured by the other.
served_by | awk 'NR > 2 && $0 != prev { moved = 1 } { prev = $0 } END { exit !moved }' ||
  fail "no request after sign-in moved to the other instance"

# One instance dies mid-run.
kill -KILL "$pid_1"
wait "$pid_1" 2>/dev/null || true
before=$(wc -l <"$dir/access.log")
for i in 1 2 3; do
  expect 200 "a page after the kill ($i)" -- "$base/children"
done
token=$(csrf)
expect 303 "a POST after the kill" -- --data-urlencode "csrf_token=$token" \
  --data-urlencode "panel_id=clam" --data-urlencode "child_ids=$child" "$base/requests"
expect 200 "the home page after the kill" -- "$base/"
after=$(tail -n +"$((before + 1))" "$dir/access.log" | awk '{print $4}' | tr ',' '\n' | tr -d ' ' | sort -u)
echo "$after" | grep -qx "127.0.0.1:$port_2" || fail "the survivor served nothing after the kill"
# A line naming only the dead instance would be an answer it gave after
# dying; nginx lists a failed try before the one that answered ("A, B").
if tail -n +"$((before + 1))" "$dir/access.log" | awk '{print $4}' | grep -qx "127.0.0.1:$port_1"; then
  fail "a request after the kill was answered by the killed instance"
fi
drafts=$(($(created) - created_by_demo))
[ "$drafts" = 2 ] || fail "the journey's two requests: $drafts in the audit log"
echo "two instances behind nginx: sessions and CSRF held across both; the journey finished through one after the other was killed"
