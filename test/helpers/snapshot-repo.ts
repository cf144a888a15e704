/**
 * Where most snapshot and restore tests start: a repository whose snapshot sets are signed with
 * an SSH key (its allowed_signers line committed beside the config), its first commit pushed to a
 * fresh local bare repository named origin, as the snapshot and restore workflows find it.
 */
import { expect } from "vitest";
import { createRepo, type TestRepo } from "./repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "./keys.js";

export interface PushedSnapshotRepo {
  repo: TestRepo;
  /** The bare repository `origin` points to; main is pushed there. */
  origin: TestRepo;
  key: SshKey;
  /** What lets the CLI and the Action sign with `key`. */
  env: { IG_TEST_SIGNING_KEY: string };
  /** Removes the repository, its origin, and the key unless the caller passed it in. */
  cleanup(): void;
}

export interface PushedSnapshotOptions {
  /** Committed with the config, path to content. */
  files: Record<string, string>;
  /** The `snapshots.sets` lines (default: `hourly` over data/, keep 5). */
  sets?: string;
  /** More config lines, as snapshotConfig takes them. */
  extra?: string;
  /** A key shared by several repositories; made (and removed on cleanup) when absent. */
  key?: SshKey;
}

export function pushedSnapshotRepo(options: PushedSnapshotOptions): PushedSnapshotRepo {
  const origin = createRepo({ bare: true });
  const repo = createRepo();
  const key = options.key ?? makeSshKey();
  const sets = options.sets ?? "    hourly: { paths: [data/], keep: 5 }";
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sets, ...(options.extra !== undefined ? { extra: options.extra } : {}) }));
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  for (const [file, content] of Object.entries(options.files)) repo.write(file, content);
  repo.commitAll("base");
  repo.git("remote", "add", "origin", origin.dir);
  repo.git("push", "-q", "origin", "main");
  return {
    repo,
    origin,
    key,
    env: { IG_TEST_SIGNING_KEY: key.privateKey },
    cleanup: () => {
      repo.cleanup();
      origin.cleanup();
      if (!options.key) key.cleanup();
    },
  };
}

/** Takes a snapshot with the CLI (`args` after `snapshot`), asserts it succeeded, returns its id. */
export async function takeSnapshot(s: PushedSnapshotRepo, args: string[] = ["--set", "hourly"]): Promise<string> {
  const run = await s.repo.cli(["snapshot", ...args, "--format", "json"], s.env);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { snapshot: { id: string } }).snapshot.id;
}
