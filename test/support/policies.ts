import { DEFAULT_PHONE_REGION } from '../../src/modules/customers/schema.ts';
import type { Mailer } from '../../src/modules/documents/mailer.ts';
import { DEFAULT_CARRIERS } from '../../src/modules/fulfilment/carriers.ts';
import { shipToStore } from '../../src/modules/orders/ship-to-store.ts';
import { TEST_PROVIDERS } from '../../src/modules/payments/providers.ts';
import type { Policies } from '../../src/policies.ts';

/** A test that sends email gives its own mailer (to a test SMTP server): nothing leaves for a file or the network unasked. */
const NO_MAIL: Mailer = {
  send: async () => {
    throw new Error('This test API has no mailer: give startTestApi({ policies: { mail } }) one.');
  },
  close: () => {},
};

export const TEST_RETAILER = {
  name: 'Maison Rhône',
  addressLines: ['45 rue de la République', '69002 Lyon'],
  vatNumber: 'FR12123456789',
  companyId: '123 456 789 00012',
  legalNotice: 'SAS au capital de 10 000 € · RCS Lyon 123 456 789',
  locale: 'fr-FR',
  timeZone: 'Europe/Paris',
};

/** What `aisle serve` builds from its configuration (src/policies.ts), for a test: each field may be replaced. */
export function testPolicies(overrides: Partial<Policies> = {}): Policies {
  return {
    paymentProviders: TEST_PROVIDERS,
    phoneRegion: DEFAULT_PHONE_REGION,
    transferFollower: shipToStore,
    mail: { mailer: NO_MAIL, retailer: TEST_RETAILER },
    carriers: DEFAULT_CARRIERS,
    ...overrides,
  };
}
