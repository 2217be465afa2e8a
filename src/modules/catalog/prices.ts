import { sql, type Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { PriceListsTable } from './tables.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation, type FieldError } from '../../platform/errors.ts';
import type { ListedPrice, MinimumPrice, NewPriceList, PriceEntry, PriceList, PricesWritten, Variant } from './schema.ts';

const toPriceList = (row: Selectable<PriceListsTable>): PriceList => ({
  id: row.id,
  code: row.code,
  name: row.name,
  currency: row.currency,
  pricesIncludeTax: row.prices_include_tax,
  createdAt: row.created_at.toISOString(),
});

export async function createPriceList(trx: Trx, input: NewPriceList): Promise<PriceList> {
  const row = await trx
    .insertInto('price_lists')
    .values({ id: newId(), code: input.code, name: input.name, currency: input.currency, prices_include_tax: input.pricesIncludeTax })
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const existing = await trx.selectFrom('price_lists').select('id').where('code', '=', input.code).executeTakeFirstOrThrow();
    throw new Conflict('price-list-code-taken', `Price list code ${input.code} is already used.`, { existingId: existing.id });
  }
  return toPriceList(row);
}

export async function getPriceList(db: Executor, id: string): Promise<PriceList> {
  const row = await db.selectFrom('price_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Price list', id);
  return toPriceList(row);
}

export async function listPriceLists(
  db: Executor,
  filter: { limit: number; cursor?: string | undefined; currency?: string | undefined },
): Promise<Page<PriceList>> {
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('price_lists')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(filter.currency !== undefined, (q) => q.where('currency', '=', filter.currency!))
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, (row) => row.id, toPriceList);
}

export async function listPrices(
  db: Executor,
  priceListId: string,
  filter: { limit: number; cursor?: string | undefined; sku?: string | undefined },
): Promise<Page<ListedPrice>> {
  await getPriceList(db, priceListId);
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('prices')
    .innerJoin('variants', 'variants.id', 'prices.variant_id')
    .select(['prices.variant_id', 'variants.sku', 'prices.amount'])
    .where('prices.price_list_id', '=', priceListId)
    .$if(after !== undefined, (q) => q.where('prices.variant_id', '>', after!))
    .$if(filter.sku !== undefined, (q) => q.where('variants.sku', '=', filter.sku!))
    .orderBy('prices.variant_id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (row) => row.variant_id,
    (row) => ({ variantId: row.variant_id, sku: row.sku, amount: row.amount }),
  );
}

/** A price a variant would be listed at, and where it came from in the request (for the error). */
export interface PriceToCheck {
  variantId: string;
  sku: string;
  currency: string;
  amount: number;
  priceListId?: string;
  field?: string;
}

/**
 * THE MINIMUM PRICE RULE: no list price under the variant's floor in the same currency, whichever of the two is
 * being set. Pure, so the rule can be tested without a database; callers look the floors up.
 */
export function assertNotBelowMinimum(prices: PriceToCheck[], floorOf: (variantId: string, currency: string) => number | undefined): void {
  for (const price of prices) {
    const floor = floorOf(price.variantId, price.currency);
    if (floor === undefined || price.amount >= floor) continue;
    throw new RuleViolation(
      'below-minimum-price',
      `${price.sku} would be listed at ${price.amount} ${price.currency} (minor units), under its minimum price of ${floor}.`,
      {
        sku: price.sku,
        variantId: price.variantId,
        currency: price.currency,
        minimumPrice: floor,
        amount: price.amount,
        ...(price.priceListId !== undefined ? { priceListId: price.priceListId } : {}),
        ...(price.field !== undefined ? { field: price.field } : {}),
      },
    );
  }
}

/** Each variant's floor in one currency; variants without a floor there are absent. For the pricing of orders. */
export async function minimumPriceOf(db: Executor, variantIds: string[], currency: string): Promise<Map<string, number>> {
  if (!variantIds.length) return new Map();
  const rows = await db
    .selectFrom('variant_minimum_prices')
    .select(['variant_id', 'amount'])
    .where('currency', '=', currency)
    .where('variant_id', 'in', [...new Set(variantIds)])
    .execute();
  return new Map(rows.map((row) => [row.variant_id, row.amount]));
}

/** Each variant's price in one price list; variants the list does not price are absent. */
export async function priceOf(db: Executor, priceListId: string, variantIds: string[]): Promise<Map<string, number>> {
  if (!variantIds.length) return new Map();
  const rows = await db
    .selectFrom('prices')
    .select(['variant_id', 'amount'])
    .where('price_list_id', '=', priceListId)
    .where('variant_id', 'in', [...new Set(variantIds)])
    .execute();
  return new Map(rows.map((row) => [row.variant_id, row.amount]));
}

/** The floors and list prices of many variants, two queries whatever their number (for answers). */
export async function pricingOf(db: Executor, variantIds: string[]) {
  const floors = new Map<string, Variant['minimumPrices']>(variantIds.map((id) => [id, []]));
  const prices = new Map<string, Variant['prices']>(variantIds.map((id) => [id, []]));
  if (!variantIds.length) return { floors, prices };
  const [floorRows, priceRows] = await Promise.all([
    db.selectFrom('variant_minimum_prices').selectAll().where('variant_id', 'in', variantIds).orderBy('currency').execute(),
    db
      .selectFrom('prices')
      .innerJoin('price_lists', 'price_lists.id', 'prices.price_list_id')
      .select(['prices.variant_id', 'prices.price_list_id', 'price_lists.currency', 'prices.amount'])
      .where('prices.variant_id', 'in', variantIds)
      .orderBy('price_lists.code')
      .execute(),
  ]);
  for (const row of floorRows) floors.get(row.variant_id)!.push({ currency: row.currency, amount: row.amount });
  for (const row of priceRows) prices.get(row.variant_id)!.push({ priceListId: row.price_list_id, currency: row.currency, amount: row.amount });
  return { floors, prices };
}

