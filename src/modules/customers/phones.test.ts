import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { normalisePhone, usePhoneRegion } from './schema.ts';

afterEach(() => usePhoneRegion('FR'));

describe('phone numbers', () => {
  it('are stored in E.164 however they are written, national numbers in the retailer\'s country', () => {
    for (const written of ['06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '+33 (0)6 12-34-56-78', '0033 612 345 678']) {
      expect(normalisePhone(written), written).toBe('+33612345678');
    }
    expect(normalisePhone('+48 612 345 678')).toBe('+48612345678');
    usePhoneRegion(loadConfig({ RETAILER_LOCALE: 'pl-PL' }).phoneRegion);
    expect(normalisePhone('612 345 678')).toBe('+48612345678');
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('+33612345678');
  });

  it('are refused when they cannot be a number', () => {
    for (const written of ['12 34', 'call me', '+33 6 12', '']) expect(normalisePhone(written), written).toBeUndefined();
  });
});
