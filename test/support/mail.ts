import type { AddressInfo } from 'node:net';
import jsQRModule from 'jsqr';
import { simpleParser, type ParsedMail } from 'mailparser';
import { PNG } from 'pngjs';
import { SMTPServer } from 'smtp-server';
import { extractImages } from 'unpdf';

// jsqr is CommonJS with an `exports.default`: Node hands an ES import the whole module.exports.
const jsQR = jsQRModule.default;

export interface Inbox {
  url: string;
  messages: { to: string[]; raw: Buffer }[];
  /** Messages the server received and then refused (see `refuse`). */
  refused: { to: string[]; raw: Buffer; code: number }[];
  /** Waits for the `count`-th message and parses it. */
  next(count?: number, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a loopback port that keeps what it receives. `refuse` may answer an SMTP reply code for a
 * message once its data has arrived (451: try again later; 550: never), as a mail server that is down or bounces does.
 */
export async function startSmtpInbox(options: { refuse?: (to: string[]) => number | undefined } = {}): Promise<Inbox> {
  const messages: Inbox['messages'] = [];
  const refused: Inbox['refused'] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = { to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks) };
        const code = options.refuse?.(message.to);
        if (code === undefined) {
          messages.push(message);
          return callback();
        }
        refused.push({ ...message, code });
        callback(Object.assign(new Error(code >= 500 ? 'No such mailbox here' : 'Try again later'), { responseCode: code }));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    messages,
    refused,
    async next(count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`no message ${count} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return simpleParser(messages[count - 1]!.raw);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Reads the QR codes among a PDF's first-page images, as a phone or a register camera would. */
export async function qrCodesIn(pdf: Buffer): Promise<string[]> {
  const images = await extractImages(new Uint8Array(pdf), 1);
  const found: string[] = [];
  for (const image of images) {
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let pixel = 0; pixel < image.width * image.height; pixel++) {
      for (let channel = 0; channel < 3; channel++) rgba[pixel * 4 + channel] = image.data[pixel * image.channels + (image.channels === 1 ? 0 : channel)]!;
      rgba[pixel * 4 + 3] = 255;
    }
    const code = jsQR(rgba, image.width, image.height);
    if (code) found.push(code.data);
  }
  return found;
}

/** Reads the QR code of a PNG image (an email's inline picture), or null when there is none. */
export function qrCodeIn(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
