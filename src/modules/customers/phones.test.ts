import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { loadConfig } from '../../config.ts';
import { normalisePhone } from './schema.ts';

describe('phone numbers', () => {
  it("are stored in E.164 however they are written, national numbers in the retailer's country", () => {
    for (const written of ['06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '+33 (0)6 12-34-56-78', '0033 612 345 678']) {
      expect(normalisePhone(written, 'FR'), written).toBe('+33612345678');
    }
    expect(normalisePhone('+48 612 345 678', 'FR')).toBe('+48612345678');
    const polish = loadConfig({ RETAILER_LOCALE: 'pl-PL' }).phoneRegion;
    expect(normalisePhone('612 345 678', polish)).toBe('+48612345678');
    expect(normalisePhone('+33 6 12 34 56 78', polish)).toBe('+33612345678');
  });

  it('are refused when they cannot be a number', () => {
    for (const written of ['12 34', 'call me', '+33 6 12', '']) expect(normalisePhone(written, 'FR'), written).toBeUndefined();
  });
});

describe('the phone region of an app', () => {
  let french: TestApi;
  let polish: TestApi;
  beforeAll(async () => {
    // Two shops in one process, each with its own policies: neither's region leaks into the other's requests.
    [french, polish] = await Promise.all([startTestApi(), startTestApi({ policies: { phoneRegion: 'PL' } })]);
  });
  afterAll(async () => {
    await Promise.all([french?.close(), polish?.close()]);
  });

  it("reads national numbers in requests in the shop's own country", async () => {
    const body = { firstName: 'Ola', lastName: 'Nowak', phones: ['612 345 678'] };
    const [inFrance, inPoland] = await Promise.all([french.call('POST', '/v1/customers', { body }), polish.call('POST', '/v1/customers', { body })]);
    expect(inFrance.status).toBe(201);
    expect(inPoland.status).toBe(201);
    expect(inFrance.body.phones).toEqual(['+33612345678']);
    expect(inPoland.body.phones).toEqual(['+48612345678']);
    const found = await polish.call('GET', `/v1/customers?q=${encodeURIComponent('612 345 678')}`);
    expect(found.body.items.map((customer: { id: string }) => customer.id)).toEqual([inPoland.body.id]);
  });
});
