// Over 300 lines: steps 1 to 3 of placing a batch, in their order: reads, checks, routing, pricing, authorisation; a function each.
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { paired } from '../../../platform/batches.ts';
import { Forbidden, InvalidInput, RuleViolation } from '../../../platform/errors.ts';
import { storedAnswers } from '../../../platform/http/idempotency.ts';
import { checkedChannel } from '../../channels/service.ts';
import { matchBuyers, profilesQuery, type MatchedProfile } from '../../customers/matching.ts';
import { availableWhereChannelsFulfil } from '../../inventory/availability.ts';
import { InsufficientStock, keyOf } from '../../inventory/stock.ts';
import { requestAuthorizations, type PaymentProviders } from '../../payments/service.ts';
import type { Quote } from '../../pricing/schema.ts';
import { priceWith, pricingFacts, type PricingFacts } from '../../pricing/service.ts';
import type { RoutingStrategy } from '../../routing/strategy.ts';
import { warehouseFirst } from '../../routing/warehouse-first.ts';
import type { SellingSetup, SellingSetups } from '../selling-setup.ts';
import type { CreateOrder, OrderView } from '../schema.ts';
import type { Channel, OrderOutcome, OrderRequest, PreparedGroup, PreparedOrder, PricedOrder, ResolvedGroup } from './types.ts';

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
  routing: RoutingStrategy = warehouseFirst,
): Promise<(PreparedOrder | OrderOutcome)[]> {
  const stored = paired(
    requests,
    await storedAnswers(
      db,
      requests.map((request) => request.idempotency),
    ),
  );
  const pending = stored.flatMap(([request, answer]) => (answer === undefined ? [request] : []));
  const prepared = new Map(paired(pending, await prepareOrders(db, pending, providers, now, setups, routing)));
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
  routing: RoutingStrategy,
): Promise<(PreparedOrder | Error)[]> {
  if (!requests.length) return [];
  const kept = setups.kept();
  const early = kept && readWithSetup(db, requests, kept.setup);
  early?.catch(() => undefined); // awaited below unless the set-up turns out to be stale
  const buyers = requests.map((request) => request.input.customer);
  const { numbers, version, profiles } = await batchOwnReads(db, buyers);
  const { setup, channels, facts, stock } = await (early && kept.version >= version ? early : readWithSetup(db, requests, setups.at(version)));
  const known = matchBuyers(buyers, profiles);
  const discounts = new Map(
    known.flatMap((buyer) =>
      buyer instanceof Error || !buyer.discount || buyer.customerId === undefined ? [] : [[buyer.customerId, buyer.discount] as const],
    ),
  );
  const stockAt = (variantId: string, locationId: string) => stock.get(keyOf(variantId, locationId)) ?? 0;
  const orders = paired(paired(paired(requests, channels), known), numbers);

  return Promise.all(
    orders.map(async ([[[request, channel], buyer], number]): Promise<PreparedOrder | Error> => {
      try {
        if (channel instanceof Error) return channel;
        if (buyer instanceof Error) return buyer;
        const groups = resolveGroups(request.input, channel, facts, setup.fulfilling, stockAt, routing);
        const quote = priceWith(
          { ...facts, customers: discounts },
          {
            channelId: channel.id,
            customerId: buyer.customerId,
            lines: request.input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
            deliveryGroups: groups.map((group) => ({
              method: group.method,
              lineIndexes: group.lines.map((line) => line.index),
              locationId: group.pickupLocationId ?? undefined,
            })),
            promotionCode: request.input.promotionCode,
          },
          channel,
          now,
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
async function readWithSetup(db: Db, requests: OrderRequest[], kept: Promise<SellingSetup>) {
  const setup = await kept;
  const channels = sellingChannels(setup, requests);
  const usable = paired(requests, channels).map(([request, channel]) => ({ request, channel: channel instanceof Error ? undefined : channel }));
  const channelIds = [...new Set(usable.flatMap(({ channel }) => (channel ? [channel.id] : [])))];
  const skus = [...new Set(requests.flatMap((request) => request.input.lines.map((line) => line.sku)))];
  // Stock is read only when a group leaves the choice of its location to Aisle.
  const choosing = usable.some(
    ({ request, channel }) =>
      channel && request.input.deliveryGroups.some((group) => group.fulfilmentLocationId === undefined && group.method !== 'pickup_in_store'),
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
    choosing ? availableWhereChannelsFulfil(db, skus, channelIds) : new Map<string, number>(),
  ]);
  return { setup, channels, facts, stock };
}

const HOUR = 3600_000;

/** The date promised to the customer per delivery method (routing and store capacity refine it later). */
function promisedDate(method: ResolvedGroup['method'], now: Date): Date {
  const hours = method === 'pickup_in_store' ? 2 : method === 'ship_to_address' ? 48 : 96;
  return new Date(now.getTime() + hours * HOUR);
}

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
  return {
    priced,
    groups: paired(groups, quote.deliveryGroups).map(([group, fees]) => ({
      ...group,
      shippingFee: fees.shippingFee,
      packingFee: fees.packingFee,
      promisedAt: group.method === 'pickup_in_store' && group.pickupLocationId === null ? null : promisedDate(group.method, now),
      lines: group.lines.map((line) => {
        // The quote answers per line of the request, in its order.
        const price = quote.lines[line.index];
        if (!price) throw new Error(`the quote has no line ${line.index}`);
        return {
          ...line,
          price: {
            unitListPrice: price.unitListPrice,
            unitPrice: Math.round((price.listTotal - price.discountTotal) / price.quantity),
            discountTotal: price.discountTotal,
            minimumPriceApplied: price.minimumPriceApplied,
            taxRateBasisPoints: price.taxRateBasisPoints,
            taxAmount: price.tax,
            lineTotal: price.lineTotal,
          },
        };
      }),
    })),
  };
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

type Fulfilling = SellingSetup['fulfilling'];

/**
 * Checks an order's groups and gives each its fulfilment location: the one asked for (or, for a pickup, the store),
 * else the routing strategy's choice among the channel's locations that fulfil (for ship to store, not the store).
 * Problems are answered group by group in order, a group's checks before its routing.
 */
function resolveGroups(
  input: CreateOrder,
  channel: Channel,
  facts: PricingFacts,
  fulfilling: Fulfilling,
  stock: (variantId: string, locationId: string) => number,
  routing: RoutingStrategy,
): ResolvedGroup[] {
  const errors = input.lines.flatMap((line, index) => [
    ...(facts.variants.has(line.sku) ? [] : [{ field: `body.lines.${index}.sku`, message: `SKU ${line.sku} does not exist` }]),
    ...(line.deliveryGroup < input.deliveryGroups.length ? [] : [{ field: `body.lines.${index}.deliveryGroup`, message: 'names no delivery group' }]),
  ]);
  if (errors.length) throw new InvalidInput(errors);
  const usable = new Map(fulfilling.filter((row) => row.channel_id === channel.id).map((row) => [row.id, row]));
  const checked = input.deliveryGroups.map((group, index) => {
    try {
      return checkedGroup(input, group, index, usable, facts);
    } catch (error) {
      return error as Error;
    }
  });
  const toRoute = checked.flatMap((group) => (group instanceof Error || group.fulfilmentLocationId !== undefined ? [] : [group]));
  const choices = new Map(
    paired(
      toRoute,
      routing.chooseLocations(
        toRoute.map((group) => ({
          lines: group.lines,
          candidates: [...usable.values()].filter((location) => location.id !== group.pickupLocationId),
        })),
        stock,
      ),
    ),
  );
  return checked.map((group): ResolvedGroup => {
    if (group instanceof Error) throw group;
    if (group.fulfilmentLocationId !== undefined) return { ...group, fulfilmentLocationId: group.fulfilmentLocationId };
    const choice = choices.get(group);
    if (!choice) throw new Error(`delivery group ${group.index} was not routed`);
    if ('shortages' in choice) throw new InsufficientStock(choice.shortages.map((shortage) => ({ ...shortage, locationId: '' })));
    return { ...group, fulfilmentLocationId: choice.locationId };
  });
}

/** One group's checks: it has lines, its pickup store hands over the channel's orders, its location fulfils for it. */
function checkedGroup(
  input: CreateOrder,
  group: CreateOrder['deliveryGroups'][number],
  index: number,
  usable: Map<string, Fulfilling[number]>,
  facts: PricingFacts,
) {
  const lines = input.lines.flatMap((line, lineIndex) => {
    if (line.deliveryGroup !== index) return [];
    const variant = facts.variants.get(line.sku);
    if (!variant) return [];
    const title = [variant.product_title, variant.title].filter((part, i, all) => part && all.indexOf(part) === i).join(' – ');
    return [{ index: lineIndex, sku: line.sku, variantId: variant.id, quantity: line.quantity, title }];
  });
  const field = `body.deliveryGroups.${index}`;
  if (!lines.length) throw new InvalidInput([{ field, message: 'has no lines' }]);
  if (group.pickupLocationId !== undefined) {
    const store = usable.get(group.pickupLocationId);
    if (!store?.capabilities.includes('click_and_collect')) {
      throw new RuleViolation('not-a-pickup-store', `Location ${group.pickupLocationId} does not hand over this channel's orders.`, {
        field: `${field}.pickupLocationId`,
      });
    }
  }
  const chosen = group.fulfilmentLocationId ?? (group.method === 'pickup_in_store' ? group.pickupLocationId : undefined);
  if (chosen !== undefined && !usable.has(chosen)) {
    throw new RuleViolation('location-not-in-channel', `Location ${chosen} does not fulfil this channel's orders.`, { field: `${field}.fulfilmentLocationId` });
  }
  if (group.method === 'ship_to_store' && chosen !== undefined && chosen === group.pickupLocationId) {
    throw new InvalidInput([
      { field: `${field}.fulfilmentLocationId`, message: 'is the pickup store itself: goods already there are picked up in store (pickup_in_store)' },
    ]);
  }
  return {
    index,
    method: group.method,
    pickupLocationId: group.pickupLocationId ?? null,
    address: group.address ?? null,
    recipient: group.recipient ?? '',
    lines,
    fulfilmentLocationId: chosen,
  };
}
