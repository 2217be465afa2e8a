import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailerConfig {
  /** smtp://user:password@host:587 or smtps://…:465; nodemailer options may ride along as query parameters (?pool=false). */
  smtpUrl?: string;
  /** The sender customers see: `Maison Dupont <orders@maison-dupont.fr>`. */
  from: string;
  /** Without smtpUrl, each message is written here as an .eml file instead of being sent. */
  outboxDir?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With a `cid`, an image the HTML body shows (`<img src="cid:…">`). */
  attachments?: { filename: string; content: Buffer; contentType: string; cid?: string }[];
  /** A stable key for the message: sent again (a retry), it keeps the same Message-ID, so mail programs show it once. */
  key?: string;
}

export interface Mailer {
  /** Sends one message and answers its Message-ID. Rejects when the SMTP server refuses it; the caller retries. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export function createMailer(config: MailerConfig): Mailer {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'localhost';
  const message = ({ key, ...mail }: OutgoingMail) => ({ from: config.from, ...mail, ...(key ? { messageId: `<${key}@${domain}>` } : {}) });
  if (config.smtpUrl) {
    // Pooled unless the URL says otherwise: a new SMTP connection per email cost ~110 ms against a local server, an
    // eighth of the rate (BENCHMARKS.md, order confirmations).
    const url = new URL(config.smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    const transport = nodemailer.createTransport(url.toString());
    return {
      async send(mail) {
        const info = await transport.sendMail(message(mail));
        return info.messageId;
      },
      close: () => transport.close(),
    };
  }
  const outboxDir = config.outboxDir;
  if (!outboxDir) throw new Error('Mail needs SMTP_URL, or an outbox folder to write messages into during development.');
  // The stream transport builds the exact message SMTP would carry; an .eml file of it opens in any mail program.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${info.messageId.replace(/[^A-Za-z0-9@.-]/g, '')}.eml`;
      await mkdir(outboxDir, { recursive: true });
      await writeFile(path.join(outboxDir, name), info.message as Buffer);
      return info.messageId;
    },
    close: () => transport.close(),
  };
}

/** One paragraph of a customer email: plain text, in bold, a link, or an attached image by its cid (with its alt text). */
export type Paragraph = string | { strong: string } | { link: string } | { image: string; alt: string };

/** The text and HTML bodies of a customer email in `language` (the HTML says which, for screen readers), from its paragraphs. */
export function bodies(language: string, paragraphs: Paragraph[]): { text: string; html: string } {
  const plain = (paragraph: Paragraph) =>
    typeof paragraph === 'string' ? [paragraph] : 'strong' in paragraph ? [paragraph.strong] : 'link' in paragraph ? [paragraph.link] : [];
  const text = `${paragraphs.flatMap(plain).join('\n\n')}\n`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(language)}"><body style="font-family: Arial, sans-serif; color: #1f2328; line-height: 1.5">`,
    ...paragraphs.map((paragraph) => {
      if (typeof paragraph === 'string') return `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`;
      if ('strong' in paragraph) return `<p><strong>${escapeHtml(paragraph.strong)}</strong></p>`;
      if ('link' in paragraph) return `<p><a href="${escapeHtml(paragraph.link)}">${escapeHtml(paragraph.link)}</a></p>`;
      return `<p><img src="cid:${escapeHtml(paragraph.image)}" alt="${escapeHtml(paragraph.alt)}" width="200" height="200"></p>`;
    }),
    '</body></html>',
  ].join('\n');
  return { text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
