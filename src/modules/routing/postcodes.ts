import { sql } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { InvalidInput, NotFound, type FieldError } from '../../platform/errors.ts';
import type { PostcodeCentroid, PostcodeRows } from './schema.ts';

/**
 * Where postcodes lie, for the distance to an address that came without coordinates: loaded by the retailer from a
 * postcode file (no geocoding over the network while an order waits). Postcodes are kept as `normalPostcode` writes
 * them, the form facts.ts looks addresses' postcodes up in.
 */

/** A postcode as stored and looked up: upper case, without spaces (`sw1a 1aa` and `SW1A1AA` are one postcode). */
export const normalPostcode = (postalCode: string): string => postalCode.replaceAll(' ', '').toUpperCase();

/** Creates or moves up to 10,000 centroids in one statement; a postcode given twice in the request is refused. */
export async function putPostcodes(trx: Trx, rows: PostcodeRows): Promise<{ written: number }> {
  const keys = rows.map((row) => normalPostcode(row.postalCode));
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  rows.forEach((row, index) => {
    const key = `${row.country} ${keys[index]}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, index);
    else errors.push({ field: `body.rows.${index}.postalCode`, message: `repeats the postcode of row ${earlier}` });
  });
  if (errors.length) throw new InvalidInput(errors);
  const result = await sql`
    insert into postcode_centroids (country, postal_code, latitude, longitude)
    select * from unnest(${rows.map((row) => row.country)}::text[], ${keys}::text[], ${rows.map((row) => row.latitude)}::float8[], ${rows.map((row) => row.longitude)}::float8[])
    on conflict (country, postal_code) do update set latitude = excluded.latitude, longitude = excluded.longitude
    where (postcode_centroids.latitude, postcode_centroids.longitude) is distinct from (excluded.latitude, excluded.longitude)`.execute(trx);
  return { written: Number(result.numAffectedRows ?? 0) };
}

export async function getPostcode(db: Executor, country: string, postalCode: string): Promise<PostcodeCentroid> {
  const row = await db
    .selectFrom('postcode_centroids')
    .selectAll()
    .where('country', '=', country)
    .where('postal_code', '=', normalPostcode(postalCode))
    .executeTakeFirst();
  if (!row) throw new NotFound('Postcode', `${country} ${postalCode}`);
  return { country: row.country, postalCode: row.postal_code, latitude: row.latitude, longitude: row.longitude };
}
