/**
 * Pointer -> source span, for well-formed JSON/JSONC text. Lazy: positions are only needed
 * when something is reported, so nothing is indexed at parse time. Each container walked is
 * indexed once (its members' name and value spans) and cached, so many lookups into one big
 * array cost one scan of it, and memory stays proportional to the containers actually visited.
 */
import { parsePointer } from "../pointer.js";

interface Span {
  /** Member name [ks, ke) (objects only; -1 for array elements and the root). */
  ks: number;
  ke: number;
  /** Value [vs, ve). */
  vs: number;
  ve: number;
}

type Children = { kind: "object"; members: Map<string, Span> } | { kind: "array"; elements: Span[] };

interface Located {
  /** The span found: the value at the pointer, or the closest existing ancestor's. */
  span: Span;
  /** True when the whole pointer resolved. */
  exact: boolean;
}

export class JsonLocator {
  private readonly cache = new Map<number, Children | null>();
  private root: Span | undefined;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly jsonc: boolean,
  ) {}

  locate(pointer: string): Located | undefined {
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      return undefined;
    }
    if (!this.root) {
      const vs = this.ws(this.start);
      this.root = { ks: -1, ke: -1, vs, ve: this.skipValue(vs) };
    }
    let span = this.root;
    for (const token of tokens) {
      const kids = this.children(span.vs);
      let next: Span | undefined;
      if (kids?.kind === "object") next = kids.members.get(token);
      else if (kids?.kind === "array" && /^(0|[1-9][0-9]*)$/.test(token)) next = kids.elements[Number(token)];
      if (!next) return { span, exact: false };
      span = next;
    }
    return { span, exact: true };
  }

  private children(vs: number): Children | null {
    const cached = this.cache.get(vs);
    if (cached !== undefined) return cached;
    const text = this.text;
    const open = text.charCodeAt(vs);
    let result: Children | null = null;
    if (open === 123) {
      // Duplicates keep the last one, as JSON.parse does for the value.
      const members = new Map<string, Span>();
      let i = this.ws(vs + 1);
      while (text.charCodeAt(i) === 34) {
        const ks = i;
        const ke = this.skipString(i);
        const raw = text.slice(ks, ke);
        const name = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        i = this.ws(this.ws(ke) + 1); // past ":"
        const ve = this.skipValue(i);
        members.set(name, { ks, ke, vs: i, ve });
        i = this.ws(ve);
        if (text.charCodeAt(i) !== 44) break;
        i = this.ws(i + 1);
      }
      result = { kind: "object", members };
    } else if (open === 91) {
      const elements: Span[] = [];
      let i = this.ws(vs + 1);
      while (i < text.length && text.charCodeAt(i) !== 93) {
        const ve = this.skipValue(i);
        elements.push({ ks: -1, ke: -1, vs: i, ve });
        i = this.ws(ve);
        if (text.charCodeAt(i) !== 44) break;
        i = this.ws(i + 1);
      }
      result = { kind: "array", elements };
    }
    this.cache.set(vs, result);
    return result;
  }

  /** End offset of the (well-formed) value at i, without recursion. */
  private skipValue(i: number): number {
    const text = this.text;
    const len = text.length;
    let depth = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i = this.skipString(i);
        if (depth === 0) return i;
      } else if (c === 123 || c === 91) {
        depth++;
        i++;
      } else if (c === 125 || c === 93) {
        depth--;
        i++;
        if (depth <= 0) return i;
      } else if (c === 47 && this.jsonc) {
        i = this.ws(i);
      } else if (depth === 0) {
        // A number or literal: runs to the next delimiter.
        while (i < len) {
          const d = text.charCodeAt(i);
          if (d === 44 || d === 93 || d === 125 || d === 32 || d === 10 || d === 13 || d === 9 || d === 47) break;
          i++;
        }
        return i;
      } else {
        i++;
      }
    }
    return len;
  }

  private skipString(i: number): number {
    const text = this.text;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) return i + 1;
    }
    return text.length;
  }

  private ws(i: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else if (c === 47 && this.jsonc && text.charCodeAt(i + 1) === 47) {
        const nl = text.indexOf("\n", i);
        i = nl < 0 ? text.length : nl;
      } else if (c === 47 && this.jsonc && text.charCodeAt(i + 1) === 42) {
        const end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length : end + 2;
      } else return i;
    }
  }
}
