import { sql } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { newId } from '../../platform/ids.ts';
import { Forbidden, InvalidInput, RuleViolation } from '../../platform/http/problem.ts';
import { publish } from '../../platform/outbox.ts';
import { requireEnabledChannel } from '../channels/service.ts';
import { findOrCreateCustomer } from '../customers/service.ts';
import { availabilityOf, channelLocationIds } from '../inventory/availability.ts';
import { deductReservation, reserveStock } from '../inventory/reservations.ts';
import { InsufficientStock } from '../inventory/stock.ts';
import { nextDeliveryStatus, type DeliveryStatus } from './lifecycle.ts';
import { recordOrderEvent } from './read.ts';
import type { CreateOrder } from './schema.ts';

/**
 * Placing an order, the same way from every channel:
 *  1. check the channel, the lines and the delivery groups, and choose where each group's goods come from;
 *  2. price it with the quote's own function (the order's totals are the quote's);
 *  3. authorise the payments OUTSIDE any transaction (a declined card never touches stock);
 *  4. one transaction: customer, stock reservations, order, lines, payments, promotion use, timeline, outbox event.
 *     If stock is short the transaction keeps nothing and the authorisations are voided.
 * A register order of goods on the shelf, paid at the counter, is completed and deducted at once.
 */

export interface ResolvedGroup {
  index: number;
  method: CreateOrder['deliveryGroups'][number]['method'];
  fulfilmentLocationId: string;
  pickupLocationId: string | null;
  address: CreateOrder['deliveryGroups'][number]['address'] | null;
  recipient: string;
  lines: { index: number; sku: string; variantId: string; title: string; quantity: number }[];
}

/** The selling channel: a channel key's own; otherwise the one named, or for store staff their store's register. */
export async function sellingChannel(db: Executor, principal: Principal, channelId: string | undefined) {
  if (principal.role === 'channel') return requireEnabledChannel(db, principal.channelId!);
  if (channelId !== undefined) return requireEnabledChannel(db, channelId);
  if (principal.role === 'store') {
    const register = await db.selectFrom('channels').select('id').where('store_location_id', '=', principal.locationId!).where('type', '=', 'register').orderBy('id').executeTakeFirst();
    if (register) return requireEnabledChannel(db, register.id);
  }
  throw new InvalidInput([{ field: 'body.channelId', message: 'is required' }]);
}

/** Checks the groups and chooses each one's fulfilment location (routing rules refine this choice later). The channel is enabled. */
export async function resolveGroups(db: Executor, channelId: string, input: CreateOrder): Promise<ResolvedGroup[]> {
  const skus = [...new Set(input.lines.map((line) => line.sku))];
  const variants = await db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.product_id')
    .select(['variants.id', 'variants.sku', 'variants.title', 'products.title as product_title'])
    .where('variants.sku', 'in', skus)
    .execute();
  const bySku = new Map(variants.map((variant) => [variant.sku, variant]));
  const errors = input.lines.flatMap((line, index) => [
    ...(bySku.has(line.sku) ? [] : [{ field: `body.lines.${index}.sku`, message: `SKU ${line.sku} does not exist` }]),
    ...(line.deliveryGroup < input.deliveryGroups.length ? [] : [{ field: `body.lines.${index}.deliveryGroup`, message: 'names no delivery group' }]),
  ]);
  if (errors.length) throw new InvalidInput(errors);

  const fulfils = await channelLocationIds(db, channelId, 'fulfils', { checked: true });
  const locations = await db.selectFrom('locations').select(['id', 'type', 'capabilities', 'active']).where('id', 'in', fulfils.length ? fulfils : ['00000000-0000-0000-0000-000000000000']).execute();
  const usable = new Map(locations.filter((location) => location.active).map((location) => [location.id, location]));

  const groups: ResolvedGroup[] = [];
  for (const [index, group] of input.deliveryGroups.entries()) {
    const lines = input.lines.flatMap((line, lineIndex) => (line.deliveryGroup === index ? [{
      index: lineIndex, sku: line.sku, variantId: bySku.get(line.sku)!.id, quantity: line.quantity,
      title: [bySku.get(line.sku)!.product_title, bySku.get(line.sku)!.title].filter((part, i, all) => part && all.indexOf(part) === i).join(' – '),
    }] : []));
    if (!lines.length) throw new InvalidInput([{ field: `body.deliveryGroups.${index}`, message: 'has no lines' }]);
    const field = `body.deliveryGroups.${index}`;
    if (group.pickupLocationId !== undefined) {
      const store = usable.get(group.pickupLocationId);
      if (!store || !store.capabilities.includes('click_and_collect')) {
        throw new RuleViolation('not-a-pickup-store', `Location ${group.pickupLocationId} does not hand over this channel's orders.`, { field: `${field}.pickupLocationId` });
      }
    }
    let fulfilment = group.fulfilmentLocationId ?? (group.method === 'pickup_in_store' ? group.pickupLocationId : undefined);
    if (fulfilment !== undefined && !usable.has(fulfilment)) {
      throw new RuleViolation('location-not-in-channel', `Location ${fulfilment} does not fulfil this channel's orders.`, { field: `${field}.fulfilmentLocationId` });
    }
    fulfilment ??= await locationWithEverything(db, lines, [...usable.values()].filter((location) => location.id !== group.pickupLocationId));
    groups.push({
      index, method: group.method, fulfilmentLocationId: fulfilment, pickupLocationId: group.pickupLocationId ?? null,
      address: group.address ?? null, recipient: group.recipient ?? '', lines,
    });
  }
  return groups;
}

