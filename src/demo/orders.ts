import type { Principal } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import { placeOrders, type OrderRequest } from '../modules/orders/place/index.ts';
import type { CreateOrder } from '../modules/orders/schema.ts';
import { dispatchGroup } from '../modules/orders/service.ts';
import { markReadyForPickup } from '../modules/orders/pickup/ready.ts';
import { TEST_PROVIDERS } from '../modules/payments/providers.ts';
import { quote } from '../modules/pricing/service.ts';

const DEMO: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'demo' };
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '12 rue Mercière', postalCode: '69002', city: 'Lyon', country: 'FR' };

/**
 * A few orders for the demo shop, one of each kind a newcomer may want to follow through: shipped to an address,
 * ready for pickup, on its way to a store (ship to store, with its transfer waiting at the warehouse), sold at a
 * register, and paid at pickup. Placed through the same code as any order, paid with the test provider's cards
 * whatever providers the shop has.
 */
export async function placeDemoOrders(db: Db): Promise<void> {
  const now = new Date();
  const channel = (code: string) => db.selectFrom('channels').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const [web, phone] = [await channel('web'), await channel('phone')];
  const [warehouse, stores] = [
    await db.selectFrom('locations').select('id').where('type', '=', 'warehouse').executeTakeFirstOrThrow(),
    await db.selectFrom('locations').select('id').where('type', '=', 'store').orderBy('code').execute(),
  ];
  const register = await db
    .selectFrom('channels')
    .select('id')
    .where('type', '=', 'register')
    .where('store_location_id', '=', stores[1]!.id)
    .executeTakeFirstOrThrow();
  const customers = (await db.selectFrom('customers').select('id').orderBy('id').limit(5).execute()).map((row) => row.id);
  /** SKUs with at least 3 on the shelf at a location (above any safety stock), first by SKU. */
  const stocked = async (locationId: string, count: number) =>
    (
      await db
        .selectFrom('stock_levels')
        .innerJoin('variants', 'variants.id', 'stock_levels.variant_id')
        .select('variants.sku')
        .where('stock_levels.location_id', '=', locationId)
        .where('stock_levels.on_hand', '>=', 3)
        .orderBy('variants.sku')
        .limit(count)
        .execute()
    ).map((row) => row.sku);
  const missingAtLastStore = await db
    .selectFrom('variants')
    .select('sku')
    .where('id', 'not in', (eb) => eb.selectFrom('stock_levels').select('variant_id').where('location_id', '=', stores[2]!.id).where('on_hand', '>', 0))
    .where('id', 'in', (eb) => eb.selectFrom('stock_levels').select('variant_id').where('location_id', '=', warehouse.id).where('on_hand', '>=', 3))
    .orderBy('sku')
    .executeTakeFirstOrThrow();

  const order = async (
    channelId: string,
    customerId: string,
    skus: string[],
    group: CreateOrder['deliveryGroups'][number],
    pay: (total: number) => CreateOrder['payments'],
  ): Promise<OrderRequest> => {
    const lines = skus.map((sku) => ({ sku, quantity: 1, deliveryGroup: 0 }));
    const priced = await quote(
      db,
      {
        channelId,
        customerId,
        lines,
        deliveryGroups: [{ method: group.method, lineIndexes: lines.map((_, index) => index), locationId: group.pickupLocationId }],
      },
      now,
    );
    return { principal: DEMO, input: { channelId, customer: { id: customerId }, lines, deliveryGroups: [group], payments: pay(priced.totals.total) } };
  };
  const card = (amount: number) => [{ method: 'card_online' as const, amount, card: CARD }];
  const requests = [
    await order(web.id, customers[0]!, await stocked(warehouse.id, 2), { method: 'ship_to_address', address: ADDRESS, recipient: '' }, card),
    await order(web.id, customers[1]!, await stocked(stores[0]!.id, 1), { method: 'pickup_in_store', pickupLocationId: stores[0]!.id, recipient: '' }, card),
    await order(web.id, customers[2]!, [missingAtLastStore.sku], { method: 'ship_to_store', pickupLocationId: stores[2]!.id, recipient: '' }, card),
    await order(
      register.id,
      customers[3]!,
      await stocked(stores[1]!.id, 1),
      { method: 'pickup_in_store', pickupLocationId: stores[1]!.id, fulfilmentLocationId: stores[1]!.id, recipient: '' },
      (amount) => [{ method: 'card_register', amount, reference: 'DEMO-TPE-0001' }],
    ),
    await order(
      phone.id,
      customers[4]!,
      await stocked(stores[0]!.id, 2),
      { method: 'pickup_in_store', pickupLocationId: stores[0]!.id, recipient: '' },
      (amount) => [{ method: 'pay_at_pickup', amount }],
    ),
  ];
  const placed = await placeOrders(db, requests, TEST_PROVIDERS, now);
  const views = placed.map((outcome) => {
    if ('error' in outcome) throw outcome.error;
    return outcome.order;
  });
  await db.transaction().execute(async (trx) => {
    await dispatchGroup(trx, DEMO, views[0]!.id, views[0]!.deliveryGroups[0]!.id, 'ship', TEST_PROVIDERS, {
      carrier: 'Colissimo',
      trackingNumber: '6A00000000001',
    });
    await markReadyForPickup(trx, DEMO, views[1]!.id, views[1]!.deliveryGroups[0]!.id, now);
  });
}
