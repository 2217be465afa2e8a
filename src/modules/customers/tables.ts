import type { Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from '../../platform/db/columns.ts';

/** Kysely's view of the tables customers owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export interface CustomerGroupsTable {
  id: string;
  code: string;
  name: string;
  discount_basis_points: Generated<number>;
  created_at: CreatedAt;
}

export interface CustomersTable {
  id: string;
  first_name: string;
  last_name: string;
  customer_group_id: string | null;
  discount_basis_points: Generated<number>;
  /** Marketing consent flags and the ISO time each was last given or withdrawn. */
  consent: Json<Record<string, boolean | string | null>>;
  note: Generated<string>;
  /** The channel whose key created the profile; null for staff and checkouts (migration 0013). */
  created_by_channel_id: Generated<string | null>;
  /** The language of the customer's emails and documents (documents/language.ts); null: not said (migration 0022). */
  language: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerEmailsTable {
  email: string;
  customer_id: string;
}

export interface CustomerPhonesTable {
  phone: string;
  customer_id: string;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  label: Generated<string>;
  name: string;
  line1: string;
  line2: Generated<string>;
  postal_code: string;
  city: string;
  region: Generated<string>;
  country: string;
  phone: Generated<string>;
  is_default: Generated<boolean>;
}

export interface CustomersTables {
  customer_groups: CustomerGroupsTable;
  customers: CustomersTable;
  customer_emails: CustomerEmailsTable;
  customer_phones: CustomerPhonesTable;
  customer_addresses: CustomerAddressesTable;
}
