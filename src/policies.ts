import path from 'node:path';
import type { Config } from './config.ts';
import { createMailer, type Mailer } from './modules/documents/mailer.ts';
import { DEFAULT_CARRIERS, type Carriers } from './modules/fulfilment/carriers.ts';
import type { TransferFollower } from './modules/inventory/transfers.ts';
import type { Retailer } from './modules/documents/retailer.ts';
import { shipToStore } from './modules/orders/ship-to-store.ts';
import { TEST_PROVIDERS, type PaymentProviders } from './modules/payments/providers.ts';

/**
 * What a shop chooses and the modules do not choose for themselves. Built once per process from the configuration
 * (`buildPolicies`, by `aisle serve`) and passed as parameters: to the app (`buildApp`, which hands each route plugin
 * its part) and to the workers (`startWorkers`). A test builds its own (test/support/api.ts) instead of changing
 * anything shared. docs/architecture.md, "Composition root".
 */
export interface Policies {
  /** Card tenders are authorised, captured, voided and refunded through these, by name. */
  paymentProviders: PaymentProviders;
  /** Chooses the locations that fulfil the delivery groups an order leaves to Aisle. */
  /** The country of phone numbers written without + (an ISO 3166 code: FR, PL…). */
  phoneRegion: string;
  /** Told when a transfer moves: ship to store, whose orders wait on the transfers that bring their goods. */
  transferFollower: TransferFollower;
  /** Who sends the customers' emails, and the retailer they and the invoices come from (header, legal mentions, locale, time zone). */
  mail: { mailer: Mailer; retailer: Retailer };
  /** The carriers shipments are dispatched with (fulfilment/carriers.ts): the manual one, and a retailer's integrations. */
  carriers: Carriers;
}

/** The policies of `aisle serve`. The mailer holds SMTP connections: close it (`mail.mailer.close()`) when stopping. */
export function buildPolicies(config: Config): Policies {
  return {
    // The test card provider is the only one Aisle ships; a retailer's PSP is added here.
    paymentProviders: TEST_PROVIDERS,
    phoneRegion: config.phoneRegion,
    transferFollower: shipToStore,
    mail: {
      mailer: createMailer({ from: config.mailFrom, ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : { outboxDir: path.join(config.dataDir, 'outbox') }) }),
      retailer: config.retailer,
    },
    carriers: DEFAULT_CARRIERS,
  };
}