/** The default choice: a location that can send every line of the group, warehouses first, then most stock. */
async function locationWithEverything(db: Executor, lines: ResolvedGroup['lines'], candidates: { id: string; type: string }[]) {
  const answers = await availabilityOf(db, { skus: lines.map((line) => line.sku), locationIds: candidates.map((location) => location.id) });
  const need = new Map<string, number>();
  for (const line of lines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.quantity);
  const able = candidates
    .map((location) => ({
      location,
      depth: Math.min(...answers.map((answer) => (answer.locations.find((l) => l.locationId === location.id)?.available ?? 0) - (need.get(answer.sku) ?? 0))),
    }))
    .filter((candidate) => candidate.depth >= 0)
    .sort((a, b) => Number(b.location.type === 'warehouse') - Number(a.location.type === 'warehouse') || b.depth - a.depth);
  if (!able.length) {
    throw new InsufficientStock(answers.map((answer) => ({ sku: answer.sku, variantId: answer.variantId, locationId: '', requested: need.get(answer.sku) ?? 0, available: answer.available })));
  }
  return able[0]!.location.id;
}

export interface OrderRecord {
  channel: { id: string; type: string; store_location_id: string | null; currency: string };
  customer: CreateOrder['customer'];
  /** The profile the customer details already matched before the transaction, if any. */
  knownCustomerId?: string | undefined;
  groups: ResolvedGroup[];
  priced: PricedOrder;
  shelfSale: boolean;
  actor: string;
  note?: string | undefined;
}

/** What pricing hands the order: per input line and per group, and the totals. */
export interface PricedOrder {
  currency: string;
  promotion: { id: string; code: string } | null;
  lines: { unitListPrice: number; unitPrice: number; discountTotal: number; minimumPriceApplied: boolean; taxRateBasisPoints: number; taxAmount: number; lineTotal: number }[];
  groups: { shippingFee: number; packingFee: number; promisedAt: Date | null }[];
  totals: { subtotal: number; discounts: number; shipping: number; packing: number; tax: number; total: number };
}

