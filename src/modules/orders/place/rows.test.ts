import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../platform/auth/principal.ts';
import { NO_PROVIDERS, requestAuthorizations, type TenderOutcome } from '../../payments/service.ts';
import { nextDeliveryStatus } from '../lifecycle.ts';
import { orderRows, placedView, reserveRequest, toWrite } from './rows.ts';
import type { Channel, LinePrice, PreparedGroup, PreparedOrder } from './types.ts';

/** The rows of an order, built in memory: no database. */

const NOW = new Date('2026-11-24T10:00:00Z');
const WAREHOUSE = '00000000-0000-4000-8000-0000000000a1';
const STORE = '00000000-0000-4000-8000-0000000000b2';
const CUSTOMER = '00000000-0000-4000-8000-0000000000c3';
const clerk: Principal = { actor: 'user:clerk', role: 'admin', locationId: null, channelId: null } as Principal;

const channel = (type: Channel['type'], storeLocationId: string | null = null): Channel => ({
  id: '00000000-0000-4000-8000-0000000000d4',
  code: type,
  name: type,
  type,
  currency: 'EUR',
  price_list_id: '00000000-0000-4000-8000-0000000000e5',
  store_location_id: storeLocationId,
  enabled: true,
  language: null,
  created_at: NOW,
  updated_at: NOW,
});
const price = (unit: number, quantity: number): LinePrice => ({
  unitListPrice: unit,
  unitPrice: unit,
  discountTotal: 0,
  minimumPriceApplied: false,
  manualDiscount: null,
  taxRateBasisPoints: 2000,
  taxAmount: Math.round((unit * quantity) / 6),
  lineTotal: unit * quantity,
});
const line = (index: number, variant: string, quantity: number, unit: number) => ({
  index,
  requestIndex: index,
  sku: `SKU-${variant}`,
  variantId: variant,
  productId: `product-${variant}`,
  tags: [],
  value: unit * quantity,
  title: `Item ${variant}`,
  quantity,
  price: price(unit, quantity),
});
const group = (index: number, method: PreparedGroup['method'], from: string, lines: PreparedGroup['lines'], pickup: string | null = null): PreparedGroup => ({
  index,
  requestIndex: index,
  method,
  status: 'reserved',
  queue: null,
  availableAt: null,
  decision: null,
  fulfilmentLocationId: from,
  pickupLocationId: pickup,
  address: null,
  recipient: 'Marie Dupont',
  shippingFee: method === 'ship_to_address' ? 490 : 0,
  packingFee: 0,
  promisedAt: new Date(NOW.getTime() + 48 * 3600_000),
  lines,
});

async function cash(amount: number): Promise<TenderOutcome[]> {
  const result = await requestAuthorizations([{ method: 'cash', amount }], amount, 'EUR', 'test', { providers: NO_PROVIDERS });
  if (result.outcome !== 'approved') throw new Error('cash is always approved');
  return result.tenders;
}

function prepared(
  groups: PreparedGroup[],
  tenders: TenderOutcome[],
  options: { shelfSale?: boolean; note?: string; type?: Channel['type'] } = {},
): PreparedOrder {
  const total = groups.reduce((sum, g) => sum + g.shippingFee + g.lines.reduce((lines, l) => lines + l.price.lineTotal, 0), 0);
  return {
    request: {
      principal: clerk,
      input: {
        customer: { firstName: 'Marie', lastName: 'Dupont', email: 'Marie@Example.com' },
        lines: [],
        deliveryGroups: [],
        payments: [{ method: 'cash', amount: total }],
        ...(options.note ? { note: options.note } : {}),
      } as unknown as PreparedOrder['request']['input'],
    },
    channel: channel(options.type ?? 'web', options.shelfSale ? STORE : null),
    groups,
    customerId: CUSTOMER,
    contact: { email: null, phone: '+33600000000' },
    priced: { currency: 'EUR', promotion: null, totals: { subtotal: total - 490, discounts: 0, shipping: 490, packing: 0, tax: 0, total } },
    shelfSale: options.shelfSale ?? false,
    vendors: new Set(),
    tenders,
    number: '1042',
  };
}

