// Copies the browser builds the explorer embeds from node_modules into
// graph/server/ui/vendor, with their licences. The copies are committed, so
// building newsgraph never needs npm; this runs only to change a version.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "graph", "server", "ui", "vendor");
mkdirSync(out, { recursive: true });

const files = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE"],
];
for (const [from, to] of files) {
  copyFileSync(join(here, "node_modules", from), join(out, to));
}
const version = JSON.parse(readFileSync(join(here, "node_modules", "cytoscape", "package.json"))).version;
console.log(`vendored cytoscape ${version} into ${out}`);
