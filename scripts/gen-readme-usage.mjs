// Generate the README's Action usage block from action.yml, between the markers
// <!-- action-usage:start --> and <!-- action-usage:end -->.
//   node scripts/gen-readme-usage.mjs           rewrite the block in README.md
//   node scripts/gen-readme-usage.mjs --check   exit 1 when the block is missing or stale (CI)
//   node scripts/gen-readme-usage.mjs --print   print the block only
// Options: --action FILE (default action.yml), --readme FILE (default README.md).
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const START = "<!-- action-usage:start -->";
const END = "<!-- action-usage:end -->";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
};
const actionFile = opt("--action", path.join(root, "action.yml"));
const readmeFile = opt("--readme", path.join(root, "README.md"));
const ACTION_REF = "integrity-guard/integrity-guard@v1";

const oneLine = (s) =>
  String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
const cell = (s) => oneLine(s).replace(/\|/g, "\\|");

/** The Markdown block (without the markers) for an action.yml object. */
export function usageBlock(action) {
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const lines = ["```yaml", `- uses: ${ACTION_REF}`, "  with:"];
  for (const [name, i] of inputs) {
    const words = oneLine(i.description).split(" ");
    let current = "    #";
    for (const w of words) {
      if (current.length + w.length + 1 > 96 && current !== "    #") {
        lines.push(current);
        current = "    #";
      }
      current += " " + w;
    }
    lines.push(current);
    const def = i.default === undefined || i.default === "" ? "" : String(i.default);
    lines.push(
      `    # Default: ${def === "" ? "(empty)" : def}`,
      `    ${name}: ${/^[\w./-]+$/.test(def) ? def : `'${def.replace(/'/g, "''")}'`}`,
      "",
    );
  }
  if (lines[lines.length - 1] === "") lines.pop();
  lines.push("```", "", "| input | default | description |", "| --- | --- | --- |");
  for (const [name, i] of inputs)
    lines.push(`| \`${name}\` | ${i.default === undefined || i.default === "" ? "" : `\`${cell(i.default)}\``} | ${cell(i.description)} |`);
  lines.push("", "| output | description |", "| --- | --- |");
  for (const [name, o] of outputs) lines.push(`| \`${name}\` | ${cell(o.description)} |`);
  return lines.join("\n");
}

function main() {
  const action = parse(fs.readFileSync(actionFile, "utf8"));
  const block = usageBlock(action);
  if (args.includes("--print")) {
    process.stdout.write(block + "\n");
    return 0;
  }
  const readme = fs.existsSync(readmeFile) ? fs.readFileSync(readmeFile, "utf8") : "";
  const s = readme.indexOf(START);
  const e = readme.indexOf(END);
  if (s < 0 || e < s) {
    process.stderr.write(
      `${path.relative(process.cwd(), readmeFile)} has no ${START} ... ${END} block: add the two markers where the Action usage belongs, then run node scripts/gen-readme-usage.mjs\n`,
    );
    return 1;
  }
  const fresh = readme.slice(0, s + START.length) + "\n" + block + "\n" + readme.slice(e);
  if (args.includes("--check")) {
    if (fresh !== readme) {
      process.stderr.write(
        `the Action usage block in ${path.relative(process.cwd(), readmeFile)} is stale (action.yml changed): run node scripts/gen-readme-usage.mjs and commit README.md\n`,
      );
      return 1;
    }
    return 0;
  }
  if (fresh !== readme) fs.writeFileSync(readmeFile, fresh);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
