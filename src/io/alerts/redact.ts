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

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Register a secret; for a URL also its credentials, path and query (Slack's secret is the path). */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    this.secrets.add(secret);
    try {
      const u = new URL(secret);
      for (const part of [u.username, u.password, decodeURIComponent(u.password), u.pathname + u.search, u.search.slice(1)]) {
        if (part && part.length >= 4 && part !== "/") this.secrets.add(part);
      }
    } catch {
      /* not a URL: the whole string is the secret */
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
export interface ResolvedValue {
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
