/**
 * Secrets (webhook URLs, SMTP credentials, tokens) come from environment variables and must
 * never reach output, errors or logs. Every secret a sink resolves is registered here, and every
 * string that leaves a sink goes through `apply`.
 */

/** scheme://host[:port] of a URL, the only part of a secret URL we show. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "[unparseable URL]";
  }
}

/**
 * The forms a secret may be echoed in besides itself: percent-encoded (upper- and lower-case
 * hex, as a URL or a form body carries it) and base64 (standard and URL-safe, as in a Basic auth
 * header or a JSON blob). Base64 of a secret inside a longer encoded string depends on where it
 * starts modulo 3 bytes, so all three alignments are given, each trimmed to the characters that
 * depend on the secret alone. Forms shorter than 8 characters are left out (they would mask
 * ordinary text).
 */
export function encodedForms(secret: string): string[] {
  const out = new Set<string>();
  const pct = encodeURIComponent(secret);
  if (pct !== secret) {
    out.add(pct);
    out.add(pct.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    out.add(pct.replace(/%20/g, "+"));
  }
  const bytes = Buffer.from(secret, "utf8");
  // Encoded alone (a header, a whole field): every character, with and without padding.
  for (const whole of [bytes.toString("base64"), bytes.toString("base64url")]) {
    out.add(whole);
    out.add(whole.replace(/=+$/, ""));
  }
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes])
      .toString("base64")
      .replace(/=+$/, "");
    const piece = b64.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    if (piece.length < 8) continue;
    out.add(piece);
    out.add(piece.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  out.delete(secret);
  return [...out].filter((f) => f.length >= 8);
}

export class Redactor {
  private readonly secrets = new Set<string>();

  /**
   * Register a secret; for a URL also its credentials (and the `user:password` a Basic auth
   * header carries), path and query (Slack's secret is the path). Each also in its
   * percent-encoded and base64 forms.
   */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    const parts = [secret];
    try {
      const u = new URL(secret);
      const user = safeDecode(u.username);
      const password = safeDecode(u.password);
      if (u.password) parts.push(`${user}:${password}`);
      for (const part of [u.username, user, u.password, password, u.pathname + u.search, u.search.slice(1)]) {
        if (part && part.length >= 4 && part !== "/") parts.push(part);
      }
    } catch {
      /* not a URL: the whole string is the secret */
    }
    for (const p of parts) {
      this.secrets.add(p);
      for (const form of encodedForms(p)) this.secrets.add(form);
    }
  }

  /** Replace every registered secret (longest first, so a URL goes before its parts). */
  apply(text: string): string {
    let out = text;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(s.includes("://") ? redactUrl(s) + "/[redacted]" : "[redacted]");
    }
    return out;
  }
}

/** A config value that is either literal or `env:NAME`. */
interface ResolvedValue {
  value?: string;
  /** The variable name when the value came from env:NAME. */
  envName?: string;
  /** Why there is no value (variable unset or empty). */
  problem?: string;
}

/** Resolve `env:NAME` (or a literal) against an environment. Never throws. */
export function resolveEnvOrValue(spec: string, env: NodeJS.ProcessEnv): ResolvedValue {
  const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(spec);
  if (!m) return { value: spec };
  const value = env[m[1]!];
  return value ? { value, envName: m[1]! } : { envName: m[1]!, problem: `environment variable ${m[1]} is not set` };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
