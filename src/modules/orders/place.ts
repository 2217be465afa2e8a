import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { ChannelsTable } from '../../platform/db/schema.ts';
import type { DeliveryGroupsTable, OrderLinesTable, OrdersTable } from '../../platform/db/schema-orders.ts';
import { isConnectionLost } from '../../platform/db/connection-errors.ts';
import { anyOf, insertRows, isConditionFailed, writeIf, writeTogether } from '../../platform/db/statements.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { newId } from '../../platform/ids.ts';
import { Conflict, Forbidden, InvalidInput, RuleViolation } from '../../platform/http/problem.ts';
import { answerIdempotencyKeys, claimedWithAnswers, claimIdempotencyKeys, releaseIdempotencyKeys, storedAnswers, type IdempotencyClaim, type StoredAnswer } from '../../platform/http/idempotency.ts';
import { retrying } from '../../platform/http/unit-of-work.ts';
import { eventsInsert } from '../../platform/outbox.ts';
import { checkedChannel } from '../channels/service.ts';
import { createGuests, newGuestProfiles } from '../customers/service.ts';
import type { Guest } from '../customers/schema.ts';
import { decideReservations, deductReservation, reservationsIfAllFit, type ReserveRequest } from '../inventory/reservations.ts';
import { availableWhereChannelsFulfil } from '../inventory/availability.ts';
import { InsufficientStock, withSkus } from '../inventory/stock.ts';
import { capturePayments, newPayments, NO_PROVIDERS, paymentsInsert, requestAuthorizations, toPayment, voidApproved, type PaymentProviders, type TenderOutcome } from '../payments/service.ts';
import type { Quote } from '../pricing/schema.ts';
import { priceWith, pricingFacts, type CustomerDiscount, type PricingFacts } from '../pricing/service.ts';
import { nextDeliveryStatus, type DeliveryStatus } from './lifecycle.ts';
import { loadOrders, orderView } from './read.ts';
import { sellingSetupCache, type SellingSetup, type SellingSetups } from './selling-setup.ts';
import type { CreateOrder, OrderView } from './schema.ts';

/**
 * Placing orders, the same way from every channel. Orders arriving together are placed together (the order desk, service.ts): each
 * step below costs a fixed number of queries for the whole batch, and each order succeeds or fails on its own.
 *  1. check the channel, the lines and the delivery groups, and choose where each group's goods come from;
 *  2. price each order with the quote's own function (the order's totals are the quote's);
 *  3. authorise the payments OUTSIDE any transaction (a declined card never touches stock);
 *  4. write the batch, all of it or none: Idempotency-Keys, new customer profiles, stock reservations, orders,
 *     groups, lines, payments, timeline and outbox events in one statement when the whole batch fits (`placedAtOnce`);
 *     otherwise one transaction that also counts promotion uses and decides order by order: an order short of stock
 *     or of promotion uses is left out (a 409 for it alone) and its authorisations are voided.
 * A register order of goods on the shelf, paid at the counter, is completed and deducted at once.
 */

export interface OrderRequest {
  principal: Principal;
  input: CreateOrder;
  /** The request's Idempotency-Key, if it sent one: a retry is answered with the order placed the first time. */
  idempotency?: IdempotencyClaim | undefined;
}

/** The order placed (or, for a retried request, placed the first time), or the problem that refused it. */
export type OrderOutcome = { order: OrderView; replayed: boolean } | { error: unknown };

interface ResolvedGroup {
  index: number;
  method: CreateOrder['deliveryGroups'][number]['method'];
  fulfilmentLocationId: string;
  pickupLocationId: string | null;
  address: CreateOrder['deliveryGroups'][number]['address'] | null;
  recipient: string;
  lines: { index: number; sku: string; variantId: string; title: string; quantity: number }[];
}

/** What pricing hands the order: per input line and per group, and the totals. */
interface PricedOrder {
  currency: string;
  promotion: { id: string; code: string } | null;
  lines: { unitListPrice: number; unitPrice: number; discountTotal: number; minimumPriceApplied: boolean; taxRateBasisPoints: number; taxAmount: number; lineTotal: number }[];
  groups: { shippingFee: number; packingFee: number; promisedAt: Date | null }[];
  totals: { subtotal: number; discounts: number; shipping: number; packing: number; tax: number; total: number };
}

/** An order ready to be written: checked, priced and paid for (authorised). */
export interface PreparedOrder {
  request: OrderRequest;
  channel: Selectable<ChannelsTable>;
  groups: ResolvedGroup[];
  /** The profile the order belongs to when known before the transaction (by id, or guest details that matched). */
  customerId: string | undefined;
  contact: { email: string | null; phone: string | null };
  priced: PricedOrder;
  shelfSale: boolean;
  tenders: TenderOutcome[];
  /** Taken from the sequence before the transaction: an order refused later leaves a gap, as a rollback would. */
  number: string;
}

const HOUR = 3600_000;

