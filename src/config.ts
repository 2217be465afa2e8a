import path from 'node:path';
import { z } from 'zod';
import type { Retailer } from './modules/documents/retailer.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Everything Aisle reads from the environment, validated once at start. */
/**
 * A load balancer in front of the servers sits on a private network: its X-Forwarded-For is believed (the client's
 * address, which sign-in throttling counts), anyone else's is not, or a client could pick its own address.
 */
export const PRIVATE_NETWORKS = 'loopback,linklocal,uniquelocal';

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  TRUST_PROXY: z.string().default(PRIVATE_NETWORKS),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(90).default(10),
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  AISLE_DATA_DIR: z.string().default('./data'),
  AISLE_ADMIN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  AISLE_DEMO: z.enum(['auto', 'off']).default('auto'),
  AISLE_ORDER_EMAILS: z.enum(['on', 'off']).default('on'),
  AISLE_HOLD_SWEEPER: z.enum(['on', 'off']).default('on'),
  AISLE_SHIPMENT_MERGES: z.enum(['on', 'off']).default('on'),
  AISLE_ROUTING_BATCH: z
    .string()
    .regex(/^(on|off|[1-9]\d{0,4})$/, 'must be on, off, or every how many seconds (1 to 99999)')
    .default('on'),
  AISLE_EVENT_STREAM_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  AISLE_PICKUP_DEADLINES: z
    .string()
    .regex(/^(on|off|[1-9]\d{0,4})$/, 'must be on, off, or every how many seconds (1 to 99999)')
    .default('on'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Aisle demo shop <orders@demo.aisle.dev>'),
  RETAILER_NAME: z.string().min(1).default('Maison Rhône'),
  RETAILER_ADDRESS: z.string().default('45 rue de la République|69002 Lyon|France'),
  // The legal mentions of invoices. The defaults are the demo shop's, and fake (no such company): set real ones.
  RETAILER_VAT_NUMBER: z.string().default('FR12123456789'),
  RETAILER_COMPANY_ID: z.string().default('123 456 789 00012'),
  RETAILER_LEGAL_NOTICE: z.string().default('SAS au capital de 10 000 € · RCS Lyon 123 456 789'),
  RETAILER_LOCALE: z
    .string()
    .regex(/^[a-z]{2,3}-[A-Za-z]{2}$/, 'must be a language and a country, e.g. fr-FR or pl-PL')
    .default('fr-FR'),
  RETAILER_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Paris').default('Europe/Paris'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent Aisle runs on the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Whether each PostgreSQL connection prepares the statements it runs (off behind a transaction-mode pooler). */
  databasePreparedStatements: boolean;
  dataDir: string;
  adminApiKey: string | undefined;
  /** `auto`: load the demo shop when the database is empty at `serve`. */
  demo: 'auto' | 'off';
  logLevel: string;
  /** Whether this process takes turns sending the customers' order emails from the outbox (`orders/emails.ts`). */
  orderEmails: boolean;
  /** Whether this process gives the stock of expired holds back (`workers.ts`); any number of processes may. */
  holdSweeper: boolean;
  /** Whether this process takes turns merging new orders' shipments, for channels whose rule set says so (`orders/merge-consumer.ts`). */
  shipmentMerges: boolean;
  /** Every how many seconds this process routes the backorders waiting for stock (`orders/waiting.ts`); null: never. */
  routingBatchSeconds: number | null;
  /** Every how many seconds this process reminds and expires pickups waiting at the counters (`orders/pickup/deadlines.ts`); null: never. */
  pickupDeadlineSeconds: number | null;
  /** How often each open event stream (GET /v1/events/stream) reads the outbox, in milliseconds. */
  eventStreamPollMs: number;
  /** SMTP server for customer emails; unset: emails are written as .eml files into `<dataDir>/outbox`. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Who the customers' documents come from (documents/retailer.ts): name, address, legal mentions, locale, time zone. */
  retailer: Retailer;
  /** The country of national phone numbers (written without +): the region of RETAILER_LOCALE. */
  phoneRegion: string;
  /** Whose X-Forwarded-For the server believes (`all`, `off`, or addresses and ranges; proxy-addr's names allowed). */
  trustProxy: boolean | string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as shells and container files write it.
  const parsed = environment.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',
    dataDir: path.resolve(e.AISLE_DATA_DIR),
    adminApiKey: e.AISLE_ADMIN_API_KEY,
    demo: e.AISLE_DEMO,
    logLevel: e.LOG_LEVEL,
    orderEmails: e.AISLE_ORDER_EMAILS === 'on',
    holdSweeper: e.AISLE_HOLD_SWEEPER === 'on',
    shipmentMerges: e.AISLE_SHIPMENT_MERGES === 'on',
    routingBatchSeconds: e.AISLE_ROUTING_BATCH === 'off' ? null : e.AISLE_ROUTING_BATCH === 'on' ? 60 : Number(e.AISLE_ROUTING_BATCH),
    pickupDeadlineSeconds: e.AISLE_PICKUP_DEADLINES === 'off' ? null : e.AISLE_PICKUP_DEADLINES === 'on' ? 300 : Number(e.AISLE_PICKUP_DEADLINES),
    eventStreamPollMs: e.AISLE_EVENT_STREAM_POLL_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    retailer: {
      name: e.RETAILER_NAME,
      addressLines: e.RETAILER_ADDRESS.split('|'),
      vatNumber: e.RETAILER_VAT_NUMBER,
      companyId: e.RETAILER_COMPANY_ID,
      legalNotice: e.RETAILER_LEGAL_NOTICE,
      locale: e.RETAILER_LOCALE,
      timeZone: e.RETAILER_TIMEZONE,
    },
    phoneRegion: e.RETAILER_LOCALE.split('-')[1]?.toUpperCase() ?? 'FR',
    trustProxy: e.TRUST_PROXY === 'all' ? true : e.TRUST_PROXY === 'off' ? false : e.TRUST_PROXY,
  };
}
