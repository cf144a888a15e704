/**
 * Files a Home Assistant configuration includes. The YAML dialect of a file is decided from its
 * own path and text (core/parse/yaml-dialects.ts), but a file that `configuration.yaml` names with
 * `!include` may hold nothing that says Home Assistant: `recorder: !include old/recorder.yaml`
 * whose file is only `  db_url: !secret db_url`. Home Assistant loads it with its own loader all
 * the same (homeassistant/util/yaml/loader.py: `!include` and `!include_dir_*` resolve against the
 * folder of the file that holds the tag, and the included file knows `!secret`, `!include`,
 * `!env_var`, `!input` again). So a file whose only unknown tags are Home Assistant's is read as
 * Home Assistant's when a `configuration.yaml` in one of its folders includes it, directly or
 * through files it includes. Asked only for such a file; each configuration and included file is
 * read at most once per run.
 */
import path from "node:path";
import type { FileSource } from "../io/file-source.js";
import type { Finding } from "../core/finding.js";
import { YAML_DIALECTS } from "../core/parse/yaml-dialects.js";

const HOME_ASSISTANT_TAGS = new Set(YAML_DIALECTS.find((d) => d.id === "home-assistant")!.tags);

/** Included files followed from one configuration.yaml, at most (a configuration is dozens). */
const MAX_FOLLOWED = 500;

/** `!include x.yaml` and `!include_dir_*` targets, as written (quotes removed). */
const INCLUDE = /!(include(?:_dir_list|_dir_named|_dir_merge_list|_dir_merge_named)?)[ \t]+("[^"\n]+"|'[^'\n]+'|[^\s#,\]}]+)/g;

interface Include {
  /** The repository path of the file or folder named. */
  target: string;
  /** True for `!include_dir_*`: every .yaml file below the folder. */
  folder: boolean;
}

/** The includes of `text` (the file at `from`), resolved against its folder as Home Assistant does. */
function includesOf(from: string, text: string): Include[] {
  const out: Include[] = [];
  const dir = path.posix.dirname(from);
  for (const m of text.matchAll(INCLUDE)) {
    const raw = m[2]!.replace(/^["']|["']$/g, "");
    if (raw.startsWith("/")) continue; // an absolute path on the Home Assistant host: not a repository file
    const target = path.posix.normalize(dir === "." ? raw : `${dir}/${raw}`).replace(/\/+$/, "");
    if (target.startsWith("../") || target === "..") continue;
    out.push({ target, folder: m[1] !== "include" });
  }
  return out;
}

/** True when the only unknown-tag findings of a YAML file are of Home Assistant's tags (and there is one). */
export function onlyHomeAssistantTagsUnknown(findings: readonly Finding[]): boolean {
  const unknown = findings.filter((f) => f.rule === "parse/unknown-tag");
  return unknown.length > 0 && unknown.every((f) => f.found !== undefined && HOME_ASSISTANT_TAGS.has(f.found));
}

/** The `configuration.yaml` files that could include `file`: one in each of its folders, nearest first. */
function configurationCandidates(file: string): string[] {
  const out: string[] = [];
  let dir = path.posix.dirname(file);
  for (;;) {
    const candidate = dir === "." ? "configuration.yaml" : `${dir}/configuration.yaml`;
    if (candidate !== file) out.push(candidate);
    if (dir === ".") return out;
    dir = path.posix.dirname(dir);
  }
}

/**
 * The lookup of a run: whether a Home Assistant `configuration.yaml` above `file` includes it,
 * directly or through the files it includes (followed breadth first, each read once).
 */
export function homeAssistantIncludeLookup(source: FileSource): (file: string) => Promise<boolean> {
  const texts = new Map<string, Promise<string | undefined>>();
  const read = (p: string): Promise<string | undefined> => {
    let t = texts.get(p);
    if (!t) {
      t = source.read([p]).then((m) => {
        const b = m.get(p);
        return Buffer.isBuffer(b) ? b.toString("utf8") : undefined;
      });
      texts.set(p, t);
    }
    return t;
  };
  const reached = new Map<string, Promise<Include[]>>();
  // Every include reachable from one configuration.yaml (empty when there is none).
  const reachable = (config: string): Promise<Include[]> => {
    let r = reached.get(config);
    if (!r) {
      r = (async () => {
        const seen = new Set([config]);
        const all: Include[] = [];
        let frontier = [config];
        while (frontier.length > 0 && seen.size <= MAX_FOLLOWED) {
          const next: string[] = [];
          for (const f of frontier) {
            const text = await read(f);
            if (text === undefined) continue;
            for (const inc of includesOf(f, text)) {
              all.push(inc);
              if (!inc.folder && !seen.has(inc.target) && seen.size <= MAX_FOLLOWED) {
                seen.add(inc.target);
                next.push(inc.target);
              }
            }
          }
          frontier = next;
        }
        return all;
      })();
      reached.set(config, r);
    }
    return r;
  };
  return async (file) => {
    for (const config of configurationCandidates(file)) {
      const includes = await reachable(config);
      // `!include_dir_*` loads the folder's `*.yaml` files (not `.yml`), at any depth.
      if (includes.some((i) => (i.folder ? file.startsWith(`${i.target}/`) && file.endsWith(".yaml") : i.target === file))) return true;
    }
    return false;
  };
}
