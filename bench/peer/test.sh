#!/usr/bin/env bash
# bench/peer/test.sh [CASEPANEL]: the peer against casepanel on a small demo
# database (issue 17 §1). It fails when the peer's child or sitting page does
# not carry casepanel's rows (bench/peer/same_rows.py), when a peer view adds
# no audit row, or when the audit chain no longer verifies after the peer's
# views. Hermetic: a temporary directory, free loopback ports, the fixed clock.
# CASEPANEL defaults to build/dev/casepanel. Takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
casepanel=$(readlink -f "${1:-build/dev/casepanel}")
clock="2026-11-24T09:00:00Z"
[ -x "$casepanel" ] || { echo "test.sh: no casepanel at $casepanel" >&2; exit 1; }
[ -d bench/peer/node_modules ] || { echo "test.sh: run npm ci in bench/peer first" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/casepanel-peer-test.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "test.sh: FAIL: $*" >&2; exit 1; }

sed -e "s|^key_file = .*|key_file = \"$tmp/audit.key\"|" \
  -e "s|^checkpoint_file = .*|checkpoint_file = \"$tmp/checkpoints.log\"|" \
  config/casepanel.toml >"$tmp/casepanel.toml"
db="$tmp/demo.db"
"$casepanel" demo --database "$db" --config "$tmp/casepanel.toml" --clock "$clock" >/dev/null
# Waits for LOG to say it serves; prints the base URL.
base_of() {
  local log=$1 pattern=$2 base=""
  for _ in $(seq 100); do
    base=$(sed -n "s|^$pattern \(http://127\.0\.0\.1:[0-9]*\)/.*\$|\1|p" "$log")
    [ -n "$base" ] && { echo "$base"; return; }
    sleep 0.1
  done
  cat "$log" >&2
  fail "$log: the server did not start"
}
"$casepanel" serve --database "$db" --config "$tmp/casepanel.toml" --port 0 --clock "$clock" \
  >"$tmp/serve.log" 2>&1 &
pids+=($!)
casepanel_base=$(base_of "$tmp/serve.log" "casepanel is serving on")
PEER_DATABASE="$db" PEER_AUDIT_KEY="$tmp/audit.key" PEER_CLOCK="$clock" PEER_PORT=0 \
  PEER_PANELS="$root/config/panels" node bench/peer/server.js >"$tmp/peer.log" 2>&1 &
pids+=($!)
peer_base=$(base_of "$tmp/peer.log" "peer is serving on")

jar="$tmp/jar"
csrf=$(curl -sS -c "$jar" "$casepanel_base/sign-in" |
  sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -sS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=coordinator@demo.casepanel.test" \
  --data-urlencode "password=casepanel-demo" --data-urlencode "csrf_token=$csrf" \
  --data-urlencode "next=/" "$casepanel_base/sign-in"
cookie="Cookie: cp_session=$(awk '$6 == "cp_session" { print $7 }' "$jar")"

sql() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$db" "$1"; }
# The child with the most decisions, and the sitting with the most hearings.
child=$(sql "SELECT child_id FROM decisions GROUP BY child_id ORDER BY COUNT(*) DESC, child_id LIMIT 1")
sitting=$(sql "SELECT sitting_id FROM hearings GROUP BY sitting_id ORDER BY COUNT(*) DESC, sitting_id LIMIT 1")
for page in "child:/children/$child" "sitting:/sittings/$sitting"; do
  name=${page%%:*} path=${page#*:}
  curl -sS --fail -H "$cookie" "$casepanel_base$path" >"$tmp/$name-casepanel.html" ||
    fail "casepanel: GET $path"
  before=$(sql "SELECT COUNT(*) FROM audit_events")
  curl -sS --fail -H "$cookie" "$peer_base$path" >"$tmp/$name-peer.html" || fail "the peer: GET $path"
  after=$(sql "SELECT COUNT(*) FROM audit_events")
  [ "$after" = $((before + 1)) ] || fail "the peer's view of $path added $((after - before)) audit rows, not 1"
  grep -q '<tr class="govuk-table__row">' "$tmp/$name-casepanel.html" || fail "$path has no table rows"
  python3 bench/peer/same_rows.py "$name" "$tmp/$name-casepanel.html" "$tmp/$name-peer.html" ||
    fail "the peer's $path is not casepanel's"
done
"$casepanel" audit verify --database "$db" --config "$tmp/casepanel.toml" ||
  fail "the audit chain does not verify after the peer's views"
echo "test.sh: ok (the peer's pages are casepanel's; the audit chain holds)"
