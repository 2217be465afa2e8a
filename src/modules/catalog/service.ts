// Over 300 lines: products and their variants (tax classes and prices live apart); one job, long.
import type { Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { ProductsTable, VariantsTable } from './tables.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { Conflict, InvalidInput, NotFound, type FieldError } from '../../platform/errors.ts';
import { assertNotBelowMinimum, pricingOf, replaceMinimumPrices } from './prices.ts';
import { assertTaxClass } from './tax-classes.ts';
import type { MinimumPrice, NewProduct, NewVariant, Product, ProductChanges, Variant, VariantChanges, VariantWithProduct } from './schema.ts';

/**
 * Products and their variants: read, created, changed. Tax classes and price lists have their own files; their
 * functions are re-exported here, so the routes keep one import.
 */

export { createPriceList, getPriceList, listPriceLists, listPrices, minimumPriceOf, priceOf, upsertPrices } from './prices.ts';
export { createTaxClass, listTaxClasses } from './tax-classes.ts';

type VariantRow = Selectable<VariantsTable>;
type ProductRow = Selectable<ProductsTable>;

// Reading.

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Variants with their floors and list prices: three queries for a whole page, never one per variant. */
async function variantsOf(db: Executor, rows: VariantRow[]): Promise<Variant[]> {
  const { floors, prices } = await pricingOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    barcode: row.barcode,
    title: row.title,
    options: row.options,
    weightGrams: row.weight_grams,
    minimumPrices: floors.get(row.id)!,
    prices: prices.get(row.id)!,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

async function productsOf(db: Executor, rows: ProductRow[]): Promise<Product[]> {
  const variantRows = rows.length
    ? await db
        .selectFrom('variants')
        .selectAll()
        .where(
          'product_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const byProduct = new Map<string, Variant[]>(rows.map((row) => [row.id, []]));
  for (const variant of await variantsOf(db, variantRows)) byProduct.get(variant.productId)!.push(variant);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    taxClass: row.tax_class,
    imageUrls: row.image_urls,
    status: row.status,
    tags: row.tags,
    variants: byProduct.get(row.id)!,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function getProduct(db: Executor, id: string): Promise<Product> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Product', id);
  return (await productsOf(db, [row]))[0]!;
}

export interface ProductFilter {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  sku?: string | undefined;
  barcode?: string | undefined;
  status?: Product['status'] | undefined;
}

export async function listProducts(db: Executor, filter: ProductFilter): Promise<Page<Product>> {
  const after = decodeCursor(filter.cursor);
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(filter.sku !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(eb.selectFrom('variants').select('variants.id').whereRef('variants.product_id', '=', 'products.id').where('variants.sku', '=', filter.sku!)),
      ),
    )
    .$if(filter.barcode !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb.selectFrom('variants').select('variants.id').whereRef('variants.product_id', '=', 'products.id').where('variants.barcode', '=', filter.barcode!),
        ),
      ),
    )
    .$if(pattern !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('products.title', 'ilike', pattern!),
          eb('products.description', 'ilike', pattern!),
          eb.exists(
            eb
              .selectFrom('variants')
              .select('variants.id')
              .whereRef('variants.product_id', '=', 'products.id')
              .where((v) => v.or([v('variants.sku', 'ilike', pattern!), v('variants.barcode', 'ilike', pattern!)])),
          ),
        ]),
      ),
    )
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => row,
  );
  return { items: await productsOf(db, page.items), nextCursor: page.nextCursor };
}

function variantsWithProduct(db: Executor) {
  return db.selectFrom('variants').innerJoin('products', 'products.id', 'variants.product_id').selectAll('variants').select('products.title as product_title');
}

async function withProductTitles(db: Executor, rows: (VariantRow & { product_title: string })[]): Promise<VariantWithProduct[]> {
  const variants = await variantsOf(db, rows);
  return variants.map((variant, index) => ({ ...variant, productTitle: rows[index]!.product_title }));
}

export async function getVariant(db: Executor, id: string): Promise<VariantWithProduct> {
  const row = await variantsWithProduct(db).where('variants.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Variant', id);
  return (await withProductTitles(db, [row]))[0]!;
}

export interface VariantFilter {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  sku?: string | undefined;
  barcode?: string | undefined;
}

