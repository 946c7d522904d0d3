#!/bin/sh
# Installs node, npm and playwright-core (pinned in graph/server/e2e's
# package-lock.json) for the explorer's end-to-end test, TestExplorerE2E.
# The browser is Debian's chromium (40-browser.sh): playwright downloads none.
set -eu
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
	echo "45-playwright.sh: playwright-core 1.64 needs node >= 20; this machine has $(node --version) (Debian 12's own nodejs is 18: install 20 or later, e.g. from NodeSource)" >&2
	exit 1
fi
cd graph/server/e2e
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
test -f node_modules/playwright-core/package.json
