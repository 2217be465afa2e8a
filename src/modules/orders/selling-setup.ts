import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ChannelsTable } from '../channels/tables.ts';
import { allRates } from '../pricing/delivery-rates.ts';
import { allPriceLists, type KeptVariants, type PricingFacts } from '../pricing/service.ts';
import { readRoutingSetup, type RoutingSetup } from '../routing/setup.ts';

/**
 * The shop's set-up as the order desk uses it: channels, the registers of each store, where each channel fulfils
 * from, price lists, delivery rates, routing's rule sets and locations, and the variants ordered so far with their prices. A process keeps it in memory
 * for the version it was read at (migrations 0008 and 0011: every change to those tables raises the version). A batch
 * starts its reads with the set-up kept and reads the version with its order numbers; should the version be newer, the
 * batch reads the set-up again and what it read with the old one. So a change made through any process applies from the next batch of every process, and a batch costs no query
 * and no round trip for any of this.
 */
export interface SellingSetup {
  channels: Map<string, Selectable<ChannelsTable>>;
  /** Store location → its register channel (the first by id when a store has several). */
  registers: Map<string, string>;
  /** The active locations each channel fulfils from. */
  fulfilling: { channel_id: string; id: string; type: string; capabilities: string[] }[];
  priceLists: PricingFacts['priceLists'];
  rates: PricingFacts['rates'];
  /** Filled as batches read variants (pricing/service.ts), so never older than the version either. */
  variants: KeptVariants;
  /** Active rule sets, locations as routing sees them, product × location flags. */
  routing: RoutingSetup;
}

/** A process's copy of the set-up. */
export interface SellingSetups {
  /** The set-up kept and the version it was read for, if any: a batch may start with it before it knows the version. */
  kept(): { version: number; setup: Promise<SellingSetup> } | undefined;
  /** The set-up for `version`: the one kept, or read again if that is older. */
  at(version: number): Promise<SellingSetup>;
}

/** A process's copy of the set-up, read again when a batch sees a newer version. */
export function sellingSetupCache(db: Db): SellingSetups {
  let kept: { version: number; setup: Promise<SellingSetup> } | undefined;
  return {
    kept: () => kept,
    at: (version) => {
      if (!kept || kept.version < version) {
        // Read after the version was: what is kept is never older than the version it is kept for.
        const setup = readSetup(db);
        kept = { version, setup };
        setup.catch(() => {
          if (kept?.setup === setup) kept = undefined;
        });
      }
      return kept.setup;
    },
  };
}

async function readSetup(db: Db): Promise<SellingSetup> {
  const [channels, fulfilling, priceLists, rates, routing] = await Promise.all([
    db.selectFrom('channels').selectAll().orderBy('id').execute(),
    db
      .selectFrom('channel_locations')
      .innerJoin('locations', 'locations.id', 'channel_locations.location_id')
      .select(['channel_locations.channel_id', 'locations.id', 'locations.type', 'locations.capabilities'])
      .where('channel_locations.fulfils', '=', true)
      .where('locations.active', '=', true)
      .execute(),
    allPriceLists(db).execute(),
    allRates(db),
    readRoutingSetup(db),
  ]);
  const registers = new Map<string, string>();
  for (const row of channels)
    if (row.type === 'register' && row.store_location_id !== null && !registers.has(row.store_location_id)) registers.set(row.store_location_id, row.id);
  return {
    channels: new Map(channels.map((row) => [row.id, row])),
    registers,
    fulfilling,
    priceLists: new Map(priceLists.map((list) => [list.id, list])),
    rates,
    variants: new Map(),
    routing,
  };
}