/** The date promised to the customer per delivery method (routing and store capacity refine it later). */
function promisedDate(method: ResolvedGroup['method'], now: Date): Date {
  const hours = method === 'pickup_in_store' ? 2 : method === 'ship_to_address' ? 48 : 96;
  return new Date(now.getTime() + hours * HOUR);
}

/**
 * Places a batch of orders; never throws for one order's fault: each outcome says what became of its request. The
 * order desk passes the set-up it keeps (`setups`), and `wrote` to count how batches were written.
 */
export async function placeOrders(db: Db, requests: OrderRequest[], providers: PaymentProviders, now = new Date(), setups = sellingSetupCache(db), wrote?: (how: BatchWrite) => void): Promise<OrderOutcome[]> {
  const steps = await prepareBatch(db, requests, providers, now, setups);
  const ready = steps.filter((step): step is PreparedOrder => 'tenders' in step);
  const written = await writeBatch(db, ready, providers, now, wrote);
  let next = 0;
  return steps.map((step) => ('tenders' in step ? written[next++]! : step));
}

/**
 * Steps 1 to 3 for a batch: each request comes out ready to be written, or already answered (a retry of a request
 * already answered gets the stored answer, and nothing is authorised again; a refused one gets its problem).
 */
export async function prepareBatch(db: Db, requests: OrderRequest[], providers: PaymentProviders, now: Date, setups: SellingSetups): Promise<(PreparedOrder | OrderOutcome)[]> {
  const stored = await storedAnswers(db, requests.map((request) => request.idempotency));
  const answered = stored.map((answer): OrderOutcome | undefined => (answer === undefined ? undefined : answer instanceof Error ? { error: answer } : { order: answer.body as OrderView, replayed: true }));
  const pending = requests.flatMap((request, index) => (answered[index] ? [] : [request]));
  const prepared = await prepareOrders(db, pending, providers, now, setups);
  let next = 0;
  return answered.map((answer) => {
    if (answer) return answer;
    const result = prepared[next++]!;
    return result instanceof Error ? { error: result } : result;
  });
}

/**
 * Step 4 for orders ready to be written: one statement if the whole batch fits, else one transaction, or each order
 * alone if that fails as a whole (so that one bad order fails only itself). `wrote` is told which way the batch took.
 * The authorisations of an order not placed, or placed by an earlier copy of the same request, are voided.
 */
export async function writeBatch(db: Db, prepared: PreparedOrder[], providers: PaymentProviders, now: Date, wrote?: (how: BatchWrite) => void): Promise<OrderOutcome[]> {
  if (!prepared.length) return [];
  const atOnce = await placedAtOnce(db, prepared, now);
  wrote?.(Array.isArray(atOnce) ? 'one_statement' : atOnce);
  const written = Array.isArray(atOnce) ? atOnce : await writeInBatches(db, prepared, now);
  await Promise.all(written.map(async (outcome, index) => {
    if ('error' in outcome || outcome.replayed) await voidApproved(prepared[index]!.tenders, providers);
  }));
  return written;
}

/**
 * How a batch of orders was written: in one statement (`placedAtOnce`), or in a transaction that decided under lock,
 * because the batch needed it or a condition of the statement no longer held, or after the statement failed otherwise
 * (`transaction_after_error`: worth a look if it grows).
 */
export type BatchWrite = 'one_statement' | 'transaction' | 'transaction_after_error';

/**
 * The batch in one statement, without a transaction (`writeIf`), when every order in it can be taken as placed: the
 * statement reserves the stock, creates the guests' profiles, writes the orders and stores the answers under their
 * Idempotency-Keys only if, when it runs, every level has the stock for the whole batch and every guest contact and
 * key is still free. Otherwise it writes nothing, and the batch goes to the transaction, which decides order by order.
 * Not for orders with a promotion code (its uses are counted under lock, in arrival order, up to its limit), nor for
 * sales at the register, which capture and deduct after the write. One round trip instead of four: begin, lock,
 * write, commit.
 */
async function placedAtOnce(db: Db, batch: PreparedOrder[], now: Date): Promise<OrderOutcome[] | Exclude<BatchWrite, 'one_statement'>> {
  if (batch.some((order) => order.priced.promotion || order.shelfSale)) return 'transaction';
  const ids = batch.map(() => newId());
  const lines = batch.map(lineReservations);
  const stock = reservationsIfAllFit(batch.map((order, index) => reserveRequest(order, ids[index]!, lines[index]!)));
  const guests = batch.flatMap((order, index) => (order.customerId === undefined ? [index] : []));
  const profiles = newGuestProfiles(guests.map((index) => batch[index]!.request.input.customer as Guest));
  const customerOf = new Map(guests.map((index, position) => [index, profiles.ids[position]!]));
  const rows = batch.map((order, index) => orderRows(order, { id: ids[index]!, number: order.number, customerId: order.customerId ?? customerOf.get(index)!, lines: lines[index]!, now }));
  const outcomes = rows.map((row): OrderOutcome => ({ order: placedView(row), replayed: false }));
  const answers = claimedWithAnswers(batch.map((order, index) => ({ claim: order.request.idempotency, status: 201, body: (outcomes[index] as { order: OrderView }).order })));
  try {
    // Checked, and so locked, in the transaction's order: keys, stock rows, then the guests' contacts.
    await writeIf(db, [answers, stock.guard, profiles.guard], [...stock.writes, ...orderWrites(rows)]);
    return outcomes;
  } catch (error) {
    // The connection was lost: whether the statement committed is unknown. It wrote all or nothing, so the batch's
    // first order tells, asked on another connection: all placed, or none (every order answers 503, and the client's
    // retry with its Idempotency-Key finds its answer, or places it).
    if (isConnectionLost(error)) return (await placedAfterAll(db, ids[0]!)) ? outcomes : outcomes.map(() => ({ error }));
    // Nothing was written: the transaction says which order fails, and why.
    return isConditionFailed(error) ? 'transaction' : 'transaction_after_error';
  }
}

