import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each module owns its tables: it declares their types (its `tables.ts`; `modules/tables.ts` puts them together for
 * Kysely), only its own SQL names them, and other modules go through its functions. The few
 * exceptions are listed below, each with why. The check reads every module's source (tests aside), comments removed,
 * for table names in quotes (Kysely: `selectFrom('orders')`, `'orders.id'`) and after SQL keywords in `sql` templates
 * (`from orders`, `join`, `into`, `update`).
 */
const OWNERS: Record<string, string[]> = {
  access: ['api_keys', 'staff_users', 'staff_sessions', 'login_failures'],
  catalog: ['products', 'variants', 'tax_classes', 'price_lists', 'prices', 'variant_minimum_prices'],
  locations: ['locations'],
  channels: ['channels', 'channel_locations'],
  customers: ['customers', 'customer_emails', 'customer_phones', 'customer_addresses', 'customer_groups'],
  inventory: ['stock_levels', 'stock_movements', 'reservations', 'incoming_stock', 'stock_feeds', 'transfers', 'transfer_lines', 'stock_shortfalls'],
  pricing: ['delivery_rates', 'promotions', 'promotion_redemptions'],
  payments: ['payments', 'payment_events'],
  orders: ['orders', 'order_lines', 'delivery_groups', 'order_events'],
  routing: [
    'routing_rule_sets',
    'routing_product_locations',
    'postcode_centroids',
    'routing_load',
    'routing_decisions',
    'routing_rejections',
    'preorder_allowances',
  ],
  dropship: ['purchase_requests', 'purchase_request_lines'],
  register: ['registers', 'register_sessions', 'register_cash_movements'],
  fulfilment: ['pick_lists', 'pick_list_groups', 'pick_scans', 'parcels', 'dispatches'],
  // The platform's own: written through platform/outbox.ts, platform/http/idempotency.ts and the set-up version.
  platform: ['outbox_events', 'outbox_consumers', 'idempotency_keys', 'reference_data_version'],
};

/**
 * `module → table` a module may name although another owns it, and why: reads joined into a hot statement (one round
 * trip where a call into the owner would be another), and checks made in the same statement as the write they guard.
 */
const ALLOWED: Record<string, string> = {
  // Every request: the one look-up per second of an API key refuses a disabled channel's key in the same read.
  'access → channels': 'an API key of a disabled channel is refused in the key look-up itself',
  'access → locations': 'a store user or key is bound to a location that must exist (checked when created)',
  'channels → locations': "a channel's locations are checked to exist when they are set",
  'channels → price_lists': "a channel's price list is checked to exist when it is set",
  'customers → orders': "a channel sees the customers who ordered through it: one semi-join in the customer's read",
  'inventory → channel_locations': 'available to promise per channel joins the locations a channel sells from, in one statement',
  'inventory → locations': "a location's default safety stock is part of the stock rule, joined into each stock statement",
  'inventory → variants': 'SKUs are resolved to variants in the same statement that reads or writes their stock',
  'inventory → outbox_events': "a stock write's stock.changed events go in the same statement as the write (one round trip)",
  'routing → locations': "routing's view of the locations (coordinates, groups, capacity, hours) is read with the selling set-up, once per version",
  'orders → customers': "an email's addressee is read with its order (the emails' one read per order)",
  'orders → channels': 'the selling set-up (channels and their rules) is read in one statement per set-up version',
  'orders → channel_locations': 'the selling set-up: where each channel sells and fulfils from, in the same statement',
  'orders → locations':
    "the selling set-up: the locations' kinds and addresses, in the same statement; the emails' store address; the pickup store's window and reminder hours (pickup/)",
  'orders → price_lists': "an email shows prices as the channel's price list does (tax included or not)",
  'orders → reference_data_version': "the set-up's version is read in the batch's first statement, with the order numbers",
  'orders → transfer_lines': "a ship-to-store group follows its transfer's lines as they arrive (ship-to-store.ts)",
  'orders → reservations': "a ship-to-store group's reservations move to the pickup store when its transfer arrives",
  'pricing → tax_classes': "a quote's facts (tax rates) are read in one statement",
  'pricing → channels': "a quote's facts (the channel's price list and rules) are read in one statement",
  'pricing → customers': "a quote's facts (the customer's own discount) are read in one statement",
  'pricing → customer_groups': "a quote's facts (the customer's group discount) are read in one statement",
  'pricing → price_lists': "a quote's facts (currency, tax included) are read in one statement",
  'pricing → variants': "a quote's facts (the lines' variants) are read in one statement",
  'pricing → prices': "a quote's facts (the lines' prices) are read in one statement",
  'pricing → variant_minimum_prices': "a quote's facts (the minimum price of each line) are read in one statement",
  'pricing → products': "a quote's facts (the lines' tax classes) are read in one statement",
  // The store's work queue is a read over orders: a location's open groups with their orders, customers' names,
  // transfers and lines in a few statements whatever the queue's length (no call per group into each owner).
  'fulfilment → delivery_groups': "a location's work queue and pick lists read its open groups in one statement",
  'fulfilment → orders': "the work queue shows each group's order number, read with the groups",
  'fulfilment → order_lines': 'the lines to pick are read with what was scanned of them, in one statement for any number of groups',
  'fulfilment → customers': "the work queue and pick lists show the customer's name, read with the groups",
  'fulfilment → transfers': 'the work queue shows the transfer bringing a pickup’s goods, read with the groups',
  'fulfilment → locations': 'must-scan is checked in the same statement as the lines it guards, on the pack and ship paths',
};

