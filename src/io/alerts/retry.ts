/**
 * HTTP with bounded retries: at most 3 retries, only on network errors, 429 (honouring
 * Retry-After, capped) and 5xx. Anything else is final: a 4xx will not get better by asking again.
 */

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff; doubles each retry (default 500 ms). */
  baseDelayMs?: number;
  /** Cap on any wait, Retry-After included (default 30 s). */
  maxDelayMs?: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  /** How a wait between attempts is spent (default: a timer). Tests pass one that records the waits. */
  sleep?: (ms: number) => Promise<void>;
}

interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  attempts: number;
}

/** An HTTP failure that is final (after retries, or not retryable). Its message holds no URL. */
class HttpFailure extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** Seconds (or an HTTP date) from Retry-After, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

/** fetch with the retry policy above. Resolves on 2xx; throws HttpFailure otherwise. */
export async function fetchWithRetry(url: string, init: RequestInit, options: RetryOptions = {}): Promise<HttpAnswer> {
  const retries = options.retries ?? 3;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const timeout = options.timeoutMs ?? 10_000;
  const pause = options.sleep ?? sleep;
  let lastProblem = "";
  let lastStatus: number | undefined;
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    let wait = base * 2 ** (attempt - 1);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeout), redirect: "manual" });
      const text = await res.text();
      if (res.status < 300) return { status: res.status, headers: res.headers, text, attempts: attempt };
      lastStatus = res.status;
      lastProblem = `HTTP ${res.status}${shortBody(text)}`;
      // Redirects are not followed: the request carries a secret (URL path, token) that must not go to another host.
      if (res.status < 400) throw new HttpFailure(`HTTP ${res.status}: redirects are not followed; use the final URL`, res.status, attempt);
      if (res.status !== 429 && res.status < 500) throw new HttpFailure(lastProblem, res.status, attempt);
      const after = retryAfterMs(res.headers.get("retry-after"));
      if (after !== undefined) wait = after;
    } catch (error) {
      if (error instanceof HttpFailure) throw error;
      lastStatus = undefined;
      lastProblem = networkProblem(error, timeout);
    }
    if (attempt <= retries) await pause(Math.min(wait, cap));
  }
  throw new HttpFailure(`${lastProblem} (after ${retries + 1} attempts)`, lastStatus, retries + 1);
}

/** A network error in words, without the URL (undici's messages do not carry it; causes might). */
function networkProblem(error: unknown, timeout: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer within ${timeout / 1000}s`;
  const code = e.cause?.code;
  return `network error${code ? ` ${code}` : e.cause?.message ? `: ${e.cause.message}` : e.message ? `: ${e.message}` : ""}`;
}

function shortBody(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t ? `: ${t.length > 200 ? t.slice(0, 200) + "…" : t}` : "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
