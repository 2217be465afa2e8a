import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { TransferStatus } from '../../modules/inventory/transfer-machine.ts';
import type { PaymentStatus } from '../../modules/payments/machine.ts';
import type { OrderTables } from './schema-orders.ts';

/** Kysely's view of the tables the migrations create. Keep it in step with `migrations/`. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  region?: string;
  country: string;
}

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
  status: Generated<'active' | 'archived'>;
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

export interface LocationsTable {
  id: string;
  code: string;
  name: string;
  type: 'warehouse' | 'store' | 'dropship_vendor';
  address: Json<Address>;
  latitude: number;
  longitude: number;
  timezone: Generated<string>;
  opening_hours: Json<Record<string, string[]>>;
  capabilities: Generated<string[]>;
  daily_capacity: Generated<number>;
  active: Generated<boolean>;
  /** Units kept back from every channel's available-to-promise at this location, unless a SKU overrides it. */
  safety_stock: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChannelsTable {
  id: string;
  code: string;
  name: string;
  type: 'web' | 'register' | 'marketplace' | 'social' | 'phone';
  currency: string;
  price_list_id: string;
  store_location_id: string | null;
  enabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChannelLocationsTable {
  channel_id: string;
  location_id: string;
  sells: boolean;
  fulfils: boolean;
}

export interface CustomerGroupsTable {
  id: string;
  code: string;
  name: string;
  discount_basis_points: Generated<number>;
  created_at: CreatedAt;
}

export interface CustomersTable {
  id: string;
  first_name: string;
  last_name: string;
  customer_group_id: string | null;
  discount_basis_points: Generated<number>;
  /** Marketing consent flags and the ISO time each was last given or withdrawn. */
  consent: Json<Record<string, boolean | string | null>>;
  note: Generated<string>;
  /** The channel whose key created the profile; null for staff and checkouts (migration 0013). */
  created_by_channel_id: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerEmailsTable {
  email: string;
  customer_id: string;
}

export interface CustomerPhonesTable {
  phone: string;
  customer_id: string;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  label: Generated<string>;
  name: string;
  line1: string;
  line2: Generated<string>;
  postal_code: string;
  city: string;
  region: Generated<string>;
  country: string;
  phone: Generated<string>;
  is_default: Generated<boolean>;
}

export interface StaffUsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'store';
  location_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface LoginFailuresTable {
  subject: string;
  failures: number;
  last_failed_at: Date;
}

export interface StaffSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  token_hash: string;
  token_hint: string;
  role: 'admin' | 'store' | 'channel';
  location_id: string | null;
  channel_id: string | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: ColumnType<unknown, string | null, string>;
  created_at: CreatedAt;
}

export interface StockLevelsTable {
  variant_id: string;
  location_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  damaged: Generated<number>;
  incoming: Generated<number>;
  safety_stock: number | null;
  updated_at: UpdatedAt;
}

export type MovementKind =
  | 'receipt' | 'sale' | 'reservation' | 'release' | 'deduction' | 'adjustment' | 'count'
  | 'transfer_out' | 'transfer_in' | 'return_restock' | 'damage' | 'incoming' | 'incoming_cancelled';

export interface StockMovementsTable {
  id: Generated<number>;
  variant_id: string;
  location_id: string;
  kind: MovementKind;
  quantity: number;
  on_hand_change: Generated<number>;
  reserved_change: Generated<number>;
  damaged_change: Generated<number>;
  incoming_change: Generated<number>;
  reason: Generated<string>;
  reference_type: Generated<string>;
  reference_id: Generated<string>;
  actor: Generated<string>;
  created_at: CreatedAt;
}

export interface ReservationsTable {
  id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
  kind: 'hold' | 'order';
  status: Generated<'active' | 'released' | 'expired' | 'deducted'>;
  channel_id: string | null;
  reference_type: Generated<string>;
  reference_id: Generated<string>;
  expires_at: Timestamp | null;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
}

export interface IncomingStockTable {
  id: string;
  variant_id: string;
  location_id: string;
  source: 'purchase' | 'transfer';
  reference_id: Generated<string>;
  quantity: number;
  received: Generated<number>;
  expected_at: Timestamp | null;
  status: Generated<'open' | 'closed' | 'cancelled'>;
  created_at: CreatedAt;
}

export interface TransfersTable {
  id: string;
  number: string;
  from_location_id: string;
  to_location_id: string;
  status: Generated<TransferStatus>;
  expected_at: Timestamp | null;
  note: Generated<string>;
  created_by: Generated<string>;
  created_at: CreatedAt;
  shipped_at: Timestamp | null;
  received_at: Timestamp | null;
}

export interface TransferLinesTable {
  transfer_id: string;
  variant_id: string;
  quantity: number;
  received: Generated<number>;
}

export interface StockFeedsTable {
  id: string;
  mode: 'snapshot' | 'delta';
  format: string;
  as_of: Timestamp | null;
  rows: number;
  changed: number;
  actor: Generated<string>;
  applied_at: CreatedAt;
}

export interface OutboxEventsTable {
  id: Generated<number>;
  txid: Generated<string>;
  type: string;
  subject: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface OutboxConsumersTable {
  name: string;
  after_txid: string;
  after_id: string;
  leased_by: string | null;
  leased_until: Date | null;
  updated_at: Generated<Date>;
}

export type PromotionKind = 'percentage' | 'fixed_amount' | 'free_shipping';
export type DeliveryMethod = 'ship_to_address' | 'pickup_in_store' | 'ship_to_store';

export interface PromotionsTable {
  id: string;
  /** Upper case. */
  code: string;
  name: Generated<string>;
  kind: PromotionKind;
  /** Basis points for a percentage, minor units for a fixed amount, 0 for free shipping. */
  value: number;
  currency: string | null;
  minimum_subtotal: Generated<number>;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  usage_limit: number | null;
  times_used: Generated<number>;
  /** null: every channel. */
  channel_ids: string[] | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PromotionRedemptionsTable {
  promotion_id: string;
  reference: string;
  redeemed_at: CreatedAt;
}

export interface WeightBand {
  upToGrams: number;
  amount: number;
}

export interface DeliveryRatesTable {
  id: string;
  /** null: the default for every channel selling in `currency`. */
  channel_id: string | null;
  method: DeliveryMethod;
  pricing: 'flat' | 'weight_band' | 'free_above';
  amount: Generated<number>;
  free_above_amount: number | null;
  weight_bands: JSONColumnType<WeightBand[] | null, string | null, string | null>;
  packing_fee: Generated<number>;
  currency: string;
  tax_class: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type PaymentMethod = 'card_online' | 'card_register' | 'cash' | 'pay_at_pickup' | 'gift_card' | 'loyalty_points' | 'store_credit';
// The status types of the machines' own modules: a status the machine does not know cannot be written.
export type { PaymentStatus };

export interface PaymentsTable {
  id: string;
  order_id: string;
  method: PaymentMethod;
  provider: string | null;
  status: PaymentStatus;
  currency: string;
  amount: number;
  authorized_amount: Generated<number>;
  captured_amount: Generated<number>;
  refunded_amount: Generated<number>;
  card_brand: string | null;
  card_last4: string | null;
  provider_reference: string | null;
  decline_code: string | null;
  cash_tendered: number | null;
  change_given: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PaymentEventsTable {
  id: Generated<number>;
  payment_id: string;
  type: string;
  amount: number;
  from_status: PaymentStatus;
  to_status: PaymentStatus;
  provider_reference: string | null;
  actor: string;
  created_at: CreatedAt;
}

export interface DB extends OrderTables {
  stock_levels: StockLevelsTable;
  stock_movements: StockMovementsTable;
  reservations: ReservationsTable;
  incoming_stock: IncomingStockTable;
  transfers: TransfersTable;
  transfer_lines: TransferLinesTable;
  stock_feeds: StockFeedsTable;
  outbox_events: OutboxEventsTable;
  outbox_consumers: OutboxConsumersTable;
  tax_classes: TaxClassesTable;
  products: ProductsTable;
  variants: VariantsTable;
  variant_minimum_prices: VariantMinimumPricesTable;
  price_lists: PriceListsTable;
  prices: PricesTable;
  locations: LocationsTable;
  channels: ChannelsTable;
  channel_locations: ChannelLocationsTable;
  customer_groups: CustomerGroupsTable;
  customers: CustomersTable;
  customer_emails: CustomerEmailsTable;
  customer_phones: CustomerPhonesTable;
  customer_addresses: CustomerAddressesTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_failures: LoginFailuresTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  promotions: PromotionsTable;
  promotion_redemptions: PromotionRedemptionsTable;
  delivery_rates: DeliveryRatesTable;
  payments: PaymentsTable;
  payment_events: PaymentEventsTable;
  reference_data_version: { singleton: Generated<boolean>; version: Generated<number> };
}