export async function listVariants(db: Executor, filter: VariantFilter): Promise<Page<VariantWithProduct>> {
  const after = decodeCursor(filter.cursor);
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  const rows = await variantsWithProduct(db)
    .$if(after !== undefined, (q) => q.where('variants.id', '>', after!))
    .$if(filter.sku !== undefined, (q) => q.where('variants.sku', '=', filter.sku!))
    .$if(filter.barcode !== undefined, (q) => q.where('variants.barcode', '=', filter.barcode!))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('variants.sku', 'ilike', pattern!),
          eb('variants.barcode', 'ilike', pattern!),
          eb('variants.title', 'ilike', pattern!),
          eb('products.title', 'ilike', pattern!),
        ]),
      ),
    )
    .orderBy('variants.id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => row,
  );
  return { items: await withProductTitles(db, page.items), nextCursor: page.nextCursor };
}

/** SKU → variant id of the SKUs that exist, in one query: for modules that name variants by SKU (routing's preorders). */
export async function variantIdsBySku(db: Executor, skus: string[]): Promise<Map<string, string>> {
  if (!skus.length) return new Map();
  const rows = await db.selectFrom('variants').select(['id', 'sku']).where('sku', 'in', skus).execute();
  return new Map(rows.map((row) => [row.sku, row.id]));
}

/** Variant id → SKU, in one query. */
export async function skusOf(db: Executor, variantIds: string[]): Promise<Map<string, string>> {
  if (!variantIds.length) return new Map();
  const rows = await db.selectFrom('variants').select(['id', 'sku']).where('id', 'in', variantIds).execute();
  return new Map(rows.map((row) => [row.id, row.sku]));
}

// Writing.

/**
 * Adds variants to a product with their floors and prices. A SKU or barcode already taken, even by a request
 * committing at the same moment, is a 409 naming the variant that has it (the insert skips it, then we look).
 */
async function addVariants(trx: Trx, product: { id: string; title: string }, inputs: NewVariant[], fieldOf: (index: number) => string) {
  const priceListIds = [...new Set(inputs.flatMap((input) => input.prices.map((price) => price.priceListId)))];
  const lists = priceListIds.length ? await trx.selectFrom('price_lists').select(['id', 'currency']).where('id', 'in', priceListIds).execute() : [];
  const currencyOf = new Map(lists.map((list) => [list.id, list.currency]));
  const errors: FieldError[] = inputs.flatMap((input, index) =>
    input.prices.flatMap((price, priceIndex) =>
      currencyOf.has(price.priceListId)
        ? []
        : [{ field: `${fieldOf(index)}.prices.${priceIndex}.priceListId`, message: `price list ${price.priceListId} does not exist` }],
    ),
  );
  if (errors.length) throw new InvalidInput(errors);

  const rows = inputs.map((input) => ({
    id: newId(),
    product_id: product.id,
    sku: input.sku,
    barcode: input.barcode ?? null,
    title: input.title ?? (Object.values(input.options).join(' / ') || product.title),
    options: JSON.stringify(input.options),
    weight_grams: input.weightGrams ?? null,
  }));
  inputs.forEach((input, index) => {
    const floorIn = new Map(input.minimumPrices.map((floor) => [floor.currency, floor.amount]));
    assertNotBelowMinimum(
      input.prices.map((price, priceIndex) => ({
        variantId: rows[index]!.id,
        sku: input.sku,
        currency: currencyOf.get(price.priceListId)!,
        amount: price.amount,
        priceListId: price.priceListId,
        field: `${fieldOf(index)}.prices.${priceIndex}.amount`,
      })),
      (_variantId, currency) => floorIn.get(currency),
    );
  });

  const inserted = await trx
    .insertInto('variants')
    .values(rows)
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .execute();
  if (inserted.length < rows.length) await throwTaken(trx, inputs, new Set(inserted.map((row) => row.id)), fieldOf);

  const floors = inputs.flatMap((input, index) =>
    input.minimumPrices.map((floor) => ({ variant_id: rows[index]!.id, currency: floor.currency, amount: floor.amount })),
  );
  if (floors.length) await trx.insertInto('variant_minimum_prices').values(floors).execute();
  const prices = inputs.flatMap((input, index) =>
    input.prices.map((price) => ({ price_list_id: price.priceListId, variant_id: rows[index]!.id, amount: price.amount })),
  );
  if (prices.length) await trx.insertInto('prices').values(prices).execute();
  return rows.map((row) => row.id);
}

