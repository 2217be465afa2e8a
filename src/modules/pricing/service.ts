// Over 300 lines: the facts a quote needs, read in one statement for a whole batch, and the quote made from them; one job, long.
import { sql, type Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { anyOf } from '../../platform/db/statements.ts';
import type { ChannelsTable } from '../channels/tables.ts';
import type { PromotionsTable } from './tables.ts';
import type { DeliveryMethod } from './terms.ts';
import { InvalidInput, RuleViolation, type FieldError } from '../../platform/errors.ts';
import { checkedChannel, requireEnabledChannel } from '../channels/service.ts';
import { rateFor, usableRates } from './delivery-rates.ts';
import { priceCart, type CartDeliveryGroup, type CartLine, type CartPromotion, type ManualDiscount, type PromotionRefusal } from './engine.ts';
import type { Quote } from './schema.ts';

export { priceCart } from './engine.ts';

export interface QuoteInput {
  channelId: string;
  /** The channel's row when the caller has just loaded it (enabled); saves reading it again. */
  channel?: Selectable<ChannelsTable> | undefined;
  customerId?: string | undefined;
  lines: { sku: string; quantity: number; discount?: ManualDiscount | undefined }[];
  /** Each group names its lines by index in `lines` or by SKU (every line of that SKU). */
  deliveryGroups?: { method: DeliveryMethod; lineIndexes?: number[] | undefined; skus?: string[] | undefined; locationId?: string | undefined }[];
  promotionCode?: string | undefined;
}

/**
 * What the cart costs in this channel, for this customer, with this code, delivered this way. Orders are priced by the
 * same `priceWith` on the same facts, read once for their whole batch, so an order's totals are its quote's. Reads
 * only, in a fixed number of queries whatever the number of lines. An unknown code is refused; a known code that
 * cannot be used now is priced without it, and the answer says why.
 */
export async function quote(db: Executor, input: QuoteInput, now: Date): Promise<Quote> {
  const channel = input.channel ?? (await requireEnabledChannel(db, input.channelId));
  const [facts, customers] = await Promise.all([
    pricingFacts(db, [{ ...input, channel }]),
    input.customerId === undefined ? new Map<string, CustomerDiscount>() : customerDiscounts(db, [input.customerId]),
  ]);
  return priceWith({ ...facts, customers }, input, channel, now);
}

export interface CustomerDiscount {
  own: number;
  group: number | null;
}

/** The customers' own and group discounts. */
async function customerDiscounts(db: Executor, ids: string[]): Promise<Map<string, CustomerDiscount>> {
  const rows = await db
    .selectFrom('customers')
    .leftJoin('customer_groups', 'customer_groups.id', 'customers.customer_group_id')
    .select(['customers.id', 'customers.discount_basis_points as own', 'customer_groups.discount_basis_points as group'])
    .where('customers.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Everything pricing reads, but the customers' discounts: known to the caller that has read its customers already. */
export interface PricingFacts {
  priceLists: Map<string, { code: string; prices_include_tax: boolean }>;
  /** By SKU, with the titles an order line keeps. */
  variants: Map<
    string,
    {
      id: string;
      sku: string;
      title: string;
      product_id: string;
      product_title: string;
      tags: string[];
      weight_grams: number | null;
      rate_basis_points: number;
    }
  >;
  prices: Map<string, number>;
  floors: Map<string, number>;
  promotions: Map<string, Selectable<PromotionsTable>>;
  rates: Awaited<ReturnType<typeof usableRates>>;
}

/** The price lists as pricing reads them. */
export const allPriceLists = (db: Executor) => db.selectFrom('price_lists').select(['id', 'code', 'prices_include_tax']);

type VariantFacts = PricingFacts['variants'] extends Map<string, infer Variant> ? Variant : never;

/** A variant as pricing reads it, with all its list prices (by price list) and minimum prices (by currency). */
interface PricedVariant extends VariantFacts {
  prices: [priceListId: string, amount: number][];
  floors: [currency: string, amount: number][];
}

/**
 * The priced variants a process keeps for one version of the shop's set-up (orders/selling-setup.ts: every change
 * to variants, products, tax classes, prices or minimum prices raises the version), by SKU; null for a SKU that
 * does not exist. At most MAX_KEPT_VARIANTS, the oldest forgotten first.
 */
export type KeptVariants = Map<string, PricedVariant | null>;
const MAX_KEPT_VARIANTS = 50_000;

/** The variants of `skus` with every price and floor they have: one query, whatever the number of price lists. */
async function readPricedVariants(db: Executor, skus: string[]): Promise<PricedVariant[]> {
  if (!skus.length) return [];
  const { rows } = await sql<PricedVariant>`
    select v.id, v.sku, v.title, v.product_id, p.title as product_title, p.tags, v.weight_grams, t.rate_basis_points,
      coalesce((select json_agg(json_build_array(x.price_list_id, x.amount)) from prices x where x.variant_id = v.id), '[]') as prices,
      coalesce((select json_agg(json_build_array(f.currency, f.amount)) from variant_minimum_prices f where f.variant_id = v.id), '[]') as floors
    from variants v join products p on p.id = v.product_id join tax_classes t on t.code = p.tax_class
    where v.sku = any(${skus}::text[])`.execute(db);
  return rows;
}

/** The priced variants of `skus` (those that exist), from `kept` where it has them, read (and kept) otherwise. */
async function pricedVariants(db: Executor, skus: string[], kept?: KeptVariants): Promise<PricedVariant[]> {
  if (!kept) return readPricedVariants(db, skus);
  const missing = skus.filter((sku) => !kept.has(sku));
  if (missing.length) {
    const read = new Map((await readPricedVariants(db, missing)).map((variant) => [variant.sku, variant]));
    for (const sku of missing) kept.set(sku, read.get(sku) ?? null);
    for (const sku of kept.keys()) {
      if (kept.size <= MAX_KEPT_VARIANTS) break;
      kept.delete(sku);
    }
  }
  return skus.flatMap((sku) => kept.get(sku) ?? []);
}

/**
 * What pricing needs to price `carts`, read at once (the carts' channels are already read; a disabled or missing one
 * is left out, and `priceWith` refuses its cart). A caller that keeps the shop's set-up in memory (the order desk)
 * passes its price lists, delivery rates and the variants it keeps: then only promotion codes, and variants not kept
 * yet, are read.
 */
export async function pricingFacts(
  db: Executor,
  carts: (Omit<QuoteInput, 'channelId'> & { channel: Selectable<ChannelsTable> | undefined })[],
  setup?: Pick<PricingFacts, 'priceLists' | 'rates'> & { variants: KeptVariants },
): Promise<PricingFacts> {
  const known = carts.map((cart) => cart.channel).filter((channel): channel is Selectable<ChannelsTable> => channel?.enabled === true);
  const skus = [...new Set(carts.flatMap((cart) => cart.lines.map((line) => line.sku)))];
  const priceListIds = [...new Set(known.map((channel) => channel.price_list_id))];
  const currencies = [...new Set(known.map((channel) => channel.currency))];
  const codes = [...new Set(carts.flatMap((cart) => (cart.promotionCode === undefined ? [] : [cart.promotionCode.toUpperCase()])))];
  const methods = [...new Set(carts.flatMap((cart) => (cart.deliveryGroups ?? []).map((group) => group.method)))];
  const [priceLists, variants, promotions, rates] = await Promise.all([
    setup || !priceListIds.length ? [] : allPriceLists(db).where('id', 'in', priceListIds).execute(),
    pricedVariants(db, skus, setup?.variants),
    codes.length ? db.selectFrom('promotions').selectAll().where('code', '=', anyOf(codes, 'text')).execute() : [],
    setup
      ? setup.rates
      : usableRates(
          db,
          known.map((channel) => channel.id),
          currencies,
          methods,
        ),
  ]);
  return {
    priceLists: setup ? setup.priceLists : new Map(priceLists.map((list) => [list.id, list])),
    variants: new Map(variants.map((variant) => [variant.sku, variant])),
    prices: new Map(variants.flatMap((variant) => variant.prices.map(([priceListId, amount]) => [`${variant.id}|${priceListId}`, amount] as const))),
    floors: new Map(variants.flatMap((variant) => variant.floors.map(([currency, amount]) => [`${variant.id}|${currency}`, amount] as const))),
    promotions: new Map(promotions.map((promotion) => [promotion.code, promotion])),
    rates,
  };
}

/** Prices one cart from facts already read: the calculation quotes and orders share. */
export function priceWith(
  facts: PricingFacts & { customers: Map<string, CustomerDiscount> },
  input: QuoteInput,
  row: Selectable<ChannelsTable>,
  now: Date,
): Quote {
  const channel = checkedChannel(row, input.channelId);
  const groups = deliveryGroupsOf(input);
  const priceList = facts.priceLists.get(channel.price_list_id)!;
  const customer = input.customerId === undefined ? undefined : facts.customers.get(input.customerId);
  const promotion = input.promotionCode === undefined ? undefined : facts.promotions.get(input.promotionCode.toUpperCase());
  const rates = facts.rates.filter((rate) => rate.currency === channel.currency && (rate.channel_id === null || rate.channel_id === channel.id));

  const unknown: FieldError[] = input.lines.flatMap((line, index) =>
    facts.variants.has(line.sku) ? [] : [{ field: `body.lines.${index}.sku`, message: `SKU ${line.sku} does not exist` }],
  );
  if (input.customerId !== undefined && !customer) unknown.push({ field: 'body.customerId', message: `customer ${input.customerId} does not exist` });
  if (unknown.length) throw new InvalidInput(unknown);
  const priceOf = (sku: string) => facts.prices.get(`${facts.variants.get(sku)!.id}|${channel.price_list_id}`);
  const unpriced = input.lines.flatMap((line, index) =>
    priceOf(line.sku) === undefined ? [{ line: index, sku: line.sku, field: `body.lines.${index}.sku` }] : [],
  );
  if (unpriced.length) {
    throw new RuleViolation(
      'no-price',
      `${unpriced.map((line) => line.sku).join(', ')} ha${unpriced.length === 1 ? 's' : 've'} no price in price list ${priceList.code} of this channel.`,
      {
        priceListId: channel.price_list_id,
        lines: unpriced,
      },
    );
  }
  if (input.promotionCode !== undefined && !promotion) {
    throw new RuleViolation('promotion-unknown', `There is no promotion code ${input.promotionCode.toUpperCase()}.`, {
      promotionCode: input.promotionCode.toUpperCase(),
    });
  }

  const lines = input.lines.map((line): CartLine => {
    const variant = facts.variants.get(line.sku)!;
    return {
      variantId: variant.id,
      sku: variant.sku,
      quantity: line.quantity,
      listPrice: priceOf(line.sku)!,
      minimumPrice: facts.floors.get(`${variant.id}|${channel.currency}`) ?? null,
      taxRateBasisPoints: variant.rate_basis_points,
      weightGrams: variant.weight_grams ?? 0,
      manualDiscount: line.discount,
    };
  });
  const cartGroups = groups.map(
    (group, index): CartDeliveryGroup => ({
      key: String(index),
      method: group.method,
      lineIndexes: group.lineIndexes,
      rate: rateFor(rates, group.method, index),
    }),
  );
  const cartPromotion: CartPromotion | null = promotion
    ? {
        code: promotion.code,
        kind: promotion.kind,
        value: promotion.value,
        minimumSubtotal: promotion.minimum_subtotal,
        refusal: promotionRefusal(promotion, { now, channelId: channel.id, currency: channel.currency }),
      }
    : null;

  const priced = priceCart({
    currency: channel.currency,
    pricesIncludeTax: priceList.prices_include_tax,
    lines,
    customerGroupDiscountBp: customer?.group ?? 0,
    customerDiscountBp: customer?.own ?? 0,
    promotion: cartPromotion,
    deliveryGroups: cartGroups,
  });
  return {
    channelId: channel.id,
    customerId: input.customerId ?? null,
    currency: priced.currency,
    pricesIncludeTax: priced.pricesIncludeTax,
    lines: priced.lines,
    deliveryGroups: priced.deliveryGroups.map(({ key: _key, ...group }, index) => ({ ...group, locationId: groups[index]!.locationId })),
    promotion: priced.promotion && promotion ? { id: promotion.id, ...priced.promotion } : null,
    taxes: priced.taxes,
    totals: priced.totals,
    quotedAt: now.toISOString(),
  };
}

/** Resolves each group's lines to indexes; a line may travel in one group only. */
function deliveryGroupsOf(input: QuoteInput): { method: DeliveryMethod; lineIndexes: number[]; locationId: string | null }[] {
  const errors: FieldError[] = [];
  const groupOf = new Map<number, number>();
  const groups = (input.deliveryGroups ?? []).map((group, groupIndex) => {
    const field = `body.deliveryGroups.${groupIndex}`;
    let indexes: number[] = [];
    if (group.lineIndexes !== undefined) {
      indexes = [...new Set(group.lineIndexes)];
      for (const index of indexes)
        if (index >= input.lines.length)
          errors.push({ field: `${field}.lineIndexes`, message: `line ${index} does not exist (the cart has ${input.lines.length})` });
    } else {
      for (const sku of group.skus ?? []) {
        const matching = input.lines.flatMap((line, index) => (line.sku === sku ? [index] : []));
        if (!matching.length) errors.push({ field: `${field}.skus`, message: `SKU ${sku} is on no line of the cart` });
        indexes.push(...matching.filter((index) => !indexes.includes(index)));
      }
    }
    for (const index of indexes) {
      const earlier = groupOf.get(index);
      if (earlier !== undefined && earlier !== groupIndex) errors.push({ field, message: `line ${index} is already in delivery group ${earlier}` });
      groupOf.set(index, groupIndex);
    }
    return {
      method: group.method,
      lineIndexes: indexes.filter((index) => index < input.lines.length).sort((a, b) => a - b),
      locationId: group.locationId ?? null,
    };
  });
  if (errors.length) throw new InvalidInput(errors);
  return groups;
}

/** Why a known code cannot be used by this channel at this moment; null when it can. */
export function promotionRefusal(promotion: Selectable<PromotionsTable>, context: { now: Date; channelId: string; currency: string }): PromotionRefusal | null {
  if (!promotion.active) return 'inactive';
  if (promotion.starts_at && context.now < promotion.starts_at) return 'not-started';
  if (promotion.ends_at && context.now >= promotion.ends_at) return 'expired';
  if (promotion.usage_limit !== null && promotion.times_used >= promotion.usage_limit) return 'exhausted';
  if (promotion.channel_ids && !promotion.channel_ids.includes(context.channelId)) return 'not-for-this-channel';
  if (promotion.currency !== null && promotion.currency !== context.currency) return 'other-currency';
  return null;
}

/**
 * An order cancelled whole gives its use of the code back (its redemption goes and the count goes down), so a code
 * limited to a number of uses is not spent on orders that never happened. Answers whether a use was given back.
 */
export async function giveBackPromotionUse(trx: Trx, code: string, reference: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    with gone as (
      delete from promotion_redemptions
      where promotion_id = (select id from promotions where code = ${code}) and reference = ${reference}
      returning promotion_id)
    update promotions p set times_used = p.times_used - 1 from gone where p.id = gone.promotion_id
    returning p.id`.execute(trx);
  return rows.length > 0;
}
