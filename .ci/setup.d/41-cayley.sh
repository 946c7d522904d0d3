#!/bin/sh
# Builds the stock cayley v0.7.7 binary as /usr/local/bin/cayley-ref for the
# Cayley compatibility test in graph/server. It is built in a throwaway module
# outside the repository (cayley's own go.mod has a replace directive, so
# `go install ...@v0.7.7` is refused) and never committed. Needs gcc (sqlite).
set -eu
BIN=/usr/local/bin/cayley-ref
VERSION=v0.7.7
# The binary reports "v0.7.x-dev" whatever its module version: a stamp file
# beside it records what was built.
if [ -x "$BIN" ] && [ "$(cat "$BIN.version" 2>/dev/null)" = "$VERSION" ]; then
	exit 0
fi
if ! command -v gcc >/dev/null 2>&1; then
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null
fi
DIR=$(mktemp -d /tmp/cayref.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
cd "$DIR"
export GOFLAGS=-mod=mod GOWORK=off
go mod init ref >/dev/null 2>&1
# Quiet unless it fails: sqlite's C sources print warnings.
if ! { go get github.com/cayleygraph/cayley/cmd/cayley@$VERSION &&
	go build -o "$BIN" github.com/cayleygraph/cayley/cmd/cayley; } >build.log 2>&1; then
	cat build.log >&2
	exit 1
fi
"$BIN" version >/dev/null 2>&1
echo "$VERSION" >"$BIN.version"
