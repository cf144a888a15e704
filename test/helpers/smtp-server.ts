/**
 * An SMTP server on 127.0.0.1 (the smtp-server package) for alert tests: plain SMTP with AUTH
 * PLAIN/LOGIN allowed without TLS (loopback only), recording each message with its envelope.
 *
 *   const smtp = await startSmtpServer({ user: "u", pass: "p" });
 *   try { ...; expect(smtp.messages[0].raw).toContain("Subject: ..."); } finally { await smtp.close(); }
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as received (headers and body). */
  raw: string;
  user?: string;
}

export interface SmtpTestServer {
  /** smtp://user:pass@127.0.0.1:port (with the credentials given). */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Answer the next N transactions with a temporary failure (421/451: nodemailer sees a 4xx). */
  failNext(times: number): void;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { user?: string; pass?: string } = {}): Promise<SmtpTestServer> {
  const messages: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: options.user === undefined,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === options.user && auth.password === options.pass) cb(null, { user: auth.username });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = new Error("Try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          cb(err);
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: typeof session.user === "string" ? session.user : undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const cred = options.user !== undefined ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.pass ?? "")}@` : "";
  return {
    url: `smtp://${cred}127.0.0.1:${port}`,
    port,
    messages,
    failNext: (n) => void (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
