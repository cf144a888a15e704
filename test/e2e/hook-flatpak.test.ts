/**
 * Session 18: flatpak-builder reads its manifests with json-glib, which skips C comments and
 * refuses a trailing comma. Real commits through the hook `init` installs (BUILT CLI): a flathub
 * manifest with comments is committed; one with a trailing comma is blocked at it.
 */
import { afterEach, describe, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "./hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const MANIFEST = `{
  "app-id": "org.example.App",
  "runtime": "org.gnome.Platform",
  "runtime-version": "47",
  "sdk": "org.gnome.Sdk",
  "command": "app",
  /* Wayland only */
  "finish-args": ["--socket=wayland"],
  "modules": [
    // the app itself
    { "name": "app", "buildsystem": "meson", "sources": [{ "type": "dir", "path": "." }] }
  ]
}
`;

describe("Flatpak manifests at commit (built hook)", () => {
  it("comments are committed; a trailing comma is blocked at its line", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("org.example.App.json", MANIFEST.replace('"--socket=wayland"]', '"--socket=wayland",]'));
    repo.git("add", "org.example.App.json");
    expectBlocked(repo, before, commit(repo), /org\.example\.App\.json:8:\d+/);
    repo.write("org.example.App.json", MANIFEST);
    repo.git("add", "org.example.App.json");
    expectCommitted(repo, before, commit(repo));
  });
});
