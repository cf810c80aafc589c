/**
 * A real SMTP server for tests (the `smtp-server` package) on a free local port: it checks the
 * login, parses every message it accepts with `mailparser`, and can be told to refuse the next
 * messages, as a mail server that is down would.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpTestServer {
  readonly port: number;
  /** Every message accepted, parsed, in the order received. */
  readonly received: ParsedMail[];
  /** Refuse the next `n` messages with a temporary failure (451). */
  refuseNext(n: number): void;
  /** Resolves once `count` messages have been received, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * @example const smtp = await startSmtpTestServer({ user: "ldn", password: "s3cret" });
 */
export async function startSmtpTestServer(login: {
  user: string;
  password: string;
}): Promise<SmtpTestServer> {
  const received: ParsedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust in a test.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === login.user && auth.password === login.password)
        done(null, { user: auth.username });
      else done(new Error("Invalid username or password"));
    },
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals--;
          const error = new Error("Try again later") as Error & { responseCode: number };
          error.responseCode = 451;
          done(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            done();
          },
          (error: Error) => done(error),
        );
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    received,
    refuseNext(n) {
      refusals = n;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`${received.length} of ${count} messages after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