describe('the rows an order writes', () => {
  it('given a web order sent home and to a store, when its rows are built, then each group, line, transfer and reservation is where it belongs', async () => {
    const order = toWrite(
      prepared(
        [
          group(0, 'ship_to_address', WAREHOUSE, [line(0, 'tee', 2, 1500)]),
          group(1, 'ship_to_store', WAREHOUSE, [line(1, 'cap', 1, 900), line(2, 'cap', 2, 900)], STORE),
        ],
        await cash(6190),
        { note: 'Gift wrap' },
      ),
    );
    const rows = orderRows(order, CUSTOMER, NOW);

    expect(rows.order).toMatchObject({
      id: order.id,
      number: '1042',
      customer_id: CUSTOMER,
      status: 'placed',
      total: 6190,
      email: 'marie@example.com',
      phone: '+33600000000',
    });
    expect(rows.groups.map((g) => [g.position, g.status, g.fulfilment_location_id, g.pickup_location_id])).toEqual([
      [0, 'reserved', WAREHOUSE, null],
      [1, 'awaiting_transfer', WAREHOUSE, STORE],
    ]);
    // Ship to store: one draft transfer from the warehouse to the store, the same SKU on two lines travelling as one.
    expect(rows.transfers).toHaveLength(1);
    expect(rows.transfers[0]?.row).toMatchObject({
      number: 'TR-1042-2',
      from_location_id: WAREHOUSE,
      to_location_id: STORE,
      status: 'draft',
      note: 'Ship to store: order 1042',
    });
    expect(rows.transfers[0]?.lines).toEqual([{ transfer_id: rows.transfers[0]?.row.id, variant_id: 'cap', quantity: 3 }]);
    expect(rows.groups[1]?.transfer_id).toBe(rows.transfers[0]?.row.id);
    expect(rows.groups[0]?.transfer_id).toBeNull();
    // Lines in the request's order, each in its group, each with the reservation the stock write makes.
    expect(rows.lines.map((l) => [l.position, l.variant_id, l.delivery_group_id, l.line_total])).toEqual([
      [0, 'tee', order.groups[0]?.id, 3000],
      [1, 'cap', order.groups[1]?.id, 900],
      [2, 'cap', order.groups[1]?.id, 1800],
    ]);
    const reservations = reserveRequest(order);
    expect(reservations).toMatchObject({ kind: 'order', referenceType: 'order', referenceId: order.id });
    expect(reservations.lines.map((r) => [r.variantId, r.locationId, r.quantity])).toEqual([
      ['tee', WAREHOUSE, 2],
      ['cap', WAREHOUSE, 1],
      ['cap', WAREHOUSE, 2],
    ]);
    expect(rows.lines.map((l) => l.reservation_id)).toEqual(reservations.lines.map((r) => r.id));
    expect(rows.timeline.map((event) => event.type)).toEqual(['order.placed', 'note.added']);
    expect(rows.event).toMatchObject({ type: 'order.placed', subject: `order:${order.id}`, payload: { number: '1042', total: 6190 } });
    expect(rows.payments.map((p) => p.row.order_id)).toEqual([order.id]);
  });

  it('given goods on the shelf paid at the register, when its rows are built, then the order is completed and handed over on the spot', async () => {
    const order = toWrite(
      prepared([group(0, 'pickup_in_store', STORE, [line(0, 'tee', 1, 1500)], STORE)], await cash(1500), { shelfSale: true, type: 'register' }),
    );
    const rows = orderRows(order, CUSTOMER, NOW);
    expect(rows.order.status).toBe('completed');
    expect(rows.groups[0]?.status).toBe(nextDeliveryStatus('reserved', 'hand_over_at_register'));
    expect(rows.transfers).toEqual([]);
    expect(rows.timeline.map((event) => event.type)).toEqual(['order.placed', 'order.completed']);
  });

  it('given the rows of an order, when it is answered, then the answer is what the rows say', async () => {
    const rows = orderRows(toWrite(prepared([group(0, 'ship_to_address', WAREHOUSE, [line(0, 'tee', 2, 1500)])], await cash(3490))), CUSTOMER, NOW);
    const view = placedView(rows);
    expect(view).toMatchObject({ id: rows.order.id, number: '1042', customerId: CUSTOMER, status: 'placed', totals: { total: 3490 } });
    expect(view.deliveryGroups?.[0]?.lines?.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([['SKU-tee', 2]]);
  });
});
