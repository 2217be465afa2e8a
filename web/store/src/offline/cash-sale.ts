/**
 * Which sales the register may make without the server: cash sales of shelf stock only — every payment in cash,
 * every unit carried out of this store now (`pickup_in_store`, fulfilled by the store it is picked up at). Card
 * payments need the terminal's answer recorded by the server, deliveries and hand-overs need the server's stock and
 * order state: those need the server and say so (`ServerNeeded`).
 */

/** The parts of a `POST /v1/orders` body that say how it is paid and carried (a structural subset, no DOM types). */
export interface SaleShape {
  payments?: { method: string }[] | undefined;
  deliveryGroups: { method: string; pickupLocationId?: string | undefined; fulfilmentLocationId?: string | undefined }[];
}

export function sellableOffline(sale: SaleShape): boolean {
  const payments = sale.payments ?? [];
  if (!payments.length || payments.some((payment) => payment.method !== 'cash')) return false;
  return (
    sale.deliveryGroups.length > 0 &&
    sale.deliveryGroups.every((group) => {
      if (group.method !== 'pickup_in_store' || group.pickupLocationId === undefined) return false;
      return group.fulfilmentLocationId === undefined || group.fulfilmentLocationId === group.pickupLocationId;
    })
  );
}

/** Thrown when a sale that needs the server (card, delivery) is made while the server cannot be reached. */
export class ServerNeeded extends Error {
  readonly code = 'server-needed';
  constructor() {
    super('This sale needs the server, which cannot be reached just now: only cash sales of shelf stock are kept for later.');
  }
}
