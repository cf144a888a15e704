/**
 * `conflicts --write` and `sync --fix` save the files they change under
 * .git/integrity-guard/undo/<verb>-<time>-<pid>/ and keep the 20 newest such folders. The sweep
 * took every subfolder of undo/ for one of its own: an undo folder reached through a symlink
 * (linked to another disk, or to a folder a downloaded .git pointed at) lost every subfolder but
 * the 20 newest, removed whole with all they held. Now only folders named as the undo folders
 * are named are swept; those still are. The built CLI, a real repository.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
const temps: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Two layers that disagree on a plain value: `conflicts --resolve --write` writes the winner. */
function layered(): TestRepo {
  const r = (repo = createRepo());
  r.write(
    ".integrity-guard/config.yml",
    'version: 1\nconfig:\n  files: ["config/*.yaml"]\n  precedence: ["config/system.yaml", "config/local.yaml"]\n',
  );
  r.write("config/system.yaml", "server:\n  port: 8080\n");
  r.write("config/local.yaml", "server:\n  port: 9090\n");
  r.commitAll("init");
  return r;
}

function aged(dir: string, i: number): void {
  const t = new Date(Date.now() - (100 - i) * 86_400_000);
  fs.utimesSync(dir, t, t);
}

it("an undo folder reached through a symlink keeps its owner's subfolders; only undo folders are swept", () => {
  const r = layered();
  const elsewhere = makeTempDir("ig-elsewhere-");
  temps.push(elsewhere);
  const mine: string[] = [];
  for (let i = 0; i < 25; i++) {
    const d = path.join(elsewhere, `project-${i}`);
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, "work.txt"), `${i}\n`);
    aged(d, i);
    mine.push(`project-${i}`);
  }
  // 22 old undo folders of ours: 2 must go so that 20 stay with the new one.
  const ours: string[] = [];
  for (let i = 0; i < 22; i++) {
    const name = `conflicts-2025-01-${String(i + 1).padStart(2, "0")}T10-00-00-000Z-${1000 + i}`;
    fs.mkdirSync(path.join(elsewhere, name));
    fs.writeFileSync(path.join(elsewhere, name, "x.yaml"), "a: 1\n");
    aged(path.join(elsewhere, name), 30 + i);
    ours.push(name);
  }
  fs.mkdirSync(path.join(r.dir, ".git/integrity-guard"), { recursive: true });
  fs.symlinkSync(elsewhere, path.join(r.dir, ".git/integrity-guard/undo"));
  const run = r.cliBundle(["conflicts", "--resolve", "--write"]);
  expect(run.stdout).toContain("config/system.yaml: server.port 8080 -> 9090");
  expect(r.read("config/system.yaml")).toBe("server:\n  port: 9090\n");
  const left = fs.readdirSync(elsewhere);
  for (const n of mine) {
    expect(left, n).toContain(n);
    expect(fs.readFileSync(path.join(elsewhere, n, "work.txt"), "utf8")).toBe(`${mine.indexOf(n)}\n`);
  }
  // The undo folders themselves are still kept to 20: the two oldest of ours went.
  const undoNow = left.filter((n) => /^conflicts-/.test(n));
  expect(undoNow).toHaveLength(20);
  expect(undoNow).not.toContain(ours[0]);
  expect(undoNow).not.toContain(ours[1]);
});
