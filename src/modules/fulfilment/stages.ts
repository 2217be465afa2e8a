import type { DeliveryStatus } from '../orders/lifecycle.ts';

/**
 * What a store has to do with a delivery group, in its staff's words. A group is in a store's work queue when the
 * store sends it (a shipment to the customer's address, `fulfilment_location_id`) or hands it over (a pickup,
 * `pickup_location_id`), and is not yet gone:
 *  - to_pick: a shipment reserved here, nobody has started on it;
 *  - picking: a shipment being picked, units still to find;
 *  - to_pack: a shipment whose every unit was scanned, to put in boxes;
 *  - to_ship: a shipment packed, waiting for the carrier;
 *  - to_prepare: a pickup to take from the shelves and put at the counter;
 *  - ready_for_pickup: a pickup waiting at the counter for its customer;
 *  - incoming: a pickup whose goods are still on their way here from another location (ship to store).
 * The same rules are written in SQL for the queue (queue.ts, `STAGE`); work.test.ts checks the queue's stages through the API.
 */
export const WORK_STAGES = ['to_pick', 'picking', 'to_pack', 'to_ship', 'to_prepare', 'ready_for_pickup', 'incoming'] as const;
export type WorkStage = (typeof WORK_STAGES)[number];

/** The states of a shipment a store still works on, and those of a pickup. */
export const SHIPMENT_WORK: readonly DeliveryStatus[] = ['reserved', 'picking', 'packed'];
export const PICKUP_WORK: readonly DeliveryStatus[] = ['awaiting_transfer', 'reserved', 'picking', 'ready_for_pickup'];

export interface GroupAtLocation {
  method: string;
  status: DeliveryStatus;
  fulfilmentLocationId: string | null;
  pickupLocationId: string | null;
  /** Every unit of every line scanned. */
  scanned: boolean;
}

export const isShipment = (method: string) => method === 'ship_to_address';

/** The location whose staff work on the group: the one sending a shipment, the pickup store of a pickup. */
export const workLocationOf = (group: { method: string; fulfilmentLocationId: string | null; pickupLocationId: string | null }) =>
  isShipment(group.method) ? group.fulfilmentLocationId : group.pickupLocationId;

/** The group's stage in the location's queue, or null when the location has nothing to do with it (now). */
export function stageOf(group: GroupAtLocation, locationId: string): WorkStage | null {
  if (workLocationOf(group) !== locationId) return null;
  if (isShipment(group.method)) {
    switch (group.status) {
      case 'reserved':
        return 'to_pick';
      case 'picking':
        return group.scanned ? 'to_pack' : 'picking';
      case 'packed':
        return 'to_ship';
      default:
        return null;
    }
  }
  switch (group.status) {
    case 'awaiting_transfer':
      return 'incoming';
    case 'reserved':
    case 'picking':
      return 'to_prepare';
    case 'ready_for_pickup':
      return 'ready_for_pickup';
    default:
      return null;
  }
}