/** Whether an order a lost statement was writing is there after all (false if that cannot be told either). */
async function placedAfterAll(db: Db, orderId: string): Promise<boolean> {
  try {
    return (await db.selectFrom('orders').select('id').where('id', '=', orderId).executeTakeFirst()) !== undefined;
  } catch {
    return false;
  }
}

/** The batch in one transaction; if it fails as a whole, each order alone. */
async function writeInBatches(db: Db, prepared: PreparedOrder[], now: Date): Promise<OrderOutcome[]> {
  if (!prepared.length) return [];
  try {
    return await retrying(() => db.transaction().execute((trx) => writeOrders(trx, prepared, now)));
  } catch (error) {
    // A lost connection is not one bad order: the whole batch answers 503 (unknown whether the commit got through).
    if (prepared.length === 1 || isConnectionLost(error)) return prepared.map(() => ({ error }));
    return (await Promise.all(prepared.map((order) => writeInBatches(db, [order], now)))).flat();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Steps 1 to 3: read, check, price and authorise, outside any transaction. One round of queries for the batch: the
// order numbers, the set-up's version and the customers in one statement, and with the set-up kept in memory
// (channels, price lists, delivery rates, fulfilling locations, variants and prices) any variant not kept yet,
// promotion codes, and stock when a location is to be chosen. Should the version read be newer than the set-up kept
// (someone changed it), these are read again with the new one.

type Channel = Selectable<ChannelsTable>;

async function prepareOrders(db: Db, requests: OrderRequest[], providers: PaymentProviders, now: Date, setups: SellingSetups): Promise<(PreparedOrder | Error)[]> {
  if (!requests.length) return [];
  const kept = setups.kept();
  const early = kept && readWithSetup(db, requests, kept.setup);
  early?.catch(() => undefined); // awaited below unless the set-up turns out to be stale
  const { numbers, version, customers } = await ordersOwnReads(db, requests.map((request) => request.input.customer));
  const { setup, channels, facts, stock } = await (early && kept.version >= version ? early : readWithSetup(db, requests, setups.at(version)));
  const discounts = new Map(customers.flatMap((customer) => (customer instanceof Error || !customer.discount ? [] : [[customer.customerId!, customer.discount] as const])));

  return Promise.all(requests.map(async (request, index): Promise<PreparedOrder | Error> => {
    try {
      const channel = channels[index]!;
      if (channel instanceof Error) return channel;
      const customer = customers[index]!;
      if (customer instanceof Error) return customer;
      const groups = resolveGroups(request.input, channel, facts, setup.fulfilling, stock);
      const quote = priceWith({ ...facts, customers: discounts }, {
        channelId: channel.id,
        customerId: customer.customerId,
        lines: request.input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
        deliveryGroups: groups.map((group) => ({ method: group.method, lineIndexes: group.lines.map((line) => line.index), locationId: group.pickupLocationId ?? undefined })),
        promotionCode: request.input.promotionCode,
      }, channel, now);
      const priced = toPriced(quote, groups, now);
      const shelfSale = channel.type === 'register'
        && groups.every((group) => group.method === 'pickup_in_store' && group.pickupLocationId === channel.store_location_id && group.fulfilmentLocationId === channel.store_location_id)
        && request.input.payments.every((tender) => tender.method === 'cash' || tender.method === 'card_register');
      const authorizations = await requestAuthorizations(request.input.payments, priced.totals.total, priced.currency, `order:${channel.code}`, { providers });
      if (authorizations.outcome !== 'approved') return authorizations.problem;
      return {
        request, channel, groups, customerId: customer.customerId, contact: customer.contact, priced, shelfSale, tenders: authorizations.tenders,
        number: numbers[index]!,
      };
    } catch (error) {
      return error as Error;
    }
  }));
}

/** What the batch reads that depends on the set-up: each request's channel, the pricing facts, and stock if needed. */
async function readWithSetup(db: Db, requests: OrderRequest[], kept: Promise<SellingSetup>) {
  const setup = await kept;
  const channels = sellingChannels(setup, requests);
  const channelOf = (index: number) => (channels[index] instanceof Error ? undefined : (channels[index] as Channel));
  const channelIds = [...new Set(channels.flatMap((channel) => (channel instanceof Error ? [] : [channel.id])))];
  const skus = [...new Set(requests.flatMap((request) => request.input.lines.map((line) => line.sku)))];
  // Stock is read only when a group leaves the choice of its location to Aisle.
  const choosing = requests.some((request, index) => channelOf(index) && request.input.deliveryGroups.some((group) => group.fulfilmentLocationId === undefined && group.method !== 'pickup_in_store'));
  const [facts, stock] = await Promise.all([
    pricingFacts(db, requests.map(({ input }, index) => ({
      channel: channelOf(index), lines: input.lines, promotionCode: input.promotionCode, deliveryGroups: input.deliveryGroups.map((group) => ({ method: group.method })),
    })), setup),
    choosing ? availableWhereChannelsFulfil(db, skus, channelIds) : new Map<string, number>(),
  ]);
  return { setup, channels, facts, stock };
}

function toPriced(priced: Quote, groups: ResolvedGroup[], now: Date): PricedOrder {
  return {
    currency: priced.currency,
    promotion: priced.promotion?.applied ? { id: priced.promotion.id, code: priced.promotion.code } : null,
    lines: priced.lines.map((line) => ({
      unitListPrice: line.unitListPrice,
      unitPrice: Math.round((line.listTotal - line.discountTotal) / line.quantity),
      discountTotal: line.discountTotal,
      minimumPriceApplied: line.minimumPriceApplied,
      taxRateBasisPoints: line.taxRateBasisPoints,
      taxAmount: line.tax,
      lineTotal: line.lineTotal,
    })),
    groups: priced.deliveryGroups.map((group, index) => ({
      shippingFee: group.shippingFee,
      packingFee: group.packingFee,
      promisedAt: groups[index]!.method === 'pickup_in_store' && groups[index]!.pickupLocationId === null ? null : promisedDate(groups[index]!.method, now),
    })),
    totals: {
      subtotal: priced.totals.subtotal, discounts: priced.totals.discountTotal, shipping: priced.totals.shippingTotal,
      packing: priced.totals.packingTotal, tax: priced.totals.taxTotal, total: priced.totals.total,
    },
  };
}

/** The selling channel of each request: a channel key's own; otherwise the one named, or for store staff their store's register. */
function sellingChannels(setup: SellingSetup, requests: OrderRequest[]): (Channel | Error)[] {
  return requests.map(({ principal, input }) => {
    try {
      const id = principal.role === 'channel' ? principal.channelId! : input.channelId ?? (principal.role === 'store' ? setup.registers.get(principal.locationId!) : undefined);
      if (id === undefined) throw new InvalidInput([{ field: 'body.channelId', message: 'is required' }]);
      const channel = checkedChannel(setup.channels.get(id), id);
      assertChannelMayOrder(principal, channel);
      return channel;
    } catch (error) {
      return error as Error;
    }
  });
}

type Fulfilling = SellingSetup['fulfilling'];

/**
 * Checks an order's groups and chooses each group's fulfilment location (routing rules refine this choice later):
 * the one asked for, else a location of the channel that can send every line, warehouses first, then most stock.
 */
function resolveGroups(input: CreateOrder, channel: Channel, facts: PricingFacts, fulfilling: Fulfilling, stock: Map<string, number>): ResolvedGroup[] {
  const errors = input.lines.flatMap((line, index) => [
    ...(facts.variants.has(line.sku) ? [] : [{ field: `body.lines.${index}.sku`, message: `SKU ${line.sku} does not exist` }]),
    ...(line.deliveryGroup < input.deliveryGroups.length ? [] : [{ field: `body.lines.${index}.deliveryGroup`, message: 'names no delivery group' }]),
  ]);
  if (errors.length) throw new InvalidInput(errors);
  const usable = new Map(fulfilling.filter((row) => row.channel_id === channel.id).map((row) => [row.id, row]));
  return input.deliveryGroups.map((group, index) => {
    const lines = input.lines.flatMap((line, lineIndex) => {
      if (line.deliveryGroup !== index) return [];
      const variant = facts.variants.get(line.sku)!;
      const title = [variant.product_title, variant.title].filter((part, i, all) => part && all.indexOf(part) === i).join(' – ');
      return [{ index: lineIndex, sku: line.sku, variantId: variant.id, quantity: line.quantity, title }];
    });
    const field = `body.deliveryGroups.${index}`;
    if (!lines.length) throw new InvalidInput([{ field, message: 'has no lines' }]);
    if (group.pickupLocationId !== undefined) {
      const store = usable.get(group.pickupLocationId);
      if (!store || !store.capabilities.includes('click_and_collect')) {
        throw new RuleViolation('not-a-pickup-store', `Location ${group.pickupLocationId} does not hand over this channel's orders.`, { field: `${field}.pickupLocationId` });
      }
    }
    const chosen = group.fulfilmentLocationId ?? (group.method === 'pickup_in_store' ? group.pickupLocationId : undefined);
    if (chosen !== undefined && !usable.has(chosen)) {
      throw new RuleViolation('location-not-in-channel', `Location ${chosen} does not fulfil this channel's orders.`, { field: `${field}.fulfilmentLocationId` });
    }
    if (group.method === 'ship_to_store' && chosen !== undefined && chosen === group.pickupLocationId) {
      throw new InvalidInput([{ field: `${field}.fulfilmentLocationId`, message: 'is the pickup store itself: goods already there are picked up in store (pickup_in_store)' }]);
    }
    return {
      index, method: group.method, pickupLocationId: group.pickupLocationId ?? null, address: group.address ?? null, recipient: group.recipient ?? '', lines,
      fulfilmentLocationId: chosen ?? locationWithEverything(lines, [...usable.values()].filter((location) => location.id !== group.pickupLocationId), stock),
    };
  });
}

/** The default choice: a location that can send every line of the group, warehouses first, then most stock. */
function locationWithEverything(lines: ResolvedGroup['lines'], candidates: Fulfilling, stock: Map<string, number>): string {
  const need = new Map<string, number>();
  for (const line of lines) need.set(line.variantId, (need.get(line.variantId) ?? 0) + line.quantity);
  const able = candidates
    .map((location) => ({ location, depth: Math.min(...[...need].map(([variantId, quantity]) => (stock.get(`${variantId}|${location.id}`) ?? 0) - quantity)) }))
    .filter((candidate) => candidate.depth >= 0)
    .sort((a, b) => Number(b.location.type === 'warehouse') - Number(a.location.type === 'warehouse') || b.depth - a.depth);
  if (able.length) return able[0]!.location.id;
  throw new InsufficientStock([...need].map(([variantId, quantity]) => ({
    sku: lines.find((line) => line.variantId === variantId)!.sku, variantId, locationId: '', requested: quantity,
    available: candidates.reduce((sum, location) => sum + (stock.get(`${variantId}|${location.id}`) ?? 0), 0),
  })));
}

type KnownCustomer = { customerId: string | undefined; contact: { email: string | null; phone: string | null }; discount?: CustomerDiscount };
type Profile = { by: 'id' | 'email' | 'phone'; key: string; id: string; own: number; group: number | null; emails: string[]; phones: string[] };

/**
 * What the batch reads of its own, in one statement: an order number per order (taken from the sequence now: an order
 * refused later leaves a gap, as a rollback would), the set-up's version, and the profile of each order when it is
 * already known: named by id (it must exist), or guest details an existing profile has (email first, then phone), so
 * that its discounts apply to the price. Unmatched guests get a profile when the order is written. The order keeps
 * the email and phone given, else the profile's.
 */
async function ordersOwnReads(db: Db, customers: CreateOrder['customer'][]) {
  const ids = [...new Set(customers.flatMap((customer) => ('id' in customer ? [customer.id] : [])))];
  const emails = [...new Set(customers.flatMap((customer) => ('email' in customer && customer.email ? [customer.email.toLowerCase()] : [])))];
  const phones = [...new Set(customers.flatMap((customer) => ('phone' in customer && customer.phone ? [customer.phone] : [])))];
  // Three indexed look-ups: by id, by email, by phone.
  const profile = sql`c.id, c.discount_basis_points as own, g.discount_basis_points as "group",
    array(select email from customer_emails e where e.customer_id = c.id order by email) as emails,
    array(select phone from customer_phones p where p.customer_id = c.id order by phone) as phones`;
  const { rows: [read] } = await sql<{ numbers: string[]; version: number; profiles: Profile[] }>`
    select array(select nextval('order_numbers')::text from generate_series(1, ${customers.length}::int)) as numbers,
      (select version from reference_data_version) as version,
      (select coalesce(json_agg(known), '[]') from (
        select 'id' as by, c.id::text as key, ${profile}
        from customers c left join customer_groups g on g.id = c.customer_group_id where c.id = any(${ids}::uuid[])
        union all
        select 'email', m.email, ${profile}
        from customer_emails m join customers c on c.id = m.customer_id left join customer_groups g on g.id = c.customer_group_id where m.email = any(${emails}::text[])
        union all
        select 'phone', m.phone, ${profile}
        from customer_phones m join customers c on c.id = m.customer_id left join customer_groups g on g.id = c.customer_group_id where m.phone = any(${phones}::text[])
      ) known) as profiles`.execute(db);
  const { numbers, version, profiles } = read!;
  const by = (kind: Profile['by']) => new Map(profiles.filter((row) => row.by === kind).map((row) => [row.key, row]));
  const [byId, byEmail, byPhone] = [by('id'), by('email'), by('phone')];
  return {
    numbers,
    version,
    customers: customers.map((customer): KnownCustomer | Error => {
      if ('id' in customer) {
        const profile = byId.get(customer.id);
        if (!profile) return new InvalidInput([{ field: 'body.customer.id', message: 'no such customer' }]);
        return { customerId: profile.id, contact: { email: profile.emails[0] ?? null, phone: profile.phones[0] ?? null }, discount: profile };
      }
      const email = customer.email?.toLowerCase() ?? null;
      const phone = customer.phone ?? null;
      const profile = (email !== null ? byEmail.get(email) : undefined) ?? (phone !== null ? byPhone.get(phone) : undefined);
      return { customerId: profile?.id, contact: { email, phone }, ...(profile ? { discount: profile } : {}) };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4: the batch's transaction.

async function writeOrders(trx: Trx, batch: PreparedOrder[], now: Date): Promise<OrderOutcome[]> {
  const outcomes: (OrderOutcome | undefined)[] = new Array(batch.length);
  const claims = await claimIdempotencyKeys(trx, batch.map((order) => order.request.idempotency));
  claims.forEach((claim, index) => {
    if (claim === 'claimed') return;
    outcomes[index] = claim instanceof Error ? { error: claim } : { order: (claim as StoredAnswer).body as OrderView, replayed: true };
  });
  const live = () => batch.flatMap((order, index) => (outcomes[index] ? [] : [index]));

  // Promotion uses, in arrival order, up to each code's limit (the rows stay locked until commit).
  const promotionIds = [...new Set(live().flatMap((index) => (batch[index]!.priced.promotion ? [batch[index]!.priced.promotion!.id] : [])))].sort();
  const promotions = new Map(
    (promotionIds.length
      ? await trx.selectFrom('promotions').select(['id', 'code', 'times_used', 'usage_limit']).where('id', '=', anyOf(promotionIds, 'uuid')).orderBy('id').forUpdate().execute()
      : []).map((row) => [row.id, { ...row, uses: [] as number[] }]),
  );
  for (const index of live()) {
    const promotion = batch[index]!.priced.promotion && promotions.get(batch[index]!.priced.promotion!.id)!;
    if (!promotion) continue;
    if (promotion.usage_limit !== null && promotion.times_used + promotion.uses.length >= promotion.usage_limit) {
      outcomes[index] = { error: new Conflict('promotion-exhausted', `Promotion code ${promotion.code} has been used as many times as it may be.`, { promotionId: promotion.id, promotionCode: promotion.code }) };
    } else {
      promotion.uses.push(index);
    }
  }

  // Stock: one locking read for every line of the batch, decided in memory (an order is reserved whole or not at all);
  // the writes go with the orders' own.
  const ids = new Map(live().map((index) => [index, newId()]));
  const lines = new Map(live().map((index) => [index, lineReservations(batch[index]!)]));
  const reserving = live();
  const { outcomes: grants, writes: stockWrites } = await decideReservations(trx, reserving.map((index) => reserveRequest(batch[index]!, ids.get(index)!, lines.get(index)!)));
  const short = grants.flatMap((grant, position) => ('shortages' in grant ? [{ index: reserving[position]!, shortages: grant.shortages }] : []));
  if (short.length) {
    const named = await withSkus(trx, short.flatMap(({ shortages }) => shortages));
    let at = 0;
    for (const { index, shortages } of short) {
      outcomes[index] = { error: new InsufficientStock(named.slice(at, at + shortages.length)) };
      at += shortages.length;
    }
  }

  const placed = live();
  if (placed.length) {
    // New profiles for the guests nobody knew, of the orders placed only: a refused order leaves nothing behind.
    const guests = placed.filter((index) => batch[index]!.customerId === undefined);
    const created = await createGuests(trx, guests.map((index) => batch[index]!.request.input.customer as Guest));
    const customerOf = new Map(guests.map((index, position) => [index, created[position]!]));
    const rows = placed.map((index) => orderRows(batch[index]!, {
      id: ids.get(index)!, number: batch[index]!.number, customerId: batch[index]!.customerId ?? customerOf.get(index)!, lines: lines.get(index)!, now,
    }));
    const isPlaced = new Set(placed);
    const uses = [...promotions.values()].map((promotion) => ({ ...promotion, uses: promotion.uses.filter((index) => isPlaced.has(index)) })).filter((promotion) => promotion.uses.length);
    await writeTogether(trx, [
      ...stockWrites,
      ...orderWrites(rows),
      insertRows('promotion_redemptions', { promotion_id: 'uuid', reference: 'text' }, uses.flatMap((promotion) => promotion.uses.map((index) => ({ promotion_id: promotion.id, reference: ids.get(index)! })))),
      uses.length
        ? sql`update promotions p set times_used = p.times_used + u.n from unnest(${uses.map((use) => use.id)}::uuid[], ${uses.map((use) => use.uses.length)}::int[]) as u(id, n) where p.id = u.id`
        : null,
    ]);
    // Goods on the shelf, paid at the counter: they leave with the customer now.
    const shelfSales = placed.filter((index) => batch[index]!.shelfSale);
    for (const index of shelfSales) {
      const { actor } = batch[index]!.request.principal;
      await capturePayments(trx, ids.get(index)!, 'all', actor, { at: 'pickup', providers: NO_PROVIDERS });
      for (const line of lines.get(index)!) await deductReservation(trx, line.reservationId, actor, 'register sale');
    }
    // The answers are the rows just written (a shelf sale's payments have moved on since: read them back).
    const settled = new Map((await loadOrders(trx, shelfSales.map((index) => ids.get(index)!))).map((view) => [view.id, view]));
    placed.forEach((index, position) => {
      const row = rows[position]!;
      const view = settled.get(row.order.id) ?? placedView(row);
      outcomes[index] = { order: view, replayed: false };
    });
    await answerIdempotencyKeys(trx, placed.map((index) => ({ claim: batch[index]!.request.idempotency, status: 201, body: (outcomes[index] as { order: OrderView }).order })));
  }
  // A refused order stores nothing under its key, so that it can be sent again with the same one.
  await releaseIdempotencyKeys(trx, batch.map((order, index) => (claims[index] === 'claimed' && 'error' in outcomes[index]! ? order.request.idempotency : undefined)));
  return outcomes as OrderOutcome[];
}

const ORDER_COLUMNS = {
  id: 'uuid', number: 'text', channel_id: 'uuid', customer_id: 'uuid', status: 'text', currency: 'text', subtotal: 'bigint', discount_total: 'bigint',
  shipping_total: 'bigint', packing_total: 'bigint', tax_total: 'bigint', total: 'bigint', promotion_code: 'text', email: 'text', phone: 'text',
  placed_by: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const GROUP_COLUMNS = {
  id: 'uuid', order_id: 'uuid', position: 'int', method: 'text', status: 'text', fulfilment_location_id: 'uuid', pickup_location_id: 'uuid', address: 'jsonb',
  recipient: 'text', shipping_fee: 'bigint', packing_fee: 'bigint', promised_at: 'timestamptz', transfer_id: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const TRANSFER_COLUMNS = {
  id: 'uuid', number: 'text', from_location_id: 'uuid', to_location_id: 'uuid', status: 'text', expected_at: 'timestamptz', note: 'text', created_by: 'text', created_at: 'timestamptz',
};
const LINE_COLUMNS = {
  id: 'uuid', order_id: 'uuid', delivery_group_id: 'uuid', position: 'int', variant_id: 'uuid', sku: 'text', title: 'text', quantity: 'int',
  unit_list_price: 'bigint', unit_price: 'bigint', discount_total: 'bigint', minimum_price_applied: 'boolean', tax_rate_basis_points: 'int',
  tax_amount: 'bigint', line_total: 'bigint', reservation_id: 'uuid',
};

type OrderLine = ResolvedGroup['lines'][number] & { group: ResolvedGroup; reservationId: string };

/** The order's lines, each with the id its stock reservation will have. */
const lineReservations = (order: PreparedOrder): OrderLine[] => order.groups.flatMap((group) => group.lines.map((line) => ({ ...line, group, reservationId: newId() })));

/** The stock an order reserves: each line at its group's fulfilment location. */
const reserveRequest = (order: PreparedOrder, orderId: string, lines: OrderLine[]): ReserveRequest => ({
  kind: 'order', actor: order.request.principal.actor, channelId: order.channel.id, referenceType: 'order', referenceId: orderId,
  lines: lines.map((line) => ({ id: line.reservationId, variantId: line.variantId, locationId: line.group.fulfilmentLocationId, quantity: line.quantity })),
});

type OrderRows = ReturnType<typeof orderRows>;

/** The inserts of the orders' rows: orders, transfers, groups, lines, timeline, payments and outbox events. */
function orderWrites(rows: OrderRows[]): (RawBuilder<unknown> | null)[] {
  return [
    insertRows('orders', ORDER_COLUMNS, rows.map((row) => row.order)),
    insertRows('transfers', TRANSFER_COLUMNS, rows.flatMap((row) => row.transfers.map((transfer) => transfer.row))),
    insertRows('transfer_lines', { transfer_id: 'uuid', variant_id: 'uuid', quantity: 'int' }, rows.flatMap((row) => row.transfers.flatMap((transfer) => transfer.lines))),
    insertRows('delivery_groups', GROUP_COLUMNS, rows.flatMap((row) => row.groups)),
    insertRows('order_lines', LINE_COLUMNS, rows.flatMap((row) => row.lines)),
    insertRows('order_events', { order_id: 'uuid', type: 'text', detail: 'jsonb', actor: 'text', channel_id: 'uuid', created_at: 'timestamptz' }, rows.flatMap((row) => row.timeline)),
    ...paymentsInsert(rows.flatMap((row) => row.payments)),
    eventsInsert(rows.map((row) => row.event)),
  ];
}

/** The order as the rows just written say (a placed order's answer). */
const placedView = (row: OrderRows) => orderView(row.order, row.groups, row.lines, row.payments.map(({ row: payment }) => toPayment(payment)));

/** Every row one order writes, as it will read back. */
function orderRows(order: PreparedOrder, ids: { id: string; number: string; customerId: string; lines: OrderLine[]; now: Date }) {
  const { channel, priced, request } = order;
  const { actor } = request.principal;
  const now = ids.now;
  const groupIds = new Map(order.groups.map((group) => [group.index, newId()]));
  // Ship to store: a transfer from the location holding the goods to the pickup store, ready for the sender to ship.
  const transfers = order.groups.filter((group) => group.method === 'ship_to_store').map((group) => {
    const quantities = new Map<string, number>();
    for (const line of group.lines) quantities.set(line.variantId, (quantities.get(line.variantId) ?? 0) + line.quantity);
    const id = newId();
    return {
      group: group.index,
      row: {
        id, number: `TR-${ids.number}-${group.index + 1}`, from_location_id: group.fulfilmentLocationId, to_location_id: group.pickupLocationId!, status: 'draft',
        expected_at: priced.groups[group.index]!.promisedAt, note: `Ship to store: order ${ids.number}`, created_by: actor, created_at: now,
      },
      lines: [...quantities].map(([variantId, quantity]) => ({ transfer_id: id, variant_id: variantId, quantity })),
    };
  });
  const transferOf = new Map(transfers.map((transfer) => [transfer.group, transfer.row.id]));
  const groups: Selectable<DeliveryGroupsTable>[] = order.groups.map((group) => ({
    id: groupIds.get(group.index)!, order_id: ids.id, position: group.index, method: group.method,
    // A shelf sale is handed over on the spot; ship to store waits for its transfer.
    status: (order.shelfSale ? nextDeliveryStatus('reserved', 'hand_over_at_register') : group.method === 'ship_to_store' ? 'awaiting_transfer' : 'reserved') satisfies DeliveryStatus,
    fulfilment_location_id: group.fulfilmentLocationId, pickup_location_id: group.pickupLocationId, address: group.address ?? null,
    recipient: group.recipient, shipping_fee: priced.groups[group.index]!.shippingFee, packing_fee: priced.groups[group.index]!.packingFee,
    promised_at: priced.groups[group.index]!.promisedAt, carrier: null, tracking_number: null, transfer_id: transferOf.get(group.index) ?? null,
    created_at: now, updated_at: now,
  }));
  const lines: Selectable<OrderLinesTable>[] = ids.lines.map((line) => {
    const price = priced.lines[line.index]!;
    return {
      id: newId(), order_id: ids.id, delivery_group_id: groupIds.get(line.group.index)!, position: line.index, variant_id: line.variantId, sku: line.sku,
      title: line.title, quantity: line.quantity, cancelled_quantity: 0, unit_list_price: price.unitListPrice, unit_price: price.unitPrice,
      discount_total: price.discountTotal, minimum_price_applied: price.minimumPriceApplied, tax_rate_basis_points: price.taxRateBasisPoints,
      tax_amount: price.taxAmount, line_total: price.lineTotal, reservation_id: line.reservationId,
    };
  }).sort((a, b) => a.position - b.position);
  const { input } = request;
  const email = ('email' in input.customer && input.customer.email?.toLowerCase()) || order.contact.email || null;
  const phone = ('phone' in input.customer && input.customer.phone) || order.contact.phone || null;
  const event = (type: string, detail: Record<string, unknown>) => ({ order_id: ids.id, type, detail, actor, channel_id: channel.id, created_at: now });
  return {
    order: {
      id: ids.id, number: ids.number, channel_id: channel.id, customer_id: ids.customerId, status: order.shelfSale ? 'completed' : 'placed', currency: priced.currency,
      subtotal: priced.totals.subtotal, discount_total: priced.totals.discounts, shipping_total: priced.totals.shipping, packing_total: priced.totals.packing,
      tax_total: priced.totals.tax, total: priced.totals.total, promotion_code: priced.promotion?.code ?? null, email, phone, placed_by: actor, created_at: now, updated_at: now,
    } satisfies Selectable<OrdersTable>,
    groups,
    lines,
    transfers,
    payments: newPayments(ids.id, order.tenders, actor, now),
    timeline: [
      event('order.placed', { number: ids.number, total: priced.totals.total, currency: priced.currency, lines: lines.length }),
      ...(input.note ? [event('note.added', { text: input.note })] : []),
      ...(order.shelfSale ? [event('order.completed', { at: 'register' })] : []),
    ],
    event: {
      type: 'order.placed' as const, subject: `order:${ids.id}`,
      payload: { orderId: ids.id, number: ids.number, channelId: channel.id, total: priced.totals.total, currency: priced.currency },
    },
  };
}

function assertChannelMayOrder(principal: Principal, channel: { id: string; store_location_id: string | null }) {
  if (principal.role === 'store' && channel.store_location_id !== null && channel.store_location_id !== principal.locationId) {
    throw new Forbidden('Store staff order through the registers of their own store.');
  }
}
