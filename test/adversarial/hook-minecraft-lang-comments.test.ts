/**
 * Minecraft Java lang files (`assets/<namespace>/lang/<locale>.json`) with repeated `"_"` section
 * comments, as Creators-of-Create/Create generated them until 2023 (met replaying its history:
 * test/fixtures/history-replay/REVIEW.md, session 20). Minecraft loads a lang file with Gson into
 * a JsonObject (Language.loadFromJson), which keeps the last of a repeated key without a word, and
 * no translation is looked up by a `"_"` key; the mod's own lang tooling skips keys starting with
 * `_` (LangMerger). So a repeated `_` key is a comment: committed through the built hook. A
 * translation key given twice still blocks: Gson keeps the last, and the first translation is lost.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const LANG = "src/generated/resources/assets/create/lang/en_us.json";

const lang = (...entries: [string, string][]) =>
  "{\n" + entries.map(([k, v]) => `\t${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n\n") + "\n}\n";

describe("Minecraft lang files", () => {
  it("repeated `_` section comments pass the hook (and `check` exits 0)", () => {
    repo = hookRepo();
    repo.write(
      LANG,
      lang(
        ["_", "->------------------------]  Game Elements  [------------------------<-"],
        ["block.create.acacia_window", "Acacia Window"],
        ["_", "->------------------------]  Advancements  [------------------------<-"],
        ["advancement.create.root", "Welcome to Create"],
        ["_", "Thank you for translating Create!"],
      ),
    );
    repo.write(
      "src/generated/resources/assets/create/lang/unfinished/de_de.json",
      lang(
        ["_", "Missing Localizations: 1"],
        ["_", "->------------------------]  Game Elements  [------------------------<-"],
        ["block.create.acacia_window", "Akazienfenster"],
      ),
    );
    repo.git("add", "-A");
    expectCommitted(repo, head(repo), commit(repo));
    const r = repo.cliBundle(["check", "--format", "json", LANG]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; level: string; line: number }[] }).findings;
    expect(findings.filter((f) => f.level !== "notice")).toEqual([]);
  });

  it("a translation key given twice still blocks, at its line", () => {
    repo = hookRepo();
    repo.write(
      LANG,
      lang(
        ["_", "->---]  Game Elements  [---<-"],
        ["block.create.acacia_window", "Acacia Window"],
        ["_", "->---]  UI  [---<-"],
        ["block.create.acacia_window", "Acacia Pane"],
      ),
    );
    repo.git("add", "-A");
    expectBlocked(repo, head(repo), commit(repo), /en_us\.json:8:2.*duplicate key "block\.create\.acacia_window"/);
  });

  it("outside `assets/<namespace>/lang/`, a repeated `_` key still blocks", () => {
    repo = hookRepo();
    repo.write("config/settings.json", lang(["_", "first"], ["name", "x"], ["_", "second"]));
    repo.git("add", "-A");
    expectBlocked(repo, head(repo), commit(repo), /settings\.json:6:2.*duplicate key "_"/);
  });
});
