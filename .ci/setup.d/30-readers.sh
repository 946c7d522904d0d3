#!/usr/bin/env bash
# Installs the real readers the export tests (graph/export) hand newsgraph's
# files to: Debian's python3-networkx (read_gexf, read_graphml), xmllint
# (libxml2-utils: the GEXF 1.3 RELAX NG grammar) and the npm packages
# graphology + graphology-gexf, pinned in graph/export/testdata/readers/
# package.json and installed next to it (node_modules is not committed).
# Idempotent and quiet: a second run finds everything in place.
set -euo pipefail

cd "$(dirname "$0")/../.."
readers=graph/export/testdata/readers

need=()
/usr/bin/python3 -c 'import networkx' 2>/dev/null || need+=(python3-networkx)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Installed already, at the pinned versions?
installed() {
	(cd "$readers" && node -e '
		const want = require("./package.json").dependencies;
		for (const [name, version] of Object.entries(want)) {
			const file = "node_modules/" + name + "/package.json";
			if (JSON.parse(require("fs").readFileSync(file, "utf8")).version !== version) process.exit(1);
		}' 2>/dev/null)
}
if ! installed; then
	npm install --prefix "$readers" --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null
	installed
fi

/usr/bin/python3 -c 'import networkx'
xmllint --version >/dev/null 2>&1
