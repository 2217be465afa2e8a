import { describe, expect, it } from 'vitest';
import { ADMIN_KEY } from '../../../test/support/api.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { createVariants, ledgerMismatches, receive } from '../../../test/support/fixtures.ts';
import { twoServerProcesses, type ServerProcess } from '../../../test/support/processes.ts';

/**
 * Never oversell: two `aisle serve` processes on one PostgreSQL, 200 buyers racing for 50 units. Each buyer gets
 * a 201 or a 409, exactly 50 get a 201, and the ledger, the quantities and the reservations agree afterwards.
 */
describe.skipIf(!postgresUrl)('racing for the last units across server processes (PostgreSQL)', () => {
  const context = twoServerProcesses(async (api) => {
    await createVariants(api, ['RACE-1', 'RACE-A', 'RACE-B', 'RACE-C']);
  });

  const reserveThrough = (server: ServerProcess, lines: { sku: string; locationId: string; quantity: number }[]) =>
    fetch(`${server.url}/v1/reservations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'order', lines }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

  it('sells exactly 50 of 50 units to 200 concurrent buyers', async () => {
    const { api, basics, servers } = context;
    const wh = basics.warehouse.id;
    await receive(api, wh, [{ sku: 'RACE-1', quantity: 50 }]);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => reserveThrough(servers[index % 2]!, [{ sku: 'RACE-1', locationId: wh, quantity: 1 }])),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 409)).toHaveLength(150);
    expect(results.find((result) => result.status === 409)!.body).toMatchObject({ code: 'insufficient-stock', shortages: [{ sku: 'RACE-1', available: 0 }] });
    const level = await api.call('GET', `/v1/inventory/levels?sku=RACE-1&locationId=${wh}`);
    expect(level.body.items[0]).toMatchObject({ onHand: 50, reserved: 50, available: 0 });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('reserves multi-line carts all or nothing under the same race', async () => {
    const { api, basics, servers } = context;
    const wh = basics.warehouse.id;
    await receive(api, wh, [
      { sku: 'RACE-A', quantity: 30 },
      { sku: 'RACE-B', quantity: 20 },
      { sku: 'RACE-C', quantity: 100 },
    ]);
    const carts = Array.from({ length: 200 }, (_, index) =>
      index % 2 === 0
        ? [
            { sku: 'RACE-A', locationId: wh, quantity: 1 },
            { sku: 'RACE-B', locationId: wh, quantity: 1 },
            { sku: 'RACE-C', locationId: wh, quantity: 1 },
          ]
        : [
            { sku: 'RACE-C', locationId: wh, quantity: 1 },
            { sku: 'RACE-A', locationId: wh, quantity: 1 },
          ],
    );
    const results = await Promise.all(carts.map((lines, index) => reserveThrough(servers[index % 2]!, lines)));
    expect(results.every((result) => result.status === 201 || result.status === 409)).toBe(true);
    const granted = results.flatMap((result, index) => (result.status === 201 ? [carts[index]!] : []));
    const sold = (sku: string) => granted.flat().filter((line) => line.sku === sku).length;
    // Every granted cart got all of its lines, and no SKU went past its stock.
    for (const result of results.filter((r) => r.status === 201)) expect(result.body.reservations.length).toBeGreaterThanOrEqual(2);
    expect(sold('RACE-A')).toBe(30);
    expect(sold('RACE-B')).toBeLessThanOrEqual(20);
    expect(sold('RACE-C')).toBeLessThanOrEqual(100);
    const levels = await api.call('GET', `/v1/inventory/levels?locationId=${wh}&limit=200`);
    for (const sku of ['RACE-A', 'RACE-B', 'RACE-C']) {
      expect(levels.body.items.find((item: { sku: string }) => item.sku === sku).reserved).toBe(sold(sku));
    }
    expect(await ledgerMismatches(api)).toEqual([]);
  });
});
