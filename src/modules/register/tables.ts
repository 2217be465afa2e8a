import type { CreatedAt } from '../../platform/db/columns.ts';

/** Kysely's view of the tables the register owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

/** A store's till. Payments taken at it name it (`payments.register_id`). */
export interface RegistersTable {
  id: string;
  location_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface RegisterTables {
  registers: RegistersTable;
}
