import type { Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from '../../platform/db/columns.ts';
import type { PRODUCT_STATUSES } from './schema.ts';

/** Kysely's view of the tables catalog owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export interface TaxClassesTable {
  code: string;
  name: string;
  rate_basis_points: number;
}

export interface ProductsTable {
  id: string;
  title: string;
  description: Generated<string>;
  tax_class: string;
  image_urls: Generated<string[]>;
  status: Generated<ProductStatus>;
  /** The product's category and tags, as routing rules name them. */
  tags: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VariantsTable {
  id: string;
  product_id: string;
  sku: string;
  barcode: string | null;
  title: string;
  options: Json<Record<string, string>>;
  weight_grams: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VariantMinimumPricesTable {
  variant_id: string;
  currency: string;
  amount: number;
}

export interface PriceListsTable {
  id: string;
  code: string;
  name: string;
  currency: string;
  prices_include_tax: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PricesTable {
  price_list_id: string;
  variant_id: string;
  amount: number;
}

export interface CatalogTables {
  tax_classes: TaxClassesTable;
  products: ProductsTable;
  variants: VariantsTable;
  variant_minimum_prices: VariantMinimumPricesTable;
  price_lists: PriceListsTable;
  prices: PricesTable;
}
