import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { InvalidInput, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordOrderEvent } from '../orders/read.ts';
import { advanceGroup } from '../orders/service.ts';
import { trackingPageOf } from './carriers.ts';
import { linesOf, lockWorkGroup, readWorkGroup, type WorkGroup } from './groups.ts';
import { assertPicked } from './picked.ts';
import type { ParcelLine } from './tables.ts';
import type { Shipment } from './schema.ts';

/**
 * Packing: a shipment goes into one or more parcels (the box used and its weight, and what went in each when they
 * are told apart); the group is then packed (orders' own step). A group nobody started is started first, unless the
 * store asks for every unit scanned (`mustScan`): then packing waits for the scans (`not-scanned`).
 */

export interface NewParcel {
  box: string;
  weightGrams: number;
  lines?: ParcelLine[] | undefined;
}

export async function packParcels(trx: Trx, principal: Principal, orderId: string, groupId: string, parcels: NewParcel[]): Promise<Shipment> {
  const group = await lockWorkGroup(trx, principal, orderId, groupId);
  if (group.method !== 'ship_to_address') throw new RuleViolation('not-a-shipment', 'This group is collected in store, not shipped.', { state: group.status });
  const lines = (await linesOf(trx, [groupId])).get(groupId) ?? [];
  const packed = new Map<string, number>();
  for (const [index, parcel] of parcels.entries()) {
    for (const [lineIndex, entry] of (parcel.lines ?? []).entries()) {
      const line = lines.find((candidate) => candidate.id === entry.lineId);
      const field = `body.parcels.${index}.lines.${lineIndex}`;
      if (!line) throw new InvalidInput([{ field: `${field}.lineId`, message: 'is not an open line of this delivery group' }]);
      const total = (packed.get(line.id) ?? 0) + entry.quantity;
      if (total > line.required)
        throw new InvalidInput([{ field: `${field}.quantity`, message: `puts ${total} of ${line.sku} in parcels; the order has ${line.required}` }]);
      packed.set(line.id, total);
    }
  }
  await assertPicked(trx, groupId);
  if (group.status === 'reserved') await advanceGroup(trx, principal, orderId, groupId, 'start-picking');
  await advanceGroup(trx, principal, orderId, groupId, 'pack');
  await trx
    .insertInto('parcels')
    .values(
      parcels.map((parcel, index) => ({
        id: newId(),
        delivery_group_id: groupId,
        position: index + 1,
        box: parcel.box,
        weight_grams: parcel.weightGrams,
        lines: JSON.stringify(parcel.lines ?? []),
        created_by: principal.actor,
      })),
    )
    .execute();
  await recordOrderEvent(
    trx,
    orderId,
    'parcels.packed',
    { groupId, parcels: parcels.map((parcel) => ({ box: parcel.box, weightGrams: parcel.weightGrams })) },
    principal.actor,
    principal.channelId,
  );
  return shipmentOf(trx, { ...group, status: 'packed' });
}

/** A shipment as staff see it: its parcels, and what the carrier answered once dispatched. */
export async function shipmentOf(db: Executor, group: WorkGroup): Promise<Shipment> {
  const [parcels, dispatch] = await Promise.all([
    db.selectFrom('parcels').selectAll().where('delivery_group_id', '=', group.id).orderBy('position').execute(),
    db
      .selectFrom('dispatches')
      .select(['carrier_name', 'service', 'tracking_number', 'tracking_url'])
      .where('delivery_group_id', '=', group.id)
      .executeTakeFirst(),
  ]);
  return {
    groupId: group.id,
    orderId: group.orderId,
    orderNumber: group.orderNumber,
    status: group.status,
    carrier: dispatch?.carrier_name ?? group.carrier,
    service: dispatch?.service ?? null,
    trackingNumber: dispatch?.tracking_number ?? group.trackingNumber,
    // Shipped through `/ship` with a carrier typed there: its tracking page when Aisle knows the carrier.
    trackingUrl: dispatch
      ? dispatch.tracking_url
      : group.carrier && group.trackingNumber
        ? (trackingPageOf(group.carrier, group.trackingNumber) ?? null)
        : null,
    parcels: parcels.map((parcel) => ({
      position: parcel.position,
      box: parcel.box,
      weightGrams: parcel.weight_grams,
      trackingNumber: parcel.tracking_number,
      lines: parcel.lines,
    })),
  };
}

export async function readShipment(db: Executor, principal: Principal, orderId: string, groupId: string): Promise<Shipment> {
  return shipmentOf(db, await readWorkGroup(db, principal, orderId, groupId));
}
