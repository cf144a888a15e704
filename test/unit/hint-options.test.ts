/**
 * Every command line the code can print (hints, fixes, help texts, examples) names only options
 * that exist (issue 15: `health` suggested `restore --set <set> --paths <file>`). The sources are
 * read as text: each `integrity-guard VERB ...` up to the end of the command (a quote, backtick,
 * newline, `;`, `)`, `, ` or a shell operator `&&`, `||`, `|`, `>`) has its `--options` checked against the CLI's option table (the
 * verb's options and the global ones). Words after a bare `--` are paths, not options.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS } from "../../src/cli.js";
import { verbs } from "../../src/commands/index.js";
import { PROJECT_ROOT } from "../helpers/repo.js";

interface Hint {
  file: string;
  line: number;
  verb: string;
  options: string[];
}

/** Every `integrity-guard VERB --option...` command in `text`. */
export function hintsIn(text: string, file: string): Hint[] {
  const out: Hint[] = [];
  const re = /integrity-guard ([a-z][a-z-]*)([^`"'\n;)]*?)(?=[`"'\n;)]|, |$)/g;
  for (const m of text.matchAll(re)) {
    const verb = m[1]!;
    // A shell operator ends the command: `verify --format sha256sum > F && sha256sum -c --strict F`.
    const words = m[2]!.split(/\s+(?:&&|\|\||\||>|<)\s/)[0]!.split(/\s+/);
    const end = words.indexOf("--");
    const options = (end >= 0 ? words.slice(0, end) : words)
      .map((w) => /^--([a-z][a-z0-9-]*)(=.*)?$/.exec(w)?.[1])
      .filter((o): o is string => o !== undefined);
    out.push({ file, line: text.slice(0, m.index).split("\n").length, verb, options });
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

describe("hints name only options that exist", () => {
  it("the extractor finds the options of a printed command (and would have caught health's old hint)", () => {
    const old = 'fix: "restore the broken files: integrity-guard restore --set <set> --paths <file>, or fix them by hand"';
    expect(hintsIn(old, "x")).toEqual([{ file: "x", line: 1, verb: "restore", options: ["set", "paths"] }]);
    expect(hintsIn("`integrity-guard restore hourly -- --odd-name.json`", "x")[0]!.options).toEqual([]);
    expect(hintsIn("run `integrity-guard init --hook-only` to", "x")[0]!.options).toEqual(["hook-only"]);
    expect(hintsIn('"integrity-guard verify --format sha256sum > S && sha256sum -c --strict S"', "x")[0]!.options).toEqual(["format"]);
  });

  it("every integrity-guard command line in src/ uses options of that command", async () => {
    const table = new Map<string, Set<string>>();
    for (const [name, entry] of Object.entries(verbs)) {
      const spec = await entry.load();
      table.set(name, new Set([...Object.keys(GLOBAL_OPTIONS), ...Object.keys(spec.options)]));
    }
    const hints = sourceFiles(path.join(PROJECT_ROOT, "src")).flatMap((f) =>
      hintsIn(fs.readFileSync(f, "utf8"), path.relative(PROJECT_ROOT, f)),
    );
    const checked = hints.filter((h) => table.has(h.verb) && h.options.length > 0);
    expect(checked.length).toBeGreaterThan(20); // the extractor sees the hints at all
    const bad = checked.flatMap((h) =>
      h.options.filter((o) => !table.get(h.verb)!.has(o)).map((o) => `${h.file}:${h.line}: integrity-guard ${h.verb} --${o}`),
    );
    expect(bad).toEqual([]);
  });
});
