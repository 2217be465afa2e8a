import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { paired, present } from '../../../platform/batches.ts';
import { Forbidden, InvalidInput } from '../../../platform/errors.ts';
import { storedAnswers } from '../../../platform/http/idempotency.ts';
import { checkedChannel } from '../../channels/service.ts';
import { matchBuyers, profilesQuery, type MatchedProfile } from '../../customers/matching.ts';
import { availableWhereChannelsFulfil } from '../../inventory/availability.ts';
import { levelsOf } from '../../routing/network.ts';
import { requestAuthorizations, type PaymentProviders } from '../../payments/service.ts';
import type { Quote } from '../../pricing/schema.ts';
import { assertMayDiscountByHand } from '../../pricing/manual-discounts.ts';
import { priceWith, pricingFacts } from '../../pricing/service.ts';
import { assertMaySellOffline } from '../../register/offline-sales.ts';
import { assertMaySellAt, registersOnDuty } from '../../register/order-check.ts';
import type { SellingSetup, SellingSetups } from '../selling-setup.ts';
import type { CreateOrder, OrderView } from '../schema.ts';
import { checkGroups, promisedDate } from './groups.ts';
import { candidatesOf, fulfillingLocations, routedWithIncoming, routeOrderGroups } from './route.ts';
import { batchRouting } from './routing-facts.ts';
import type { Channel, LinePrice, OrderOutcome, OrderRequest, PreparedGroup, PreparedOrder, PricedOrder, ResolvedGroup, ResolvedLine } from './types.ts';

/**
 * Steps 1 to 3 of placing orders (index.ts): read, check, price and authorise, outside any transaction. One round of
 * queries for the batch: the order numbers, the set-up's version and the buyers' profiles in one statement, and with
 * the set-up kept in memory (channels, price lists, delivery rates, fulfilling locations, variants and prices) any
 * variant not kept yet, promotion codes, and stock when a location is to be chosen. Should the version read be newer
 * than the set-up kept (someone changed it), these are read again with the new one.
 */

/**
 * Each request comes out ready to be written, or already answered (a retry of a request already answered gets the
 * stored answer, and nothing is authorised again; a refused one gets its problem).
 */
export async function prepareBatch(
  db: Db,
  requests: OrderRequest[],
  providers: PaymentProviders,
  now: Date,
  setups: SellingSetups,
): Promise<(PreparedOrder | OrderOutcome)[]> {
  const stored = paired(
    requests,
    await storedAnswers(
      db,
      requests.map((request) => request.idempotency),
    ),
  );
  const pending = stored.flatMap(([request, answer]) => (answer === undefined ? [request] : []));
  const prepared = new Map(paired(pending, await prepareOrders(db, pending, providers, now, setups)));
  return stored.map(([request, answer]): PreparedOrder | OrderOutcome => {
    if (answer !== undefined) return answer instanceof Error ? { error: answer } : { order: answer.body as OrderView, replayed: true };
    const result = prepared.get(request) ?? new Error('the request was not prepared');
    return result instanceof Error ? { error: result } : result;
  });
}

