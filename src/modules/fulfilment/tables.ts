import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CreatedAt } from '../../platform/db/columns.ts';

/** Kysely's view of the tables fulfilment owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

/** A picker's batch of delivery groups at one location (PL-…), printed or read on a handheld. */
export interface PickListsTable {
  id: string;
  number: string;
  location_id: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface PickListGroupsTable {
  pick_list_id: string;
  delivery_group_id: string;
}

/** One scan at the shelf: `quantity` units of an order line proven picked by a barcode or SKU. */
export interface PickScansTable {
  id: Generated<string>;
  delivery_group_id: string;
  order_line_id: string;
  /** Where it was scanned: only the scans at the location now sending or handing over the line count. */
  location_id: string;
  code: string;
  quantity: number;
  actor: string;
  created_at: CreatedAt;
}

export interface ParcelLine {
  lineId: string;
  quantity: number;
}

/** A box a shipment was packed into. */
export interface ParcelsTable {
  id: string;
  delivery_group_id: string;
  position: number;
  box: string;
  weight_grams: number;
  lines: JSONColumnType<ParcelLine[], string, string>;
  tracking_number: string | null;
  created_by: string;
  created_at: CreatedAt;
}

/** What the carrier answered when a shipment was dispatched through it. */
export interface DispatchesTable {
  delivery_group_id: string;
  /** The carrier integration's name (`manual`…). */
  carrier: string;
  /** The carrier as the customer knows it (Colissimo, DHL…). */
  carrier_name: string;
  service: string | null;
  tracking_number: string;
  tracking_url: string | null;
  label: ColumnType<Uint8Array, Buffer, never>;
  created_by: string;
  created_at: CreatedAt;
}

export interface FulfilmentTables {
  pick_lists: PickListsTable;
  pick_list_groups: PickListGroupsTable;
  pick_scans: PickScansTable;
  parcels: ParcelsTable;
  dispatches: DispatchesTable;
}