const MODULES = path.resolve(import.meta.dirname, '../src/modules');
const TABLES = new Map(Object.entries(OWNERS).flatMap(([owner, tables]) => tables.map((table) => [table, owner] as const)));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The tables a source text names in SQL. */
function tablesNamed(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const named = new Set<string>();
  for (const match of code.matchAll(/['"`]([a-z_]+)(?:\.[a-z_*]+)?(?: as [a-z_]+)?['"`]/g)) if (TABLES.has(match[1]!)) named.add(match[1]!);
  for (const match of code.matchAll(/\b(?:from|join|into|update|table|using)\s+([a-z_]+)\b/gi)) if (TABLES.has(match[1]!)) named.add(match[1]!);
  return named;
}

function crossings(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const modules = readdirSync(MODULES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name: module } of modules) {
    for (const file of sourceFiles(path.join(MODULES, module))) {
      for (const table of tablesNamed(readFileSync(file, 'utf8'))) {
        if (TABLES.get(table) === module) continue;
        const key = `${module} → ${table}`;
        found.set(key, [...(found.get(key) ?? []), path.relative(MODULES, file)]);
      }
    }
  }
  return found;
}

describe('table ownership', () => {
  it('finds tables in Kysely calls and in SQL text, not in comments or words', () => {
    expect([...tablesNamed(`db.selectFrom('orders').innerJoin('variants as v', 'v.id', 'order_lines.variant_id')`)].sort()).toEqual([
      'order_lines',
      'orders',
      'variants',
    ]);
    expect([...tablesNamed('sql`update stock_levels s set on_hand = 1 from unnest($1) join reservations r on true`')].sort()).toEqual([
      'reservations',
      'stock_levels',
    ]);
    expect([...tablesNamed('// reads orders from locations\nconst orders = 1; /* join payments */')]).toEqual([]);
  });

  it('lets a module name only its own tables, and the few others listed with a reason', () => {
    const found = crossings();
    const unexplained = [...found].filter(([key]) => !(key in ALLOWED)).map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(unexplained).toEqual([]);
    // An exception no longer needed goes from the list.
    expect(Object.keys(ALLOWED).filter((key) => !found.has(key))).toEqual([]);
  });

  it("declares each table's type in its owner's tables.ts", () => {
    const declared = (file: string) => {
      const map = /export interface \w+Tables \{([^}]*)\}/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      return [...map.matchAll(/^\s*([a-z_]+):/gm)].map((match) => match[1]!).sort();
    };
    for (const [owner, tables] of Object.entries(OWNERS)) {
      const file = owner === 'platform' ? path.resolve(MODULES, '../platform/db/tables.ts') : path.join(MODULES, owner, 'tables.ts');
      expect(declared(file), owner).toEqual([...tables].sort());
    }
  });
});