async function prepareOrders(
  db: Db,
  requests: OrderRequest[],
  providers: PaymentProviders,
  now: Date,
  setups: SellingSetups,
): Promise<(PreparedOrder | Error)[]> {
  if (!requests.length) return [];
  const kept = setups.kept();
  const early = kept && readWithSetup(db, requests, kept.setup, now);
  early?.catch(() => undefined); // awaited below unless the set-up turns out to be stale
  const buyers = requests.map((request) => request.input.customer);
  // Sales at a register: their registers, read alongside (only batches with one pay for it).
  const registerIds = requests.flatMap((request) => request.input.registerId ?? []);
  const onDuty = registerIds.length ? registersOnDuty(db, registerIds) : undefined;
  onDuty?.catch(() => undefined); // awaited below
  const { numbers, version, profiles } = await batchOwnReads(db, buyers);
  const registers = onDuty && (await onDuty);
  const { setup, channels, facts, routing } = await (early && kept.version >= version ? early : readWithSetup(db, requests, setups.at(version), now));
  const known = matchBuyers(buyers, profiles);
  const discounts = new Map(
    known.flatMap((buyer) =>
      buyer instanceof Error || !buyer.discount || buyer.customerId === undefined ? [] : [[buyer.customerId, buyer.discount] as const],
    ),
  );
  const orders = paired(paired(paired(requests, channels), known), numbers);
  // The locations each channel fulfils from, in routing's order (by code), once per batch.
  const fulfillingByChannel = new Map<string, string[]>();
  const fulfillingOf = (channelId: string) => {
    let ids = fulfillingByChannel.get(channelId);
    if (!ids) {
      fulfillingByChannel.set(channelId, (ids = fulfillingLocations(setup, channelId)));
    }
    return ids;
  };
  const vendors = dropShipVendors(setup);

  return Promise.all(
    orders.map(async ([[[request, channel], buyer], number]): Promise<PreparedOrder | Error> => {
      try {
        if (channel instanceof Error) return channel;
        if (buyer instanceof Error) return buyer;
        const { registerId } = request.input;
        if (registerId !== undefined) assertMaySellAt(request.principal, channel, registerId, registers?.get(registerId));
        assertMayDiscountByHand(request.principal, request.input.lines);
        const checked = checkGroups(request.input, channel, facts, setup.fulfilling, now);
        const quote = priceWith(
          { ...facts, customers: discounts },
          {
            channelId: channel.id,
            customerId: buyer.customerId,
            lines: request.input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, discount: line.discount })),
            deliveryGroups: checked.map((group) => ({
              method: group.method,
              lineIndexes: group.lines.map((line) => line.index),
              locationId: group.pickupLocationId ?? undefined,
            })),
            promotionCode: request.input.promotionCode,
          },
          channel,
          now,
        );
        const fulfilling = fulfillingOf(channel.id);
        const groups = await routedWithIncoming(routing, () =>
          routeOrderGroups(
            { channelId: channel.id, priority: request.input.priority ?? 0, lineCount: request.input.lines.length, groupCount: checked.length },
            checked.map((group) => ({ ...group, lines: group.lines.map((line) => ({ ...line, value: quote.lines[line.index]?.lineTotal ?? 0 })) })),
            (group) => candidatesOf(fulfilling, group),
            routing,
          ),
        );
        const { priced, groups: pricedGroups } = toPriced(quote, groups, now);
        const shelfSale =
          channel.type === 'register' &&
          groups.every(
            (group) =>
              group.method === 'pickup_in_store' &&
              group.pickupLocationId === channel.store_location_id &&
              group.fulfilmentLocationId === channel.store_location_id,
          ) &&
          request.input.payments.every((tender) => tender.method === 'cash' || tender.method === 'card_register');
        const { soldOfflineAt } = request.input;
        if (soldOfflineAt !== undefined) assertMaySellOffline({ ...request.input, soldOfflineAt, shelfSale }, now);
        const authorizations = await requestAuthorizations(request.input.payments, priced.totals.total, priced.currency, `order:${channel.code}`, {
          providers,
        });
        if (authorizations.outcome !== 'approved') return authorizations.problem;
        return {
          request,
          channel,
          groups: pricedGroups,
          customerId: buyer.customerId,
          contact: buyer.contact,
          priced,
          shelfSale,
          vendors: vendors.get(channel.id) ?? NO_VENDORS,
          tenders: authorizations.tenders,
          number,
        };
      } catch (error) {
        return error as Error;
      }
    }),
  );
}

/**
 * What the batch reads of its own, in one statement: an order number per order (taken from the sequence now: an order
 * refused later leaves a gap, as a rollback would), the set-up's version, and the profiles the buyers name or match
 * (customers/matching.ts).
 */
async function batchOwnReads(db: Db, buyers: CreateOrder['customer'][]) {
  const {
    rows: [read],
  } = await sql<{ numbers: string[]; version: number; profiles: MatchedProfile[] }>`
    select array(select nextval('order_numbers')::text from generate_series(1, ${buyers.length}::int)) as numbers,
      (select version from reference_data_version) as version,
      ${profilesQuery(buyers)} as profiles`.execute(db);
  if (!read) throw new Error('the batch read answered no row');
  return read;
}

/** What the batch reads that depends on the set-up: each request's channel, the pricing facts, and stock if needed. */
async function readWithSetup(db: Db, requests: OrderRequest[], kept: Promise<SellingSetup>, now: Date) {
  const setup = await kept;
  const channels = sellingChannels(setup, requests);
  const usable = paired(requests, channels).map(([request, channel]) => ({ request, channel: channel instanceof Error ? undefined : channel }));
  const channelIds = [...new Set(usable.flatMap(({ channel }) => (channel ? [channel.id] : [])))];
  const skus = [...new Set(requests.flatMap((request) => request.input.lines.map((line) => line.sku)))];
  // Stock is read only when a group leaves the choice of its location to Aisle.
  const routed = usable.flatMap(({ request, channel }) =>
    channel && request.input.deliveryGroups.some(isRouted) ? [{ channelId: channel.id, input: request.input }] : [],
  );
  const [facts, stock] = await Promise.all([
    pricingFacts(
      db,
      usable.map(({ request: { input }, channel }) => ({
        channel,
        lines: input.lines,
        promotionCode: input.promotionCode,
        deliveryGroups: input.deliveryGroups.map((group) => ({ method: group.method })),
      })),
      setup,
    ),
    routed.length ? availableWhereChannelsFulfil(db, skus, channelIds) : new Map<string, number>(),
  ]);
  const routing = await batchRouting(
    db,
    setup.routing,
    routed,
    levelsOf(stock),
    () => [...new Set(skus.flatMap((sku) => facts.variants.get(sku)?.id ?? []))],
    now,
    { incoming: 'when needed' },
  );
  return { setup, channels, facts, routing };
}

const NO_VENDORS: ReadonlySet<string> = new Set();

