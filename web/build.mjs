// Refresh the files the dashboard and the API page use, copied from node_modules into the Python
// package (src/accord/web/static/vendor/, tracked by git and shipped in the wheel, so installing
// accord needs no Node.js), with their licences. Only needed to change a version:
//   edit package.json, then `npm install && npm run build` in web/, then commit web/ and vendor/.
// MANIFEST.json records the version of each package and the SHA-256 of each file copied;
// tests/unit/web/test_vendor.py checks them against package.json and the files.
import { copyFileSync, mkdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
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
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt", "swagger-ui-bundle.js.LICENSE.txt"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist/LICENSE", "swagger-ui-dist.LICENSE"],
  ["swagger-ui-dist/NOTICE", "swagger-ui-dist.NOTICE"],
];
const wanted = JSON.parse(readFileSync(join(here, "package.json"), "utf8")).dependencies;
const manifest = { packages: {}, files: {} };
for (const name of Object.keys(wanted).sort()) {
  const meta = join(here, "node_modules", name, "package.json");
  if (!existsSync(meta)) {
    console.error(`missing ${meta}: run \`npm ci\` in web/ first`);
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(meta, "utf8"));
  if (version !== wanted[name]) {
    console.error(`${name} ${version} is installed, package.json wants ${wanted[name]}: run \`npm ci\``);
    process.exit(1);
  }
  manifest.packages[name] = version;
}
mkdirSync(out, { recursive: true });
for (const [from, to] of files) {
  const src = join(here, "node_modules", from);
  if (!existsSync(src)) {
    console.error(`missing ${src}: run \`npm ci\` in web/ first`);
    process.exit(1);
  }
  copyFileSync(src, join(out, to));
  const sha256 = createHash("sha256").update(readFileSync(src)).digest("hex");
  manifest.files[to] = { from, sha256 };
}
writeFileSync(join(out, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`copied ${files.length} files and MANIFEST.json to ${out}`);
