import { describe, expect, it } from 'vitest';
import { gtinForms } from './scans.ts';

describe('the forms of a scanned barcode', () => {
  it('finds a UPC-A read as an EAN-13 or a GTIN-14, and leaves other codes as they are', () => {
    expect(gtinForms('0012345678905')).toEqual(['0012345678905', '012345678905', '00012345678905']);
    expect(gtinForms('03760123450019')).toContain('3760123450019');
    expect(gtinForms('MUG-RED')).toEqual(['MUG-RED']);
  });
});