/** Each channel's drop-ship vendors (a group one sends gets a purchase request: rows.ts). */
function dropShipVendors(setup: SellingSetup): Map<string, Set<string>> {
  const vendors = new Map<string, Set<string>>();
  for (const row of setup.fulfilling) if (row.type === 'dropship_vendor') vendors.set(row.channel_id, (vendors.get(row.channel_id) ?? new Set()).add(row.id));
  return vendors;
}

/** A group that leaves its location to Aisle: none named, and not picked up from the shelf of a store it names. */
const isRouted = (group: CreateOrder['deliveryGroups'][number]) =>
  group.fulfilmentLocationId === undefined && !(group.method === 'pickup_in_store' && group.pickupLocationId !== undefined);

/** The quote's figures, put on the order, its groups and its lines. */
function toPriced(quote: Quote, groups: ResolvedGroup[], now: Date): { priced: PricedOrder; groups: PreparedGroup[] } {
  const priced: PricedOrder = {
    currency: quote.currency,
    promotion: quote.promotion?.applied ? { id: quote.promotion.id, code: quote.promotion.code } : null,
    totals: {
      subtotal: quote.totals.subtotal,
      discounts: quote.totals.discountTotal,
      shipping: quote.totals.shippingTotal,
      packing: quote.totals.packingTotal,
      tax: quote.totals.taxTotal,
      total: quote.totals.total,
    },
  };
  const prices = linePrices(quote, groups);
  const feesTaken = new Set<number>();
  return {
    priced,
    groups: groups.map((group) => {
      // A split group's fees are on its first shipment.
      const fees = feesTaken.has(group.requestIndex) ? undefined : quote.deliveryGroups[group.requestIndex];
      feesTaken.add(group.requestIndex);
      return {
        ...group,
        shippingFee: fees?.shippingFee ?? 0,
        packingFee: fees?.packingFee ?? 0,
        // A parked group waits for a person: nothing can be promised yet.
        promisedAt: group.status === 'parked' ? null : promisedDate(group.method, group.availableAt ?? now),
        lines: group.lines.map((line) => ({ ...line, price: present(prices.get(line), "a line's price") })),
      };
    }),
  };
}

/**
 * Each line's price: the quote's for its request line, or for the parts of a line split by routing, shares by quantity
 * (the last part takes what rounding left, so that the parts add up to the line).
 */
function linePrices(quote: Quote, groups: ResolvedGroup[]): Map<ResolvedLine, LinePrice> {
  const parts = new Map<number, ResolvedLine[]>();
  for (const line of groups.flatMap((group) => group.lines)) parts.set(line.requestIndex, [...(parts.get(line.requestIndex) ?? []), line]);
  const prices = new Map<ResolvedLine, LinePrice>();
  for (const [requestIndex, lines] of parts) {
    const price = quote.lines[requestIndex];
    if (!price) throw new Error(`the quote has no line ${requestIndex}`);
    const manual = price.discounts.find((discount) => discount.source === 'manual');
    const whole = { discountTotal: price.discountTotal, taxAmount: price.tax, lineTotal: price.lineTotal, manual: manual?.amount ?? 0 };
    const left = { ...whole };
    lines.forEach((line, index) => {
      const last = index === lines.length - 1;
      const share = (key: keyof typeof left) => {
        const amount = last ? left[key] : Math.round((whole[key] * line.quantity) / price.quantity);
        left[key] -= amount;
        return amount;
      };
      prices.set(line, {
        unitListPrice: price.unitListPrice,
        unitPrice: Math.round((price.listTotal - price.discountTotal) / price.quantity),
        discountTotal: share('discountTotal'),
        minimumPriceApplied: price.minimumPriceApplied,
        manualDiscount: manual ? { amount: share('manual'), reason: manual.reason ?? '' } : null,
        taxRateBasisPoints: price.taxRateBasisPoints,
        taxAmount: share('taxAmount'),
        lineTotal: share('lineTotal'),
      });
    });
  }
  return prices;
}

/** The selling channel of each request: a channel key's own; otherwise the one named, or for store staff their store's register. */
function sellingChannels(setup: SellingSetup, requests: OrderRequest[]): (Channel | Error)[] {
  return requests.map(({ principal, input }) => {
    try {
      const id =
        principal.role === 'channel'
          ? (principal.channelId ?? undefined)
          : (input.channelId ?? (principal.role === 'store' && principal.locationId !== null ? setup.registers.get(principal.locationId) : undefined));
      if (id === undefined) throw new InvalidInput([{ field: 'body.channelId', message: 'is required' }]);
      const channel = checkedChannel(setup.channels.get(id), id);
      assertChannelMayOrder(principal, channel);
      return channel;
    } catch (error) {
      return error as Error;
    }
  });
}

function assertChannelMayOrder(principal: Principal, channel: { id: string; store_location_id: string | null }) {
  if (principal.role === 'store' && channel.store_location_id !== null && channel.store_location_id !== principal.locationId) {
    throw new Forbidden('Store staff order through the registers of their own store.');
  }
}
