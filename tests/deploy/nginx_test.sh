#!/usr/bin/env bash
# Checks deploy/nginx/casepanel.conf with `nginx -t`: the file as shipped, with
# only its operator paths (certificate, key, the release directory and the
# proxy include) pointed at a temporary directory and a throwaway certificate.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
nginx=$(command -v nginx || echo /usr/sbin/nginx)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=casepanel.example.test" \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
cp "$repo/deploy/nginx/casepanel-proxy.conf" "$dir/"
sed -e "s#/etc/ssl/casepanel/#$dir/#g" \
    -e "s#/opt/casepanel/#$repo/#g" \
    -e "s#/etc/nginx/casepanel-proxy.conf#$dir/casepanel-proxy.conf#g" \
    "$repo/deploy/nginx/casepanel.conf" > "$dir/casepanel.conf"
mkdir -p "$dir/tmp"
cat > "$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/casepanel.conf;
}
CONF
"$nginx" -t -q -p "$dir" -c "$dir/nginx.conf"
# What nginx serves itself must exist after `npm ci`.
for f in node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css \
         node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js \
         node_modules/govuk-frontend/dist/govuk/assets static; do
  [ -e "$repo/$f" ] || { echo "missing $f, which casepanel.conf serves"; exit 1; }
done
echo "nginx -t: deploy/nginx/casepanel.conf is valid"
