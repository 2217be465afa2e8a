import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { getCustomer } from '../customers/service.ts';
import { renderPurchaseRequestPdf, type PurchaseRequestDocument } from '../documents/purchase-request.ts';
import type { Address } from '../locations/tables.ts';
import { getLocation } from '../locations/service.ts';
import { readPurchaseRequest } from './service.ts';

/** Who asks the vendor: the retailer of the invoices (the policies' `mail.retailer`). */
export interface Requester {
  name: string;
  addressLines: string[];
  locale: string;
}

const addressLines = (address: Address) =>
  [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.region, address.country].filter((line): line is string => !!line);

/** What the request's PDF prints: the vendor and the customer's address as they are now. */
export async function purchaseRequestDocument(db: Executor, principal: Principal, id: string, retailer: Requester): Promise<PurchaseRequestDocument> {
  const { row, lines } = await readPurchaseRequest(db, principal, id);
  const [vendor, customer] = await Promise.all([getLocation(db, row.vendor_location_id), row.recipient ? null : getCustomer(db, row.customer_id)]);
  return {
    retailer: { name: retailer.name, addressLines: retailer.addressLines },
    vendor: { name: vendor.name, code: vendor.code, addressLines: addressLines(vendor.address) },
    number: row.number,
    orderNumber: row.order_number,
    requestedAt: row.created_at.toISOString(),
    locale: retailer.locale,
    shipTo: { name: row.recipient || `${customer?.firstName ?? ''} ${customer?.lastName ?? ''}`.trim(), addressLines: addressLines(row.ship_to) },
    lines: lines.map((line) => ({ sku: line.sku, title: line.title, quantity: line.quantity })),
  };
}

/** The request's PDF, as the vendor gets it. */
export async function purchaseRequestPdf(db: Executor, principal: Principal, id: string, retailer: Requester): Promise<Buffer> {
  return renderPurchaseRequestPdf(await purchaseRequestDocument(db, principal, id, retailer));
}
