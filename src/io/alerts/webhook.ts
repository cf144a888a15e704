/** Webhook sink: Slack `{"text"}`, a Teams Adaptive Card, or generic JSON, POSTed with retries. */
import { jsonPayload, slackPayload, teamsPayload } from "../../core/health/alerts.js";
import { redactUrl, resolveEnvOrValue } from "./redact.js";
import { fetchWithRetry } from "./retry.js";
import { runSink, SinkError, type SinkReport, type SinkRun } from "./types.js";

type WebhookFormat = "slack" | "teams" | "json";

export async function deliverWebhook(spec: { url: string; format?: WebhookFormat }, run: SinkRun): Promise<SinkReport> {
  const format = spec.format ?? "json";
  const url = resolveEnvOrValue(spec.url, run.env);
  run.redactor.add(url.value);
  const target = url.value ? redactUrl(url.value) : spec.url;
  const report: SinkReport = {
    sink: `webhook ${format} ${target}`,
    ok: false,
    dry_run: run.dryRun,
    alerts: run.alerts.map((a) => a.key),
    actions: [],
  };
  const payload =
    format === "slack"
      ? slackPayload(run.alerts, run.ctx)
      : format === "teams"
        ? teamsPayload(run.alerts, run.ctx)
        : jsonPayload(run.alerts, run.ctx);
  report.payload = payload;
  return runSink(report, run, async () => {
    if (!url.value) throw new SinkError(`${url.problem}`, `set ${url.envName} to the webhook URL`);
    if (!/^https?:$/.test(safeProtocol(url.value)))
      throw new SinkError(`the webhook URL is not http(s) (${target})`, "use an https:// webhook URL");
    if (run.dryRun) {
      report.actions.push(`would POST ${format} payload to ${target}`);
      return;
    }
    const { href, authorization } = splitCredentials(url.value);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "integrity-guard" };
    if (authorization) headers.authorization = authorization;
    const res = await fetchWithRetry(href, { method: "POST", headers, body: JSON.stringify(payload) }, run.retry);
    report.actions.push(
      `POSTed ${format} payload to ${target}: HTTP ${res.status}${res.attempts > 1 ? ` after ${res.attempts} attempts` : ""}`,
    );
  });
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}

/**
 * fetch refuses a URL that holds `user:password@` ("Request cannot be constructed from a URL
 * that includes credentials"): take them out and send them as HTTP Basic auth, which is what
 * such a URL means (RFC 3986 userinfo, percent-decoded).
 */
function splitCredentials(raw: string): { href: string; authorization?: string } {
  const u = new URL(raw);
  if (!u.username && !u.password) return { href: raw };
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const authorization = "Basic " + Buffer.from(`${decode(u.username)}:${decode(u.password)}`, "utf8").toString("base64");
  u.username = "";
  u.password = "";
  return { href: u.href, authorization };
}
