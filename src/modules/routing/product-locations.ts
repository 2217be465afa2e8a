import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { Forbidden, InvalidInput, NotFound } from '../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { getProduct } from '../catalog/service.ts';
import { getLocation } from '../locations/service.ts';
import type { ProductLocation, ProductLocationFilter } from './schema.ts';

/**
 * Per product and location: may its orders be sent from there, may it be collected there. A pair without a row may
 * both (the routing set-up reads them: routing/setup.ts). Admins set them; store staff read their own store's.
 */

/** The thing a body names must exist: a 400 naming the field, not a 404 of the route. */
async function mustExist(find: Promise<unknown>, field: string, what: string, id: string): Promise<void> {
  await find.catch((error: unknown) => {
    if (error instanceof NotFound) throw new InvalidInput([{ field, message: `${what} ${id} does not exist` }]);
    throw error;
  });
}

export async function putProductLocation(trx: Trx, input: ProductLocation): Promise<ProductLocation> {
  await mustExist(getProduct(trx, input.productId), 'body.productId', 'product', input.productId);
  await mustExist(getLocation(trx, input.locationId), 'body.locationId', 'location', input.locationId);
  const row = await trx
    .insertInto('routing_product_locations')
    .values({ product_id: input.productId, location_id: input.locationId, may_route: input.mayRoute, may_pickup: input.mayPickup })
    .onConflict((conflict) =>
      conflict
        .columns(['product_id', 'location_id'])
        .doUpdateSet((eb) => ({ may_route: eb.ref('excluded.may_route'), may_pickup: eb.ref('excluded.may_pickup') })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { productId: row.product_id, locationId: row.location_id, mayRoute: row.may_route, mayPickup: row.may_pickup };
}

/**
 * The flags set for a product (by location) or at a location (by product), a page at a time. Store staff read their
 * own store's only: naming another location is refused, and a product's flags are those at their store.
 */
export async function listProductLocations(db: Executor, principal: Principal, filter: ProductLocationFilter): Promise<Page<ProductLocation>> {
  if (principal.role === 'store' && filter.locationId !== undefined && filter.locationId !== principal.locationId) {
    throw new Forbidden(`This store credential may not read the flags of location ${filter.locationId}.`);
  }
  const locationId = principal.role === 'store' ? principal.locationId! : filter.locationId;
  // One of the pair is named: the page goes along the other.
  const key = filter.productId !== undefined ? 'location_id' : 'product_id';
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('routing_product_locations')
    .selectAll()
    .$if(filter.productId !== undefined, (q) => q.where('product_id', '=', filter.productId!))
    .$if(locationId !== undefined, (q) => q.where('location_id', '=', locationId!))
    .$if(after !== undefined, (q) => q.where(key, '>', after!))
    .orderBy(key)
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (row) => row[key],
    (row) => ({ productId: row.product_id, locationId: row.location_id, mayRoute: row.may_route, mayPickup: row.may_pickup }),
  );
}
