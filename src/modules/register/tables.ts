import type { CreatedAt, Timestamp } from '../../platform/db/columns.ts';

/** Kysely's view of the tables the register owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

/** A store's till. Payments taken at it name it (`payments.register_id`). */
export interface RegistersTable {
  id: string;
  location_id: string;
  name: string;
  created_at: CreatedAt;
}

/** A register from its opening (with a cash float) to its close (with the cash counted). Migration 0021. */
export interface RegisterSessionsTable {
  id: string;
  register_id: string;
  currency: string;
  opening_float: number;
  opened_by: string;
  opened_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
  counted_cash: number | null;
  /** The cash the drawer should have held at the close, as worked out then (the Z report's). */
  expected_cash: number | null;
  note: string | null;
}

/** Cash put into the drawer or taken out of it while a session is open, other than sales (change float, a supplier paid…). */
export interface RegisterCashMovementsTable {
  id: string;
  session_id: string;
  kind: 'paid_in' | 'paid_out';
  amount: number;
  reason: string;
  actor: string;
  created_at: Timestamp;
}

export interface RegisterTables {
  registers: RegistersTable;
  register_sessions: RegisterSessionsTable;
  register_cash_movements: RegisterCashMovementsTable;
}
