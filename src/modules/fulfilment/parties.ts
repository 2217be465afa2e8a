import type { Executor } from '../../platform/db/database.ts';
import { getCustomer } from '../customers/service.ts';
import { getLocation } from '../locations/service.ts';
import type { Address } from '../locations/tables.ts';
import type { Party } from './carriers.ts';
import type { WorkGroup } from './groups.ts';

/** Who a parcel goes from and to, as the carrier, the label and the packing slip name them. */

export const addressLines = (address: Address | null) =>
  address
    ? [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.region, address.country].filter((line): line is string => !!line)
    : [];

/** Who the parcel goes to: the recipient named on the group, else the customer. */
export async function addressee(db: Executor, group: WorkGroup): Promise<Party> {
  const name = group.recipient || (await getCustomer(db, group.customerId).then((customer) => `${customer.firstName} ${customer.lastName}`.trim()));
  return { name, addressLines: addressLines(group.address), country: group.address?.country ?? '' };
}

/** Where a shipment leaves from: the location sending it (a pickup's store, for its slip). */
export async function sender(db: Executor, group: WorkGroup): Promise<Party> {
  const location = await getLocation(db, group.locationId!);
  return { name: location.name, addressLines: addressLines(location.address), country: location.address.country };
}
