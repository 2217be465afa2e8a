import type { Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { DeliveryRatesTable } from './tables.ts';
import type { DeliveryMethod } from './terms.ts';
import { newId } from '../../platform/ids.ts';
import { InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import type { DeliveryRate } from './engine.ts';
import type { DeliveryRateInput, DeliveryRateView } from './schema.ts';

type RateRow = Selectable<DeliveryRatesTable>;

const toView = (row: RateRow): DeliveryRateView => ({
  id: row.id,
  channelId: row.channel_id,
  method: row.method,
  pricing: row.pricing,
  amount: row.amount,
  freeAboveAmount: row.free_above_amount,
  weightBands: row.weight_bands,
  packingFee: row.packing_fee,
  currency: row.currency,
  taxClass: row.tax_class,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The channels' own rates and the defaults in their currencies, for the methods asked (one query). */
const ratesWithTax = (db: Executor) =>
  db
    .selectFrom('delivery_rates')
    .innerJoin('tax_classes', 'tax_classes.code', 'delivery_rates.tax_class')
    .selectAll('delivery_rates')
    .select('tax_classes.rate_basis_points');

export async function usableRates(db: Executor, channelIds: string[], currencies: string[], methods: DeliveryMethod[]) {
  if (!methods.length || !channelIds.length) return [];
  return ratesWithTax(db)
    .where('delivery_rates.method', 'in', methods)
    .where('delivery_rates.currency', 'in', currencies)
    .where((eb) => eb.or([eb('delivery_rates.channel_id', 'in', channelIds), eb('delivery_rates.channel_id', 'is', null)]))
    .execute();
}

/** Every rate of the shop, for a process that keeps the set-up in memory (pricing filters by channel and currency). */
export const allRates = (db: Executor) => ratesWithTax(db).execute();

/** A channel's own rate wins over the default; a method with neither cannot be quoted. */
export function rateFor(rows: (RateRow & { rate_basis_points: number })[], method: DeliveryMethod, groupIndex: number): DeliveryRate {
  const row = rows.find((rate) => rate.method === method && rate.channel_id !== null) ?? rows.find((rate) => rate.method === method);
  if (!row) {
    throw new RuleViolation('no-delivery-rate', `No delivery rate is set for ${method} in this channel.`, {
      method,
      deliveryGroup: groupIndex,
      field: `body.deliveryGroups.${groupIndex}.method`,
    });
  }
  const fees = { packingFee: row.packing_fee, taxRateBasisPoints: row.rate_basis_points };
  switch (row.pricing) {
    case 'flat':
      return { pricing: 'flat', amount: row.amount, ...fees };
    case 'free_above':
      return { pricing: 'free_above', amount: row.amount, freeAboveAmount: row.free_above_amount ?? 0, ...fees };
    case 'weight_band':
      return { pricing: 'weight_band', weightBands: row.weight_bands ?? [], ...fees };
  }
}

/** Sets the rate of one method for one channel (or the default in a currency), replacing the one there was. */
export async function putDeliveryRate(trx: Trx, input: DeliveryRateInput): Promise<DeliveryRateView> {
  const [channel, taxClass] = await Promise.all([
    input.channelId === null ? undefined : trx.selectFrom('channels').select(['currency']).where('id', '=', input.channelId).executeTakeFirst(),
    trx.selectFrom('tax_classes').select('code').where('code', '=', input.taxClass).executeTakeFirst(),
  ]);
  const errors = [
    ...(input.channelId !== null && !channel ? [{ field: 'body.channelId', message: `channel ${input.channelId} does not exist` }] : []),
    ...(!taxClass ? [{ field: 'body.taxClass', message: `tax class ${input.taxClass} does not exist` }] : []),
  ];
  if (errors.length) throw new InvalidInput(errors);
  if (channel && channel.currency !== input.currency) {
    throw new RuleViolation('currency-mismatch', `The channel sells in ${channel.currency}, not ${input.currency}.`, {
      channelCurrency: channel.currency,
      currency: input.currency,
    });
  }
  const values = {
    method: input.method,
    pricing: input.pricing,
    amount: input.amount,
    free_above_amount: input.pricing === 'free_above' ? input.freeAboveAmount : null,
    weight_bands: input.pricing === 'weight_band' ? JSON.stringify([...input.weightBands!].sort((a, b) => a.upToGrams - b.upToGrams)) : null,
    packing_fee: input.packingFee,
    currency: input.currency,
    tax_class: input.taxClass,
  };
  const { method: _method, currency: _currency, ...changes } = values;
  const row = await trx
    .insertInto('delivery_rates')
    .values({ id: newId(), channel_id: input.channelId, ...values })
    .onConflict((conflict) =>
      (input.channelId === null
        ? conflict.columns(['method', 'currency']).where('channel_id', 'is', null)
        : conflict.columns(['channel_id', 'method']).where('channel_id', 'is not', null)
      ).doUpdateSet({ ...changes, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toView(row);
}

/** Every rate; for a channel, only those it uses (its own, else the default in its currency), one per method. */
export async function listDeliveryRates(db: Executor, filter: { channelId?: string | undefined }): Promise<{ items: DeliveryRateView[] }> {
  if (filter.channelId === undefined) {
    const rows = await db.selectFrom('delivery_rates').selectAll().orderBy('channel_id', 'asc').orderBy('method').orderBy('currency').execute();
    return { items: rows.map(toView) };
  }
  const channel = await db.selectFrom('channels').select(['id', 'currency']).where('id', '=', filter.channelId).executeTakeFirst();
  if (!channel) throw new NotFound('Channel', filter.channelId);
  const rows = await db
    .selectFrom('delivery_rates')
    .selectAll()
    .where('currency', '=', channel.currency)
    .where((eb) => eb.or([eb('channel_id', '=', channel.id), eb('channel_id', 'is', null)]))
    .orderBy('method')
    .execute();
  const byMethod = new Map<string, RateRow>();
  for (const row of rows) if (!byMethod.has(row.method) || row.channel_id !== null) byMethod.set(row.method, row);
  return { items: [...byMethod.values()].map(toView) };
}

export async function deleteDeliveryRate(trx: Trx, id: string): Promise<void> {
  const deleted = await trx.deleteFrom('delivery_rates').where('id', '=', id).returning('id').executeTakeFirst();
  if (!deleted) throw new NotFound('Delivery rate', id);
}
