/**
 * `schemas`: which schema applies to which file and why: a validate.schemas mapping (its glob)
 * or an entry of the catalog of well-known files (its fileMatch pattern), built in or from a
 * team's catalog file (validate.catalog). `--list` shows the catalog's entries themselves. Reads
 * file names, and the content only of the files a built-in entry matched whose schema requires a
 * root type, to say when `check` skips one as another kind of file (schema/skipped). A file's own
 * `$schema` is part of its content: `validate` reports it.
 */
import { maxFileSize, maxYamlSize } from "../checks/max-file-size.js";
import { allOfOtherRoot } from "../checks/root-kind.js";
import { validateSelection } from "../checks/validate.js";
import { otherKindFinding, prepareCatalog } from "../checks/validate-catalog.js";
import { BUILTIN_ENTRIES } from "../core/catalog/builtin.generated.js";
import type { CatalogMatch } from "../core/catalog/select.js";
import { matcher } from "../core/glob.js";
import { parseDocumentAsync } from "../core/parse/index.js";
import type { SchemaRef } from "../core/schema/mapping.js";
import { formatForSelected, jsoncMatcher } from "../core/select/jsonc.js";
import type { ValidateConfig } from "../config/types.js";
import { IndexSource, WorktreeSource, type FileSource } from "../io/file-source.js";
import { schemaSourceFor } from "../io/schema-source.js";
import type { CommandSpec } from "./types.js";

/** One file and the schema that applies to it. */
interface SchemaRow {
  file: string;
  /** The schema path, or `built-in:<file>` for a vendored one. */
  schema: string;
  /** "validate.schemas[0]", "built-in entry github-workflow", or "catalog.json entry meeting". */
  from: string;
  /** The glob or fileMatch pattern that selected the file. */
  pattern: string;
  level: "error" | "warning";
  /**
   * Set when `check` skips the file for this entry: a built-in entry matched it by name, but its
   * root is the other container than the entry's schema requires (rule schema/skipped).
   */
  skipped?: { rule: "schema/skipped"; message: string };
}

export const command: CommandSpec = {
  name: "schemas",
  yamlOnDemand: true,
  usage: "integrity-guard schemas [--staged] [--list]",
  description: `
For every file the validate check reads, the schema that applies and why: a validate.schemas
mapping (the glob that matched), or an entry of the catalog of well-known files (the fileMatch
pattern that matched). Explicit mappings win over the catalog; a team's catalog file
(validate.catalog, SchemaStore's catalog.json format) comes before the built-in entries. The
built-in catalog holds SchemaStore's schemas for GitHub workflows and actions, dependabot.yml,
compose files, .pre-commit-config.yaml, package.json, tsconfig.json and more, vendored with
integrity-guard (docs/catalog.md): no network. A violation is an error where the consumer
refuses the file (a workflow GitHub will not run) and a warning where the schema is advisory.
Turn it off with validate.well_known: false, or one entry with
validate.well_known.entries.<id>: false.

A file a built-in entry matches by name whose root is the other kind of container than the
entry's schema requires (an Ansible task list named docker-compose.yml) is shown with the note
"skipped by check (schema/skipped)": \`check\` does not validate it against that entry.

A file's own "$schema" also counts (a local path, or a json.schemastore.org URL of a vendored
schema); it is read from the file's content, so \`validate\` reports it, not this list.

--list shows the entries instead: id, level, fileMatch, and whether the config turns it off.`,
  examples: [
    "integrity-guard schemas                 # files and the schema that applies to each",
    "integrity-guard schemas --list          # the catalog's entries",
    "integrity-guard schemas --format json   # {files: [{file, schema, from, pattern, level, skipped?}]}",
  ],
  options: {
    staged: { type: "boolean", description: "list the files of the git index instead of the working tree" },
    list: { type: "boolean", description: "list the catalog's entries (built-in and validate.catalog) instead of files" },
  },
  async run(ctx) {
    const cfg = ctx.loaded.config.validate ?? {};
    const source = ctx.options.staged ? new IndexSource(ctx.git) : new WorktreeSource(ctx.git);
    const sel = validateSelection(cfg);
    await prepareCatalog(cfg, sel.mapper, schemaSourceFor(source, ctx.git));
    if (ctx.options.list) {
      const overrides = typeof cfg.well_known === "object" ? (cfg.well_known.entries ?? {}) : {};
      const entries = BUILTIN_ENTRIES.map((e) => {
        const o = Object.hasOwn(overrides, e.id) ? overrides[e.id] : undefined;
        const off = cfg.well_known === false || o === false;
        return {
          id: e.id,
          name: e.name,
          level: (typeof o === "object" && o.level) || e.level,
          schema: typeof o === "object" && o.schema ? o.schema : `built-in:${e.file}`,
          fileMatch: [...e.fileMatch],
          on: !off,
        };
      });
      const user = (sel.mapper.catalog?.userEntries() ?? []).map((e) => ({
        id: e.id,
        catalog: e.catalog,
        level: e.level,
        schema: e.schema,
        fileMatch: [...e.fileMatch],
      }));
      const text = [
        ...(user.length
          ? [
              "validate.catalog (matched first):",
              ...user.map((e) => `  ${e.id.padEnd(18)} ${e.level.padEnd(8)} ${e.fileMatch.join(", ")}  -> ${e.schema} (${e.catalog})`),
            ]
          : []),
        "built-in catalog (docs/catalog.md); - = turned off by the config:",
        ...entries.map(
          (e) => `${e.on ? " " : "-"} ${e.id.padEnd(18)} ${e.level.padEnd(8)} ${e.fileMatch.join(", ")}${e.on ? "" : "  (off)"}`,
        ),
      ].join("\n");
      return { findings: [], json: { user, entries }, text: `${text}\n` };
    }
    const files = (await source.list()).filter(sel.selects).sort();
    const rows: SchemaRow[] = [];
    const guarded: { row: SchemaRow; entry: CatalogMatch }[] = [];
    for (const file of files) {
      for (const ref of sel.mapper.for(file, undefined).schemas) {
        const row = describe(file, ref, cfg.schemas ?? []);
        rows.push(row);
        const entry = typeof ref.from === "object" && "catalog" in ref.from ? ref.from.catalog : undefined;
        if (entry?.rootType && entry.catalog === "built-in") guarded.push({ row, entry });
      }
    }
    await markSkipped(guarded, source, cfg);
    const width = Math.min(60, Math.max(4, ...rows.map((r) => r.file.length)));
    const text = rows.length
      ? rows
          .map(
            (r) =>
              `${r.file.padEnd(width)}  ${r.schema}  (${r.from}: ${r.pattern}; ${r.level})` +
              (r.skipped ? `\n${" ".repeat(width)}  skipped by check (${r.skipped.rule}): ${r.skipped.message}` : ""),
          )
          .join("\n") + "\n"
      : "no file matches a schema mapping or a catalog entry\n";
    return { findings: [], json: { files: rows }, text, summary: { files: files.length, matched: rows.length } };
  },
};

