import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { blobIdOfDeflated, inflateManifest, ManifestDeflater } from "../../src/io/snapshot/manifest-deflate.js";
import { buildPack } from "../../src/io/snapshot/pack.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

/** Manifest-like text in pieces of uneven sizes (several MB in all: more than one zlib window and output chunk). */
function pieces(): Buffer[] {
  const out: Buffer[] = [Buffer.from('{\n "version": 1,\n "files": {', "utf8")];
  for (let i = 0; i < 30_000; i++) {
    const sha = crypto.createHash("sha256").update(String(i)).digest("hex");
    out.push(Buffer.from(`${i ? "," : ""}\n  "d${i % 97}/é ${i}.json": {\n   "sha256": "${sha}",\n   "size": ${i}\n  }`, "utf8"));
  }
  out.push(Buffer.from("\n }\n}\n"), Buffer.alloc(0));
  return out;
}

describe("the snapshot manifest kept deflated as it is written", () => {
  let repo: TestRepo;
  let git: Git;
  beforeAll(async () => {
    repo = createRepo();
    git = await Git.open(repo.dir);
  });
  afterAll(() => repo.cleanup());

  it("gives the digest, size and blob id of the whole text, and a pack git stores it from byte for byte", async () => {
    const parts = pieces();
    const whole = Buffer.concat(parts);
    const sink = new ManifestDeflater();
    for (const p of parts) sink.write(p);
    const digest = sink.digest();
    const m = await sink.end(digest);
    expect(digest).toBe("sha256:" + crypto.createHash("sha256").update(whole).digest("hex"));
    expect(m.size).toBe(whole.length);
    expect(m.deflated.length).toBeGreaterThan(1); // in pieces, as buildPack takes them
    const oid = await blobIdOfDeflated(m);
    expect(oid).toBe(execFileSync("git", ["hash-object", "--stdin"], { cwd: repo.dir, input: whole, encoding: "utf8" }).trim());
    expect((await inflateManifest(m)).equals(whole)).toBe(true);

    await git.storePack(buildPack([{ type: "blob", data: new Uint8Array(0), size: m.size, deflated: m.deflated }]));
    const stored = await git.readBlobsBuffered([oid]);
    expect(stored.get(oid)?.equals(whole)).toBe(true);
    expect(execFileSync("git", ["fsck", "--full", "--strict", "--no-dangling"], { cwd: repo.dir, encoding: "utf8", stdio: "pipe" })).toBe(
      "",
    );
    sink.dispose();
  });

  it("an empty text is the empty blob", async () => {
    const sink = new ManifestDeflater();
    const m = await sink.end(sink.digest());
    expect(m.size).toBe(0);
    expect(await blobIdOfDeflated(m)).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  });
});
