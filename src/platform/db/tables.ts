import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.ts';

/** The platform's own tables: the outbox, idempotency keys and the set-up's version. */

export interface OutboxEventsTable {
  id: Generated<number>;
  txid: Generated<string>;
  type: string;
  subject: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface OutboxConsumersTable {
  name: string;
  after_txid: string;
  after_id: string;
  leased_by: string | null;
  leased_until: Date | null;
  updated_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: ColumnType<unknown, string | null, string>;
  created_at: CreatedAt;
}

export interface ReferenceDataVersionTable {
  singleton: Generated<boolean>;
  version: Generated<number>;
}

export interface PlatformTables {
  outbox_events: OutboxEventsTable;
  outbox_consumers: OutboxConsumersTable;
  idempotency_keys: IdempotencyKeysTable;
  reference_data_version: ReferenceDataVersionTable;
}