/**
 * Mark the rows `check` skips with the root-type guard: only files a built-in entry with a root
 * type matched are read (a handful in a repository), each parsed as `check` parses it; a file
 * that does not parse, is too large, or is empty stays a plain row (`check` reports it).
 */
async function markSkipped(guarded: { row: SchemaRow; entry: CatalogMatch }[], source: FileSource, cfg: ValidateConfig): Promise<void> {
  if (guarded.length === 0) return;
  const jsonc = jsoncMatcher(cfg.jsonc);
  const maxBytes = maxFileSize(cfg);
  const contents = await source.read([...new Set(guarded.map((g) => g.row.file))], { maxBytes });
  for (const { row, entry } of guarded) {
    const bytes = contents.get(row.file);
    if (!Buffer.isBuffer(bytes)) continue;
    const format = formatForSelected(row.file, jsonc, bytes); // as check decides it: a name that says nothing, by content
    if (bytes.length > (format === "yaml" ? maxYamlSize(cfg) : maxBytes)) continue;
    const doc = await parseDocumentAsync(bytes, { path: row.file, format });
    if (!doc.ok || !allOfOtherRoot(doc.documents, entry.rootType!)) continue;
    row.skipped = { rule: "schema/skipped", message: otherKindFinding(row.file, entry).message };
  }
}

function describe(file: string, ref: SchemaRef, mappings: readonly { files: string[]; schema: string }[]): SchemaRow {
  if (ref.from === "$schema") return { file, schema: ref.path, from: "$schema", pattern: "$schema", level: "error" };
  if ("config" in ref.from) {
    const m = mappings[ref.from.config]!;
    return {
      file,
      schema: ref.path,
      from: `validate.schemas[${ref.from.config}]`,
      pattern: m.files.find((g) => matcher([g])(file)) ?? m.files.join(", "),
      level: "error",
    };
  }
  const c = ref.from.catalog;
  const builtin = c.catalog === "built-in";
  const entry = builtin ? BUILTIN_ENTRIES.find((e) => e.id === c.id) : undefined;
  return {
    file,
    schema: entry && c.schema.startsWith("/") ? `built-in:${entry.file}` : c.schema,
    from: builtin ? `built-in entry ${c.id}` : `${c.catalog} entry ${c.id}`,
    pattern: c.fileMatch.find((g) => matcher([g.includes("/") ? g : `**/${g}`])(file)) ?? c.fileMatch.join(", "),
    level: c.level,
  };
}
