/**
 * bin/cache-folder.js decides whether a folder of the user's cache may hold code the process runs
 * (the Node compile cache, the shared schema cache). Ownership by another user and the private
 * group rule are checked here with a stated identity and account files, since a test cannot
 * become another user; the integration side is shared-schema-cache-17.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { privateCacheFolder, unsafeReason } from "../../bin/cache-folder.js";
import { makeTempDir } from "../helpers/repo.js";

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = makeTempDir("ig-cache-folder-");
  temps.push(d);
  return d;
}

const me = { uid: process.getuid!(), gid: process.getgid!(), user: "alice" };
/** Account files where `gid` is alice's private group, or a group she shares with bob. */
function accounts(dir: string, shared: boolean): { group: string; passwd: string } {
  const group = path.join(dir, "group");
  const passwd = path.join(dir, "passwd");
  fs.writeFileSync(group, `alice:x:${me.gid}:${shared ? "bob" : ""}\n`);
  fs.writeFileSync(passwd, `alice:x:${me.uid}:${me.gid}::/home/alice:/bin/sh\nbob:x:4242:4242::/home/bob:/bin/sh\n`);
  return { group, passwd };
}

describe("privateCacheFolder", () => {
  it("makes a missing folder readable by its user alone and returns it resolved", () => {
    const base = temp();
    fs.symlinkSync(base, path.join(base, "..", path.basename(base) + "-link"));
    temps.push(path.join(base, "..", path.basename(base) + "-link"));
    const r = privateCacheFolder(path.join(base + "-link", "a", "b"));
    expect(r.dir).toBe(path.join(fs.realpathSync(base), "a", "b"));
    expect(fs.statSync(r.dir!).mode & 0o777).toBe(0o700);
  });

  it("a level owned by another user (not root) is refused, naming that level", () => {
    const base = temp();
    fs.mkdirSync(path.join(base, "ig"), { mode: 0o700 });
    // Seen as a user who does not own the folder (the test's own uid is the 'other' one).
    const stranger = { uid: me.uid === 0 ? 4242 : me.uid + 1, gid: me.gid, user: "alice" };
    const r = privateCacheFolder(path.join(base, "ig"), { id: stranger });
    if (me.uid === 0) {
      // Root's folders are trusted by everyone: make the level another user's for real.
      expect(r.unsafe).toBeUndefined();
      fs.chownSync(path.join(base, "ig"), 4343, me.gid);
      const again = privateCacheFolder(path.join(base, "ig"), { id: stranger });
      expect(again).toEqual({ unsafe: "owned by another user (uid 4343)", at: fs.realpathSync(path.join(base, "ig")) });
    } else {
      expect(r).toEqual({ unsafe: `owned by another user (uid ${me.uid})`, at: fs.realpathSync(path.join(base, "ig")) });
    }
  });

  it("a sticky world-writable folder above is fine; the cache folder itself sticky and world-writable is not", () => {
    const base = temp();
    fs.chmodSync(base, 0o1777);
    expect(privateCacheFolder(path.join(base, "ig")).dir).toBe(path.join(fs.realpathSync(base), "ig"));
    fs.chmodSync(path.join(base, "ig"), 0o1777);
    expect(privateCacheFolder(path.join(base, "ig")).unsafe).toBe("writable by every user");
  });

  it("group write is fine for the user's private group only", () => {
    const base = temp();
    fs.mkdirSync(path.join(base, "ig"));
    fs.chownSync(path.join(base, "ig"), me.uid, me.gid);
    fs.chmodSync(path.join(base, "ig"), 0o775);
    const st = fs.lstatSync(path.join(base, "ig"));
    expect(unsafeReason(st, me, false, accounts(base, false))).toBeUndefined();
    expect(unsafeReason(st, me, false, accounts(base, true))).toBe(`writable by group ${me.gid}`);
    // Another account whose primary group it is: not private either.
    fs.writeFileSync(path.join(base, "passwd"), `alice:x:${me.uid}:${me.gid}::/:/bin/sh\ncarol:x:4343:${me.gid}::/:/bin/sh\n`);
    fs.writeFileSync(path.join(base, "group"), `alice:x:${me.gid}:\n`);
    expect(unsafeReason(st, me, false, { group: path.join(base, "group"), passwd: path.join(base, "passwd") })).toBe(
      `writable by group ${me.gid}`,
    );
    // A group named otherwise, or unknown to /etc/group.
    expect(unsafeReason(st, { ...me, user: "mallory" }, false, accounts(base, false))).toBe(`writable by group ${me.gid}`);
    expect(unsafeReason(st, me, false, { group: path.join(base, "none"), passwd: path.join(base, "none") })).toBe(
      `writable by group ${me.gid}`,
    );
  });

  it("a folder that cannot be made gives nothing (the caller runs without the cache)", () => {
    const base = temp();
    fs.writeFileSync(path.join(base, "file"), "x");
    expect(privateCacheFolder(path.join(base, "file", "ig"))).toEqual({});
  });
});
