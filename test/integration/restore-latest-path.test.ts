/**
 * Issue 15: `restore latest PATH` (the README's example) takes the newest snapshot that holds
 * the path, whatever its set; `restore SET PATH` the newest of that set, and when it does not
 * hold the path the error names the sets and snapshots that do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
let repo: TestRepo;
let hourly: string;
let daily: string;
const env = () => ({ IG_TEST_SIGNING_KEY: key.privateKey });

beforeAll(async () => {
  key = makeSshKey();
  repo = createRepo();
  repo.write(
    ".integrity-guard/config.yml",
    snapshotConfig({ sets: '    hourly: { paths: ["fsm_state.json", "agent_workspaces/"] }\n    daily: { paths: ["logs/"] }' }),
  );
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write("fsm_state.json", '{"state":"running"}\n');
  repo.write("agent_workspaces/a.json", "{}\n");
  repo.write("logs/run.json", '{"ok":true}\n');
  repo.commitAll();
  const take = async (set: string) => {
    const r = await repo.cli(["snapshot", "--set", set, "--format", "json"], env());
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).snapshot.id as string;
  };
  hourly = await take("hourly");
  daily = await take("daily"); // the newest snapshot, of another set
});
afterAll(() => {
  repo.cleanup();
  key.cleanup();
});

describe("restore finds the snapshot that holds the path", () => {
  it("restore latest fsm_state.json uses the newest snapshot holding it, here in another set than the newest", async () => {
    repo.write("fsm_state.json", '{"state":');
    const r = await repo.cli(["restore", "latest", "fsm_state.json", "--format", "json"], env());
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).restore.snapshot).toBe(hourly);
    expect(repo.read("fsm_state.json")).toBe('{"state":"running"}\n');
  });

  it("latest with paths from two sets needs one snapshot holding both, and says where each is", async () => {
    const r = await repo.cli(["restore", "latest", "fsm_state.json", "logs/run.json"], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no snapshot holds every one of "fsm_state.json", "logs/run.json"');
    expect(r.stderr).toContain(`set hourly (1 snapshot(s), newest ${hourly.slice(0, 12)}`);
    expect(r.stderr).toContain(`"logs/run.json" is in set daily (1 snapshot(s), newest ${daily.slice(0, 12)}`);
    expect(r.stderr).toContain("integrity-guard restore hourly -- fsm_state.json; integrity-guard restore daily -- logs/run.json");
  });

  it("restore SET PATH names the set that holds the path when that set's newest does not", async () => {
    const r = await repo.cli(["restore", "daily", "fsm_state.json"], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the newest snapshot of set daily (${daily.slice(0, 12)}) does not hold "fsm_state.json"`);
    expect(r.stderr).toContain(`set hourly (1 snapshot(s), newest ${hourly.slice(0, 12)}`);
    expect(r.stderr).toContain("integrity-guard restore hourly -- fsm_state.json");
    const folder = await repo.cli(["restore", "hourly", "agent_workspaces/", "--dry-run", "--format", "json"], env());
    expect(folder.code, folder.stderr).toBe(0);
    expect(JSON.parse(folder.stdout).restore.snapshot).toBe(hourly);
  });

  it("a path in no snapshot is said to be in none", async () => {
    const r = await repo.cli(["restore", "latest", "nowhere.json"], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"nowhere.json" is in no snapshot');
  });
});
