/** RFC 6901 JSON pointers. */

// The checks first: most keys hold neither character, and reports build thousands of pointers.
export function escapeToken(token: string | number): string {
  const t = String(token);
  return t.includes("~") || t.includes("/") ? t.replace(/~/g, "~0").replace(/\//g, "~1") : t;
}

function unescapeToken(token: string): string {
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.map((t) => "/" + escapeToken(t)).join("");
}

/** Parse a pointer into tokens; throws on a pointer that does not start with "/" (except ""). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`invalid JSON pointer ${JSON.stringify(pointer)}: must be "" or start with "/"`);
  return pointer.slice(1).split("/").map(unescapeToken);
}

/** `/database/host` -> `database.host` for people; tokens containing dots are bracketed. */
export function pointerToDotted(pointer: string): string {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return "(root)";
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out += PLAIN_TOKEN.test(t) ? (i === 0 ? t : "." + t) : `[${JSON.stringify(t)}]`;
  }
  return out;
}

const PLAIN_TOKEN = /^[A-Za-z0-9_-]+$/;

/** Read the value at a pointer; `undefined` when absent. */
export function getAtPointer(value: unknown, pointer: string): unknown {
  let cur: unknown = value;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      cur = cur[Number(token)];
    } else if (cur !== null && typeof cur === "object" && Object.prototype.hasOwnProperty.call(cur, token)) {
      cur = (cur as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return cur;
}