/** Step 4: everything the order writes, in the caller's transaction; answers what `respond` makes of the order. */
export async function writeOrder<T>(
  trx: Trx,
  record: OrderRecord,
  recordPayments: (trx: Trx, orderId: string) => Promise<void>,
  capture: (trx: Trx, orderId: string) => Promise<void>,
  respond: (trx: Trx, orderId: string) => Promise<T>,
): Promise<T> {
  const { channel, groups, priced, actor } = record;
  const customer = 'id' in record.customer || record.knownCustomerId !== undefined
    ? await trx.selectFrom('customers').select('id').where('id', '=', 'id' in record.customer ? record.customer.id : record.knownCustomerId!).executeTakeFirst()
    : (await findOrCreateCustomer(trx, record.customer)).customer;
  if (!customer) throw new InvalidInput([{ field: 'body.customer.id', message: 'no such customer' }]);
  const contact = await trx
    .selectFrom('customers')
    .leftJoin('customer_emails', 'customer_emails.customer_id', 'customers.id')
    .leftJoin('customer_phones', 'customer_phones.customer_id', 'customers.id')
    .select(['customer_emails.email', 'customer_phones.phone'])
    .where('customers.id', '=', customer.id)
    .executeTakeFirst();
  const email = ('email' in record.customer && record.customer.email?.toLowerCase()) || contact?.email || null;
  const phone = ('phone' in record.customer && record.customer.phone?.replace(/[\s().-]/g, '')) || contact?.phone || null;

  const orderId = newId();
  const { rows } = await sql<{ number: string }>`select nextval('order_numbers')::text as number`.execute(trx);
  const number = rows[0]!.number;
  await trx.insertInto('orders').values({
    id: orderId, number, channel_id: channel.id, customer_id: customer.id, status: record.shelfSale ? 'completed' : 'placed', currency: priced.currency,
    subtotal: priced.totals.subtotal, discount_total: priced.totals.discounts, shipping_total: priced.totals.shipping,
    packing_total: priced.totals.packing, tax_total: priced.totals.tax, total: priced.totals.total,
    promotion_code: priced.promotion?.code ?? null, email, phone, placed_by: actor,
  }).execute();
  const lineRows = [];
  const groupRows = [];
  for (const group of groups) {
    const groupId = newId();
    // A shelf sale is handed over on the spot; ship to store waits for its transfer.
    const status: DeliveryStatus = record.shelfSale
      ? nextDeliveryStatus('reserved', 'hand_over_at_register')
      : group.method === 'ship_to_store' ? 'awaiting_transfer' : 'reserved';
    groupRows.push({
      id: groupId, order_id: orderId, position: group.index, method: group.method, status, fulfilment_location_id: group.fulfilmentLocationId,
      pickup_location_id: group.pickupLocationId, address: group.address ? JSON.stringify(group.address) : null, recipient: group.recipient,
      shipping_fee: priced.groups[group.index]!.shippingFee, packing_fee: priced.groups[group.index]!.packingFee, promised_at: priced.groups[group.index]!.promisedAt,
    });
    for (const line of group.lines) {
      const price = priced.lines[line.index]!;
      lineRows.push({
        id: newId(), order_id: orderId, delivery_group_id: groupId, position: line.index, variant_id: line.variantId, sku: line.sku, title: line.title,
        quantity: line.quantity, unit_list_price: price.unitListPrice, unit_price: price.unitPrice, discount_total: price.discountTotal,
        minimum_price_applied: price.minimumPriceApplied, tax_rate_basis_points: price.taxRateBasisPoints, tax_amount: price.taxAmount,
        line_total: price.lineTotal, reservation_id: newId(), location_id: group.fulfilmentLocationId,
      });
    }
  }
  await trx.insertInto('delivery_groups').values(groupRows).execute();
  await trx.insertInto('order_lines').values(lineRows.map(({ location_id: _location, ...line }) => line)).execute();
  await recordPayments(trx, orderId);
  if (record.shelfSale) await capture(trx, orderId);
  await recordOrderEvent(trx, orderId, 'order.placed', { number, total: priced.totals.total, currency: priced.currency, lines: lineRows.length }, actor, channel.id);
  if (record.note) await recordOrderEvent(trx, orderId, 'note.added', { text: record.note }, actor, channel.id);
  if (record.shelfSale) await recordOrderEvent(trx, orderId, 'order.completed', { at: 'register' }, actor, channel.id);
  await publish(trx, [{ type: 'order.placed', subject: `order:${orderId}`, payload: { orderId, number, channelId: channel.id, total: priced.totals.total, currency: priced.currency } }]);
  const answer = await respond(trx, orderId);

  // Stock last: the rows it locks (the hot ones, when everyone buys the same thing) are held only until the commit
  // that follows. The lines already name their reservations; the foreign key is checked at commit.
  await reserveStock(trx, {
    kind: 'order', actor, channelId: channel.id, referenceType: 'order', referenceId: orderId,
    lines: lineRows.map((line) => ({ id: line.reservation_id, variantId: line.variant_id, locationId: line.location_id, quantity: line.quantity })),
  });
  // Goods on the shelf, paid at the counter: they leave with the customer now.
  if (record.shelfSale) for (const line of lineRows) await deductReservation(trx, line.reservation_id, actor, 'register sale');
  return answer;
}

export function assertChannelMayOrder(principal: Principal, channel: { id: string; store_location_id: string | null }) {
  if (principal.role === 'store' && channel.store_location_id !== null && channel.store_location_id !== principal.locationId) {
    throw new Forbidden('Store staff order through the registers of their own store.');
  }
}

