#!/bin/sh
# Installs Debian's chromium for the explorer's browser test in graph/server.
set -eu
if command -v chromium >/dev/null 2>&1; then
	exit 0
fi
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
