// Copy the dashboard's libraries and map data from node_modules into the Python package
// (src/accord/web/static/vendor/, not tracked by git), with their licences.
import { copyFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "accord", "web", "static", "vendor");
const files = [
  ["d3/dist/d3.min.js", "d3.min.js"],
  ["d3/LICENSE", "d3.LICENSE"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE"],
  ["world-atlas/countries-110m.json", "countries-110m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE"],
];
mkdirSync(out, { recursive: true });
for (const [from, to] of files) {
  const src = join(here, "node_modules", from);
  if (!existsSync(src)) {
    console.error(`missing ${src}: run \`npm ci\` in web/ first`);
    process.exit(1);
  }
  copyFileSync(src, join(out, to));
}
console.log(`copied ${files.length} files to ${out}`);
