/**
 * A webhook receiver on 127.0.0.1 for alert tests: records every request (method, path, headers,
 * parsed JSON body) and answers from a script of responses (then 200 by default), e.g.
 * `[{ status: 429, headers: { "retry-after": "1" } }]` for "rate limited, then fine".
 *
 *   const hook = await startWebhookServer();
 *   try { ...; expect(hook.requests[0].body).toEqual({ text: ... }); } finally { await hook.close(); }
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface WebhookRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: unknown;
  /** ms since the server started (to check Retry-After was honoured). */
  at: number;
  status: number;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface WebhookServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (append any path: the secret part of a webhook URL). */
  url: string;
  requests: WebhookRequest[];
  /** Queue responses for the next requests (after the queue: 200 "ok"). */
  respond(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

export async function startWebhookServer(): Promise<WebhookServer> {
  const requests: WebhookRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const started = Date.now();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const r = queue.shift() ?? { status: 200, body: "ok" };
      requests.push({
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        raw,
        body,
        at: Date.now() - started,
        status: r.status,
      });
      res.writeHead(r.status, { "content-type": "text/plain", ...(r.headers ?? {}) });
      res.end(r.body ?? (r.status < 400 ? "ok" : "error"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    respond: (...r) => void queue.push(...r),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 127.0.0.1 URL nothing listens on (a port we bound and released): "the sink is down". */
export async function deadUrl(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", () => resolve()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