/**
 * Sets many prices of one list in one statement. Price writers share-lock the variants they price and floor writers
 * lock them exclusively, so a floor raised at the same moment can never slip under a price being set, nor the reverse.
 */
export async function upsertPrices(trx: Trx, priceListId: string, entries: PriceEntry[]): Promise<PricesWritten> {
  const list = await trx.selectFrom('price_lists').select(['id', 'currency']).where('id', '=', priceListId).executeTakeFirst();
  if (!list) throw new NotFound('Price list', priceListId);

  const skus = [...new Set(entries.flatMap((entry) => (entry.sku !== undefined ? [entry.sku] : [])))];
  const ids = [...new Set(entries.flatMap((entry) => (entry.variantId !== undefined ? [entry.variantId] : [])))];
  const variants = await trx
    .selectFrom('variants')
    .select(['id', 'sku'])
    .where((eb) => eb.or([...(skus.length ? [eb('sku', 'in', skus)] : []), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
    .orderBy('id')
    .forShare()
    .execute();
  const bySku = new Map(variants.map((variant) => [variant.sku, variant]));
  const byId = new Map(variants.map((variant) => [variant.id, variant]));

  const errors: FieldError[] = [];
  const firstEntryOf = new Map<string, number>();
  const rows: (PriceToCheck & { index: number })[] = [];
  entries.forEach((entry, index) => {
    const variant = entry.sku !== undefined ? bySku.get(entry.sku) : byId.get(entry.variantId!);
    if (!variant) {
      const [field, value] = entry.sku !== undefined ? ['sku', `SKU ${entry.sku}`] : ['variantId', `variant ${entry.variantId}`];
      errors.push({ field: `body.prices.${index}.${field}`, message: `${value} does not exist` });
      return;
    }
    const earlier = firstEntryOf.get(variant.id);
    if (earlier !== undefined) {
      errors.push({ field: `body.prices.${index}`, message: `prices ${variant.sku} again (already in entry ${earlier})` });
      return;
    }
    firstEntryOf.set(variant.id, index);
    rows.push({
      index,
      variantId: variant.id,
      sku: variant.sku,
      currency: list.currency,
      amount: entry.amount,
      priceListId,
      field: `body.prices.${index}.amount`,
    });
  });
  if (errors.length) throw new InvalidInput(errors, `${errors.length} of ${entries.length} prices name no known variant or repeat one.`);

  const floors = await minimumPriceOf(
    trx,
    rows.map((row) => row.variantId),
    list.currency,
  );
  assertNotBelowMinimum(rows, (variantId) => floors.get(variantId));

  // Rows in key order: two bulk writes over the same prices then wait for each other instead of deadlocking.
  rows.sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
  const written = await trx
    .insertInto('prices')
    .values(rows.map((row) => ({ price_list_id: priceListId, variant_id: row.variantId, amount: row.amount })))
    .onConflict((conflict) =>
      conflict
        .columns(['price_list_id', 'variant_id'])
        .doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') }))
        .where((eb) => eb('prices.amount', '<>', eb.ref('excluded.amount'))),
    )
    // xmax is 0 on a row this statement inserted and set on one it updated; unchanged rows are not returned at all.
    .returning(sql<boolean>`xmax = 0`.as('created'))
    .execute();
  const created = written.filter((row) => row.created).length;
  return { priceListId, created, updated: written.length - created, unchanged: rows.length - written.length };
}

/** Replaces a variant's floors, refused when a list price in the same currency is already under the new floor. */
export async function replaceMinimumPrices(trx: Trx, variantId: string, floors: MinimumPrice[]): Promise<void> {
  const variant = await trx.selectFrom('variants').select(['id', 'sku']).where('id', '=', variantId).forNoKeyUpdate().executeTakeFirst();
  if (!variant) throw new NotFound('Variant', variantId);
  if (floors.length) {
    const listed = await trx
      .selectFrom('prices')
      .innerJoin('price_lists', 'price_lists.id', 'prices.price_list_id')
      .select(['prices.price_list_id', 'price_lists.currency', 'prices.amount'])
      .where('prices.variant_id', '=', variantId)
      .where(
        'price_lists.currency',
        'in',
        floors.map((floor) => floor.currency),
      )
      .orderBy('price_lists.code')
      .execute();
    const floorIn = new Map(floors.map((floor) => [floor.currency, floor.amount]));
    assertNotBelowMinimum(
      listed.map((row) => ({ variantId, sku: variant.sku, currency: row.currency, amount: row.amount, priceListId: row.price_list_id })),
      (_variantId, currency) => floorIn.get(currency),
    );
  }
  await trx.deleteFrom('variant_minimum_prices').where('variant_id', '=', variantId).execute();
  if (floors.length) {
    await trx
      .insertInto('variant_minimum_prices')
      .values(floors.map((floor) => ({ variant_id: variantId, currency: floor.currency, amount: floor.amount })))
      .execute();
  }
}
