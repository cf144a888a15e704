/**
 * Firebase Realtime Database security rules (`database.rules.json`, or whatever firebase.json's
 * `database.rules` names) are read by the Realtime Database server: the Firebase CLI reads the
 * file as text (Config.readProjectFile, no JSON option) and sends it as is to the database's
 * `/.settings/rules.json`, and the emulator and the console's rules editor parse it the same way.
 * That parser takes `//` and block comments and a trailing comma: the rules the Firebase console
 * itself writes for a database in test mode end with `".write": "now < 1620496800000",  // 2021-5-9`
 * before the closing brace. A comment there was a parse/syntax error (a false block); what the
 * rules parser refuses (a missing comma, a cut file, a duplicate key) is still reported, and JSON
 * that is not database rules stays strict.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errors(repo: TestRepo, args: string[]): Promise<{ code: number; errors: [string, string, number | undefined][] }> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  return {
    code: r.code,
    errors: findings
      .filter((f) => f.level === "error")
      .map((f): [string, string, number | undefined] => [f.rule, f.file ?? "", f.line])
      .sort((a, b) => a[1].localeCompare(b[1])),
  };
}

// Reduced from firebase/functions-samples (Apache-2.0), Node-1st-gen/text-moderation/security.rules.json
// (named by its firebase.json's "database": { "rules": "security.rules.json" }).
const MODERATION =
  '{\n  "rules": {\n    "messages": {\n      ".read": true,\n      "$message": {\n        // Users can only add new messages to the review queue.\n        ".write": "!data.exists()",\n        // Users can\'t set the sanitized boolean themselves.\n        ".validate": "!newData.hasChildren([\'sanitized\'])"\n      }\n    }\n  }\n}\n';
// The rules the Firebase console writes for a database started in test mode.
const TEST_MODE =
  '{\n  "rules": {\n    ".read": "now < 1620496800000",  // 2021-5-9\n    ".write": "now < 1620496800000",  // 2021-5-9\n  }\n}\n';

describe("Firebase Realtime Database rules are read as the database reads them", () => {
  it("comments and a trailing comma pass, under any name", () =>
    withRepo(async (repo) => {
      repo.write("functions/text-moderation/security.rules.json", MODERATION);
      repo.write("database.rules.json", TEST_MODE);
      repo.write("firebase.json", '{\n  "database": { "rules": "database.rules.json" }\n}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      }
    }));

  it("what the rules parser refuses is still reported, and JSON that is not database rules stays strict", () =>
    withRepo(async (repo) => {
      // A missing comma, a cut file, a duplicate key in database rules.
      repo.write("a/database.rules.json", TEST_MODE.replace('",  // 2021-5-9\n    ".write"', '"  // 2021-5-9\n    ".write"'));
      repo.write("b/database.rules.json", MODERATION.slice(0, MODERATION.indexOf('".validate"')));
      repo.write("c/database.rules.json", TEST_MODE.replace('".write"', '".read": false,\n    ".write"'));
      // Another tool's "rules" object, without the database's .read/.write/.validate/.indexOn keys.
      repo.write("d/rules.json", '{\n  "rules": {\n    // limits\n    "maxDepth": { "limit": 3 }\n  }\n}\n');
      // The database's keys, but not under a top-level "rules" object.
      repo.write("e/data.json", '{\n  "messages": {\n    // x\n    ".read": true\n  }\n}\n');
      repo.git("add", "-A");
      const r = await errors(repo, ["check"]);
      expect(r.errors).toEqual([
        ["parse/syntax", "a/database.rules.json", 4],
        ["parse/truncated", "b/database.rules.json", expect.any(Number)],
        ["parse/duplicate-key", "c/database.rules.json", 4],
        ["parse/syntax", "d/rules.json", 3],
        ["parse/syntax", "e/data.json", 3],
      ]);
      expect(r.code).toBe(1);
    }));
});
