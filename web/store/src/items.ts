import { api, must } from '../../api/client.ts';
import type { components } from '../../api/schema.ts';

export type Variant = components['schemas']['VariantWithProduct'];

/** The item a scanned or typed code names: a barcode (digits) or a SKU, exactly; null when none. */
export async function itemByCode(code: string): Promise<Variant | null> {
  const trimmed = code.trim();
  const query = /^\d{8,14}$/.test(trimmed) ? { barcode: trimmed } : { sku: trimmed };
  const page = await must(api.GET('/v1/variants', { params: { query } }));
  return page.items[0] ?? null;
}

/** Items whose SKU, barcode or title matches what the associate types. */
export async function searchItems(text: string): Promise<Variant[]> {
  return (await must(api.GET('/v1/variants', { params: { query: { q: text.trim() } } }))).items;
}
