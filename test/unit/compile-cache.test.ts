import path from "node:path";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { compileCacheDir, enableCompileCache } from "../../src/compile-cache.js";

describe("compileCacheDir: a per-user folder, never the shared temporary one", () => {
  it("uses an absolute XDG_CACHE_HOME", () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: "/home/u/.xdg" }, "linux")).toBe("/home/u/.xdg/integrity-guard/node-compile-cache");
  });

  it("ignores a relative XDG_CACHE_HOME (the XDG rule) and falls back to ~/.cache", () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: "cache" }, "linux")).toBe(
      path.join(os.homedir(), ".cache", "integrity-guard", "node-compile-cache"),
    );
    expect(compileCacheDir({}, "linux")).toBe(path.join(os.homedir(), ".cache", "integrity-guard", "node-compile-cache"));
  });

  it("uses LOCALAPPDATA on Windows", () => {
    expect(compileCacheDir({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32")).toBe(
      path.join("C:\\Users\\u\\AppData\\Local", "integrity-guard", "node-compile-cache"),
    );
  });
});

describe("enableCompileCache", () => {
  it("never throws, whatever the environment", () => {
    expect(() => enableCompileCache({ XDG_CACHE_HOME: "/dev/null/not-a-folder" })).not.toThrow();
    expect(() => enableCompileCache({ NODE_COMPILE_CACHE: "/dev/null/x" })).not.toThrow();
  });
});
