import { describe, expect, it } from 'vitest';
import { ADMIN_KEY } from '../../../test/support/api.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { ledgerMismatches, stockedSkus } from '../../../test/support/fixtures.ts';
import { twoServerProcesses, type ServerProcess } from '../../../test/support/processes.ts';

/**
 * Never oversell, for orders: two `aisle serve` processes on one PostgreSQL, 200 web orders racing for 50 units.
 * Batches that fit are written in one statement, the others decided under lock; buyers sharing an email on both
 * processes at once must end up with one profile.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };

describe.skipIf(!postgresUrl)('orders racing for the last units across server processes (PostgreSQL)', () => {
  const context = twoServerProcesses(async (api, basics) => {
    await stockedSkus(api, basics, [{ sku: 'LAST-50', price: 1500, quantity: 50 }]);
    const rate = await api.call('PUT', '/v1/delivery-rates', {
      body: { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
    });
    expect(rate.status).toBe(200);
  });

  const call = (server: ServerProcess, method: string, route: string, body?: unknown) =>
    fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(async (response) => ({ status: response.status, text: await response.text() }));

  it('places exactly 50 of 200 orders for 50 units, and gives each new email one profile', async () => {
    const { api, basics, servers } = context;
    const lines = [{ sku: 'LAST-50', quantity: 1 }];
    const quote = await api.call('POST', '/v1/quotes', {
      body: { channelId: basics.web.id, lines, deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] },
    });
    expect(quote.status).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        call(servers[index % 2]!, 'POST', '/v1/orders', {
          channelId: basics.web.id,
          // 40 emails, each sent five times across both processes: new guests racing for the same email.
          customer: { firstName: 'Racing', lastName: 'Buyer', email: `racer.${index % 40}@example.com` },
          lines,
          deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
          payments: [{ method: 'card_online', amount: quote.body.totals.total, card: CARD }],
        }),
      ),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 409)).toHaveLength(150);
    expect(JSON.parse(results.find((result) => result.status === 409)!.text)).toMatchObject({ code: 'insufficient-stock' });
    const level = await api.call('GET', `/v1/inventory/levels?sku=LAST-50&locationId=${basics.warehouse.id}`);
    expect(level.body.items[0]).toMatchObject({ onHand: 50, reserved: 50, available: 0 });
    expect(await ledgerMismatches(api)).toEqual([]);

    // One profile per email, and every order of an email belongs to it.
    const placed = results.flatMap((result) => (result.status === 201 ? [JSON.parse(result.text) as { customerId: string; email: string }] : []));
    const owners = new Map<string, Set<string>>();
    for (const order of placed) owners.set(order.email, (owners.get(order.email) ?? new Set()).add(order.customerId));
    for (const customers of owners.values()) expect(customers.size).toBe(1);
    const profiles = await api.database.db.selectFrom('customer_emails').select('customer_id').where('email', 'like', 'racer.%').execute();
    expect(profiles.map((profile) => profile.customer_id).sort()).toEqual([...owners.values()].map((customers) => [...customers][0]).sort());

    // Some batches were written in one statement and the refused orders decided under lock; none fell back after an error.
    const written = { one_statement: 0, transaction: 0, transaction_after_error: 0 };
    for (const server of servers) {
      const text = (await call(server, 'GET', '/metrics')).text;
      for (const [, how, value] of text.matchAll(/^aisle_order_batch_writes_total\{how="([^"]+)"\} (\S+)$/gm))
        written[how as keyof typeof written] += Number(value);
    }
    expect(written.transaction).toBeGreaterThan(0);
    expect(written.transaction_after_error).toBe(0);
  });
});
