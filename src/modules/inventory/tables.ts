import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp, UpdatedAt } from '../../platform/db/columns.ts';
import type { INCOMING_STATUSES } from './transfer-schema.ts';
import type { TransferStatus } from './transfer-machine.ts';

/** Kysely's view of the tables inventory owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

/** Why a stock movement happened: each line of the ledger is one of these. */
export type MovementKind =
  | 'receipt'
  | 'sale'
  | 'reservation'
  | 'release'
  | 'deduction'
  | 'adjustment'
  | 'count'
  | 'transfer_out'
  | 'transfer_in'
  | 'return_restock'
  | 'damage'
  | 'incoming'
  | 'incoming_cancelled';
export type ReservationKind = 'hold' | 'order';
export type ReservationStatus = 'active' | 'released' | 'expired' | 'deducted';
export type IncomingSource = 'purchase' | 'transfer';
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export type StockFeedMode = 'snapshot' | 'delta';

export interface StockLevelsTable {
  variant_id: string;
  location_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  damaged: Generated<number>;
  incoming: Generated<number>;
  safety_stock: number | null;
  updated_at: UpdatedAt;
}

export interface StockMovementsTable {
  id: Generated<number>;
  variant_id: string;
  location_id: string;
  kind: MovementKind;
  quantity: number;
  on_hand_change: Generated<number>;
  reserved_change: Generated<number>;
  damaged_change: Generated<number>;
  incoming_change: Generated<number>;
  reason: Generated<string>;
  reference_type: Generated<string>;
  reference_id: Generated<string>;
  actor: Generated<string>;
  created_at: CreatedAt;
}

export interface ReservationsTable {
  id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
  kind: ReservationKind;
  status: Generated<ReservationStatus>;
  channel_id: string | null;
  reference_type: Generated<string>;
  reference_id: Generated<string>;
  expires_at: Timestamp | null;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
}

export interface IncomingStockTable {
  id: string;
  variant_id: string;
  location_id: string;
  source: IncomingSource;
  reference_id: Generated<string>;
  quantity: number;
  received: Generated<number>;
  expected_at: Timestamp | null;
  status: Generated<IncomingStatus>;
  created_at: CreatedAt;
}

export interface TransfersTable {
  id: string;
  number: string;
  from_location_id: string;
  to_location_id: string;
  status: Generated<TransferStatus>;
  expected_at: Timestamp | null;
  note: Generated<string>;
  created_by: Generated<string>;
  created_at: CreatedAt;
  shipped_at: Timestamp | null;
  received_at: Timestamp | null;
}

export interface TransferLinesTable {
  transfer_id: string;
  variant_id: string;
  quantity: number;
  received: Generated<number>;
}

export interface StockFeedsTable {
  id: string;
  mode: StockFeedMode;
  format: string;
  as_of: Timestamp | null;
  rows: number;
  changed: number;
  actor: Generated<string>;
  applied_at: CreatedAt;
}

export type ShortfallResolution = 'found' | 'written_off';

/** Units a register sold offline that the store's stock no longer had (shortfalls.ts): open until the store resolves them. */
export interface StockShortfallsTable {
  id: string;
  location_id: string;
  variant_id: string;
  quantity: number;
  order_id: string;
  order_number: string;
  /** When the register sold them (offline). */
  sold_at: Timestamp;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution: ShortfallResolution | null;
  note: Generated<string>;
}

export interface InventoryTables {
  stock_levels: StockLevelsTable;
  stock_movements: StockMovementsTable;
  reservations: ReservationsTable;
  incoming_stock: IncomingStockTable;
  stock_feeds: StockFeedsTable;
  transfers: TransfersTable;
  transfer_lines: TransferLinesTable;
  stock_shortfalls: StockShortfallsTable;
}
