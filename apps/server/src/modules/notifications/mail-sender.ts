import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/env.js';

/** One plain-text e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. Implementations: {@link LogMailSender} (default) and {@link SmtpMailSender}. */
export interface MailSender {
  /** Which implementation this is (shown in logs and the CLI). */
  readonly kind: string;
  /** Sends one message; rejects when it could not be handed over. */
  send(message: MailMessage): Promise<void>;
  /** Releases connections, if any. */
  close?(): Promise<void>;
}

/** The part of a pino / Fastify logger the log sender writes to. */
export interface MailLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}

/** Writes one JSON line per message to stdout (when no logger is given). */
const stdoutLogger: MailLogger = {
  info(obj, msg) {
    process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg, ...obj })}\n`);
  },
};

/**
 * The default sender: does not send anything, but writes each message as a structured log line
 * (`{ msg: "mail (log sender)", mail: { from, to, subject, text } }`) so a deployment without SMTP still shows
 * what would have gone out.
 */
export class LogMailSender implements MailSender {
  readonly kind = 'log';
  constructor(
    private readonly from: string,
    private readonly log: MailLogger = stdoutLogger,
  ) {}

  async send(message: MailMessage): Promise<void> {
    this.log.info({ mail: { from: this.from, to: message.to, subject: message.subject, text: message.text } }, 'mail (log sender)');
  }
}

/** Sends through an SMTP server given as a URL (smtp://user:password@host:587 or smtps://…:465), with nodemailer. */
export class SmtpMailSender implements MailSender {
  readonly kind = 'smtp';
  private readonly transport: Transporter;
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** The sender the configuration selects (MAIL_SENDER=log|smtp). */
export function createMailSender(config: Pick<Config, 'mail' | 'mailFrom'>, log?: MailLogger): MailSender {
  return config.mail.sender === 'smtp' ? new SmtpMailSender(config.mail.smtpUrl, config.mailFrom) : new LogMailSender(config.mailFrom, log);
}
