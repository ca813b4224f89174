#!/usr/bin/env bash
# Health probe for the ApprovalBot images: exits 0 when http://127.0.0.1:PORT/PATH answers 200.
# Usage: bash /usr/local/bin/http-probe PORT PATH
# The .NET runtime images ship neither curl nor wget, and installing one only for this would grow every image;
# bash can speak enough HTTP/1.0 through /dev/tcp.
set -euo pipefail

port="${1:?usage: http-probe PORT PATH}"
path="${2:?usage: http-probe PORT PATH}"

exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
[[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]
