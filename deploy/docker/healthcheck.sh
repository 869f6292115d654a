#!/bin/bash
# Container health check for images without curl or wget: one HTTP/1.1 GET through bash's /dev/tcp.
# Usage: healthcheck.sh [path]   (default: $HEALTHCHECK_PATH, else /health/live) exits 0 when 127.0.0.1:$HEALTHCHECK_PORT (default 8080) answers the path with 200.
# An empty path only checks that the port accepts connections (the gRPC demo service speaks HTTP/2 only).
set -eu
port="${HEALTHCHECK_PORT:-8080}"
path="${1-${HEALTHCHECK_PATH-/health/live}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
if [ -z "$path" ]; then
  exit 0
fi
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
case "$status" in
  "HTTP/1.1 200 "*) exit 0 ;;
  *) echo "GET $path: ${status:-no answer}" >&2; exit 1 ;;
esac