async function throwTaken(trx: Trx, inputs: NewVariant[], ours: Set<string>, fieldOf: (index: number) => string): Promise<never> {
  const skus = inputs.map((input) => input.sku);
  const barcodes = inputs.flatMap((input) => (input.barcode ? [input.barcode] : []));
  const holders = (
    await trx
      .selectFrom('variants')
      .select(['id', 'sku', 'barcode'])
      .where((eb) => eb.or([eb('sku', 'in', skus), ...(barcodes.length ? [eb('barcode', 'in', barcodes)] : [])]))
      .execute()
  ).filter((holder) => !ours.has(holder.id));
  for (const [index, input] of inputs.entries()) {
    const bySku = holders.find((holder) => holder.sku === input.sku);
    if (bySku)
      throw new Conflict('sku-taken', `SKU ${input.sku} already belongs to variant ${bySku.id}.`, {
        existingId: bySku.id,
        sku: input.sku,
        field: `${fieldOf(index)}.sku`,
      });
    const byBarcode = input.barcode ? holders.find((holder) => holder.barcode === input.barcode) : undefined;
    if (byBarcode) {
      throw new Conflict('barcode-taken', `Barcode ${input.barcode} already belongs to variant ${byBarcode.id} (${byBarcode.sku}).`, {
        existingId: byBarcode.id,
        barcode: input.barcode,
        sku: byBarcode.sku,
        field: `${fieldOf(index)}.barcode`,
      });
    }
  }
  throw new Conflict('duplicate', 'A variant with the same SKU or barcode already exists.');
}

export async function createProduct(trx: Trx, input: NewProduct): Promise<Product> {
  await assertTaxClass(trx, input.taxClass);
  const product = await trx
    .insertInto('products')
    .values({
      id: newId(),
      title: input.title,
      description: input.description,
      tax_class: input.taxClass,
      image_urls: input.imageUrls,
      status: input.status,
      tags: [...new Set(input.tags)],
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
  await addVariants(trx, product, input.variants, (index) => `body.variants.${index}`);
  return getProduct(trx, product.id);
}

export async function addVariant(trx: Trx, productId: string, input: NewVariant): Promise<VariantWithProduct> {
  const product = await trx.updateTable('products').set({ updated_at: new Date() }).where('id', '=', productId).returning(['id', 'title']).executeTakeFirst();
  if (!product) throw new NotFound('Product', productId);
  const [id] = await addVariants(trx, product, [input], () => 'body');
  return getVariant(trx, id!);
}

export async function updateProduct(trx: Trx, id: string, changes: ProductChanges): Promise<Product> {
  if (changes.taxClass !== undefined) await assertTaxClass(trx, changes.taxClass);
  const row = await trx
    .updateTable('products')
    .set({
      updated_at: new Date(),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.taxClass !== undefined ? { tax_class: changes.taxClass } : {}),
      ...(changes.imageUrls !== undefined ? { image_urls: changes.imageUrls } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.tags !== undefined ? { tags: [...new Set(changes.tags)] } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new NotFound('Product', id);
  return (await productsOf(trx, [row]))[0]!;
}

export async function updateVariant(trx: Trx, id: string, changes: VariantChanges): Promise<VariantWithProduct> {
  if (changes.barcode) {
    const holder = await trx.selectFrom('variants').select(['id', 'sku']).where('barcode', '=', changes.barcode).where('id', '<>', id).executeTakeFirst();
    if (holder) {
      throw new Conflict('barcode-taken', `Barcode ${changes.barcode} already belongs to variant ${holder.id} (${holder.sku}).`, {
        existingId: holder.id,
        barcode: changes.barcode,
        sku: holder.sku,
        field: 'body.barcode',
      });
    }
  }
  const row = await trx
    .updateTable('variants')
    .set({
      updated_at: new Date(),
      ...(changes.barcode !== undefined ? { barcode: changes.barcode } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.options !== undefined ? { options: JSON.stringify(changes.options) } : {}),
      ...(changes.weightGrams !== undefined ? { weight_grams: changes.weightGrams } : {}),
    })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new NotFound('Variant', id);
  return getVariant(trx, id);
}

export async function setMinimumPrices(trx: Trx, variantId: string, floors: MinimumPrice[]): Promise<VariantWithProduct> {
  await replaceMinimumPrices(trx, variantId, floors);
  await trx.updateTable('variants').set({ updated_at: new Date() }).where('id', '=', variantId).execute();
  return getVariant(trx, variantId);
}
