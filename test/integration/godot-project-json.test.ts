/**
 * JSON data of a Godot project. Godot loads a project's `.json` files (dialogue, level and save
 * data, `res://` paths) with its JSON class (core/io/json.cpp): after a comma, `}` or `]` closes
 * the object or array, so a trailing comma is read; a raw line break in a string is kept; but
 * there is no comment syntax (`/` is "Unexpected character"), and a missing comma, an unclosed
 * string or a cut file fail. godot-demo-projects' 2d/role_playing_game/dialogue/dialogue_data/
 * npc.json ends its last member with a comma and the demo loads it: it was a parse/syntax error
 * (a false block). Now a `.json` below a `project.godot` is read as Godot reads it, unless a
 * `package.json` stands nearer (a Node project inside the game folder, read by npm and Node), the
 * file is a package.json itself, or it sits in a hidden folder (Godot's filesystem skips them).
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

const PROJECT = 'config_version=5\n\n[application]\n\nconfig/name="RPG"\nconfig/features=PackedStringArray("4.3")\n';
// Reduced from godotengine/godot-demo-projects 2d/role_playing_game/dialogue/dialogue_data/npc.json (MIT).
const NPC = [
  "{",
  '\t"dialog_1" : { "name": "UNKNOWN", "text": "Hey, it\'s a good time to have a JRPG fight, right?" },',
  '\t"dialog_2" : { "name": "OPPONENT", "text": "Enough talking. Let\'s fight!" },',
  "}",
  "",
].join("\n");

describe("JSON in a Godot project is read as Godot's JSON class reads it", () => {
  it("a trailing comma (object and array) and a raw line break in a string pass below project.godot", () =>
    withRepo(async (repo) => {
      repo.write("rpg/project.godot", PROJECT);
      repo.write("rpg/dialogue/dialogue_data/npc.json", NPC);
      repo.write("rpg/levels/one.json", '{"enemies": [1, 2, 3,], "intro": "line one\nline two"}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      }
    }));

  it("what Godot refuses is still reported: a comment, a missing comma, a cut file, a repeated key", () =>
    withRepo(async (repo) => {
      repo.write("rpg/project.godot", PROJECT);
      repo.write("rpg/data/comment.json", '{\n  // Godot has no comments\n  "a": 1,\n}\n');
      repo.write("rpg/data/comma.json", '{\n  "a": 1\n  "b": 2,\n}\n');
      repo.write("rpg/data/cut.json", '{\n  "a": [1, 2,\n');
      repo.write("rpg/data/twice.json", '{\n  "a": 1,\n  "a": 2,\n}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors.map(([rule, file, line]) => [file, rule.startsWith("parse/") ? "parse" : rule, line])).toEqual([
          ["rpg/data/comma.json", "parse", 3],
          ["rpg/data/comment.json", "parse", 2],
          ["rpg/data/cut.json", "parse", expect.any(Number)],
          ["rpg/data/twice.json", "parse", 3],
        ]);
        expect(r.errors.find(([, file]) => file === "rpg/data/twice.json")![0]).toBe("parse/duplicate-key");
        expect(r.code).toBe(1);
      }
    }));

  it("files another reader reads keep strict JSON: a nested Node project, a package.json, a hidden folder, no project.godot", () =>
    withRepo(async (repo) => {
      repo.write("game/project.godot", PROJECT);
      // godot-demo-projects keeps a Node signaling server inside a Godot project (networking/webrtc_signaling/server_node).
      repo.write("game/server_node/package.json", '{\n  "name": "server",\n  "private": true,\n}\n');
      repo.write("game/server_node/config/db.json", '{\n  "port": 8080,\n}\n');
      repo.write("game/package.json", '{\n  "name": "tools",\n}\n');
      repo.write("game/.cache/state.json", '{\n  "a": 1,\n}\n');
      repo.write("other/dialogue.json", '{\n  "a": 1,\n}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await errors(repo, args);
        expect(r.errors).toEqual([
          ["parse/syntax", "game/.cache/state.json", 2],
          ["parse/syntax", "game/package.json", 2],
          ["parse/syntax", "game/server_node/config/db.json", 2],
          ["parse/syntax", "game/server_node/package.json", 3],
          ["parse/syntax", "other/dialogue.json", 2],
        ]);
        expect(r.code).toBe(1);
      }
    }));
});
