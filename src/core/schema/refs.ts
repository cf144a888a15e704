/**
 * `$ref`s that point at other schema documents. Pure: finds them and says which local file
 * each names, so the loader can read sibling schemas before ajv compiles (integrity-guard
 * never fetches schemas over the network).
 */
import { escapeToken } from "../pointer.js";
import { isUrl, resolveRelative } from "./mapping.js";

/** The URI a schema file is known by when it has no `$id` of its own. */
export function fileUri(repoPath: string): string {
  return "file:///" + repoPath.split("/").map(encodeURIComponent).join("/");
}

interface ExternalRef {
  /** The `$ref` as written. */
  ref: string;
  /** Absolute URI (no fragment) ajv will look the document up by. */
  uri: string;
  /** Repo-relative path of the local file it names; undefined for remote URLs. */
  path?: string;
  /** True when the relative path climbs above the repository root. */
  escapes?: boolean;
  /** JSON pointer of the (first) `$ref` keyword naming it, for messages. */
  pointer: string;
}

/**
 * External refs of `schema` (a file at `repoPath`, known as `baseUri`). Fragment-only refs
 * (`#/definitions/x`) are internal and skipped. Nested `$id`s are not followed: such schemas
 * are rare, and ajv reports what it cannot resolve.
 */
export function externalRefs(schema: unknown, repoPath: string, baseUri: string): ExternalRef[] {
  const out = new Map<string, ExternalRef>();
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}/${i}`));
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      const pointer = `${at}/${escapeToken(k)}`;
      if ((k === "$ref" || k === "$dynamicRef" || k === "$recursiveRef") && typeof v === "string") {
        const doc = v.split("#")[0]!;
        if (doc === "") continue;
        let uri: string;
        try {
          uri = new URL(doc, baseUri).href;
        } catch {
          continue; // ajv reports the malformed ref itself
        }
        if (out.has(uri)) continue;
        if (isUrl(doc)) {
          out.set(uri, { ref: v, uri, pointer, ...(uri.startsWith("file:///") ? { path: decodeURIComponent(uri.slice(8)) } : {}) });
        } else {
          const path = resolveRelative(repoPath, doc);
          out.set(uri, path === undefined ? { ref: v, uri, pointer, escapes: true } : { ref: v, uri, pointer, path });
        }
      } else if (k !== "const" && k !== "enum" && k !== "examples" && k !== "default") {
        visit(v, pointer);
      }
    }
  };
  visit(schema, "");
  return [...out.values()];
}
