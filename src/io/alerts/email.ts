/**
 * E-mail sink over SMTP (nodemailer). Timeouts are seconds, not nodemailer's minutes: an alert
 * must not hang a scheduled job. Retries (at most 3) only on connection problems and SMTP 4xx
 * (transient) answers; a 5xx is permanent.
 */
import nodemailer from "nodemailer";
import { emailMessage } from "../../core/health/alerts.js";
import { redactUrl, resolveEnvOrValue } from "./redact.js";
import { runSink, SinkError, type SinkReport, type SinkRun } from "./types.js";

interface EmailSpec {
  to: string | string[];
  from?: string;
  smtp: string;
}

const TRANSIENT_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "EDNS", "EGREETING"]);

export async function deliverEmail(spec: EmailSpec, run: SinkRun): Promise<SinkReport> {
  const smtp = resolveEnvOrValue(spec.smtp, run.env);
  run.redactor.add(smtp.value);
  const target = smtp.value ? redactUrl(smtp.value) : spec.smtp;
  const to = Array.isArray(spec.to) ? spec.to : [spec.to];
  const from = spec.from ?? "integrity-guard <integrity-guard@localhost>";
  const msg = emailMessage(run.alerts, run.ctx);
  const report: SinkReport = {
    sink: `email ${target}`,
    ok: false,
    dry_run: run.dryRun,
    alerts: run.alerts.map((a) => a.key),
    actions: [],
    payload: { from, to, ...msg },
  };
  return runSink(report, run, async () => {
    if (!smtp.value) throw new SinkError(`${smtp.problem}`, `set ${smtp.envName} to an smtp://user:password@host:port URL`);
    let u: URL;
    try {
      u = new URL(smtp.value);
    } catch {
      throw new SinkError("the SMTP setting is not a URL", "use smtp://user:password@host:port (or smtps:// for TLS on connect)");
    }
    if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
      throw new SinkError(`the SMTP URL scheme is ${u.protocol}, not smtp: or smtps:`, "use smtp://… or smtps://…");
    if (run.dryRun) {
      report.actions.push(`would send "${msg.subject}" to ${to.join(", ")} via ${target}`);
      return;
    }
    const transport = nodemailer.createTransport({
      host: u.hostname,
      port: u.port ? Number(u.port) : u.protocol === "smtps:" ? 465 : 587,
      secure: u.protocol === "smtps:",
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
      // Never let nodemailer log: its debug output would carry the credentials.
      logger: false,
      debug: false,
    });
    const retries = run.retry?.retries ?? 3;
    const base = run.retry?.baseDelayMs ?? 500;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const info = await transport.sendMail({ from, to, subject: msg.subject, text: msg.text });
          report.actions.push(
            `sent "${msg.subject}" to ${to.join(", ")} via ${target} (${String(info.response ?? "accepted").slice(0, 60)})${attempt > 1 ? ` after ${attempt} attempts` : ""}`,
          );
          return;
        } catch (error) {
          const e = error as { code?: string; responseCode?: number; message?: string };
          const transient =
            (e.code !== undefined && TRANSIENT_CODES.has(e.code)) ||
            (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500);
          if (!transient || attempt > retries) {
            throw new SinkError(
              `${e.responseCode ? `SMTP ${e.responseCode}` : (e.code ?? "error")}: ${e.message ?? String(error)}${attempt > 1 ? ` (after ${attempt} attempts)` : ""}`,
              e.code === "EAUTH"
                ? "check the SMTP user and password"
                : "check that the SMTP server is reachable and accepts the sender and recipients",
            );
          }
          await new Promise((r) => setTimeout(r, Math.min(base * 2 ** (attempt - 1), 30_000)));
        }
      }
    } finally {
      transport.close();
    }
  });
}
