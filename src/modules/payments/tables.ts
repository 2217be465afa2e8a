import type { Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from '../../platform/db/columns.ts';
import type { PaymentStatus } from './machine.ts';

/** Kysely's view of the tables payments owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

/** How a customer pays. The last three come with the loyalty issue (`COMING_METHODS`): refused for now. */
export type PaymentMethod = 'card_online' | 'card_register' | 'cash' | 'pay_at_pickup' | 'gift_card' | 'loyalty_points' | 'store_credit';

// Statuses are the payment machine's (machine.ts): a status the machine does not know cannot be written.
export interface PaymentsTable {
  id: string;
  order_id: string;
  method: PaymentMethod;
  provider: string | null;
  status: PaymentStatus;
  currency: string;
  amount: number;
  authorized_amount: Generated<number>;
  captured_amount: Generated<number>;
  refunded_amount: Generated<number>;
  card_brand: string | null;
  card_last4: string | null;
  provider_reference: string | null;
  decline_code: string | null;
  cash_tendered: number | null;
  change_given: number | null;
  /** The register the money was taken at (a shelf sale, an Endless Aisle order, a payment at a hand-over). */
  register_id: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PaymentEventsTable {
  id: Generated<number>;
  payment_id: string;
  type: string;
  amount: number;
  from_status: PaymentStatus;
  to_status: PaymentStatus;
  provider_reference: string | null;
  actor: string;
  created_at: CreatedAt;
}

export interface PaymentsTables {
  payments: PaymentsTable;
  payment_events: PaymentEventsTable;
}
