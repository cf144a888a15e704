/**
 * `validate [FILE...]`: parse JSON/YAML and validate against the mapped JSON Schemas. Only the
 * validate check; `check` runs it together with the others.
 */
import { runValidate, validateStats } from "../checks/validate.js";
import { finishFindings } from "../checks/run-checks.js";
import { buildCheckContext, SCHEMA_CACHE_OPTION, sourceSummary } from "./check.js";
import { stageEnd } from "../io/hash/stage-log.js";
import { pathsHelp } from "./paths-help.js";
import type { CommandSpec } from "./types.js";

export const command: CommandSpec = {
  name: "validate",
  yamlOnDemand: true,
  usage: "integrity-guard validate [--staged] [PATH...]",
  description: `
Every file selected by validate.files (default **/*.json, **/*.yaml, **/*.yml) minus
validate.exclude must parse: strict JSON (comments and trailing commas only in validate.jsonc
files), YAML without duplicate keys. Files mapped to a JSON Schema (validate.schemas globs, or
the file's own "$schema" when it is a local path relative to the file) must satisfy it;
draft-07, 2019-09 and 2020-12 are supported, with formats. Every error is reported at the line
and column of the offending value, with its JSON pointer, what was expected and what was found.
A file matched by validate.require_schema with no schema is schema/missing.

A schema that is missing, does not parse or does not compile stops the run (exit 2).
Compiled schemas are cached under .git/integrity-guard/schema-cache/, keyed by their content
(the built-in catalog's under ~/.cache/integrity-guard/schema-cache/, shared by every clone).
${pathsHelp(
  "A folder selects the files below it that validate.files and validate.exclude select; a file named one by one (or matched by a glob) is validated even when validate.files does not select it, if it is .json/.yaml/.yml or a validate.jsonc file.",
)}

Outside a git repository, validate PATH... still works: it reads the files from disk, and the
config is .integrity-guard/config.yml in the nearest folder above (whose files are then named
relative to that folder), else the defaults. Without a path there it is exit 2 (name \`.\` to
validate the current folder).`,
  examples: [
    "integrity-guard validate                         # every JSON/YAML file in the working tree",
    "integrity-guard validate config/system.yaml data # named files, and everything below data/",
    "cd config && integrity-guard validate .           # everything below the current folder",
    "integrity-guard validate 'config/**/*.yaml'       # a glob, quoted: expanded by integrity-guard",
    "integrity-guard -C services/api validate .        # as if started in services/api",
    "integrity-guard validate --staged                 # the staged versions",
    "integrity-guard validate --format json            # {version, findings, summary}",
  ],
  options: {
    staged: { type: "boolean", description: "read files from the git index (what will be committed) instead of the working tree" },
    "no-cache": SCHEMA_CACHE_OPTION,
  },
  positionals: {
    name: "PATH...",
    description: "files, folders or quoted globs to validate, relative to the current directory (default: all that validate.files selects)",
  },
  async run(ctx) {
    // IG_STAGE_LOG: CPU by stage, for the validate bench's breakdown (a no-op otherwise).
    stageEnd("validate: start-up");
    const checkCtx = await buildCheckContext(ctx, ctx.positionals, "validate");
    stageEnd("validate: context built");
    if (ctx.options.staged === true && ctx.positionals.length === 0) {
      // validate --staged without names checks the whole index, not only the changes.
      delete checkCtx.paths;
    }
    const start = process.hrtime.bigint(); // not performance.now(): it loads node:perf_hooks
    // Capped per file as in check (validate.max_findings_per_file), so one broken file cannot bury the others.
    const findings = finishFindings(await runValidate(checkCtx, checkCtx.named ? { explicit: checkCtx.named } : {}), checkCtx.config);
    stageEnd("validate: validated");
    const stats = validateStats(checkCtx);
    return {
      findings,
      summary: {
        checked: stats?.checked ?? 0,
        ...sourceSummary(checkCtx),
        schemas: { cached: stats?.schemasCached ?? 0, compiled: stats?.schemasCompiled ?? 0 },
        ms: Math.round(Number(process.hrtime.bigint() - start) / 1e6),
      },
    };
  },
};
