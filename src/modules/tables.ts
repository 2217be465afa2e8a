import type { AccessTables } from './access/tables.ts';
import type { CatalogTables } from './catalog/tables.ts';
import type { ChannelsTables } from './channels/tables.ts';
import type { CustomersTables } from './customers/tables.ts';
import type { DropshipTables } from './dropship/tables.ts';
import type { FulfilmentTables } from './fulfilment/tables.ts';
import type { InventoryTables } from './inventory/tables.ts';
import type { LocationsTables } from './locations/tables.ts';
import type { OrdersTables } from './orders/tables.ts';
import type { PaymentsTables } from './payments/tables.ts';
import type { PricingTables } from './pricing/tables.ts';
import type { RegisterTables } from './register/tables.ts';
import type { RoutingTables } from './routing/tables.ts';
import type { PlatformTables } from '../platform/db/tables.ts';

/**
 * The whole database as Kysely sees it: each module's tables (its `tables.ts`) and the platform's, put together here
 * and only here. `platform/db/database.ts` types its connections with it; a module names its own tables' types.
 */
export interface DB
  extends AccessTables,
    CatalogTables,
    LocationsTables,
    ChannelsTables,
    CustomersTables,
    InventoryTables,
    PricingTables,
    PaymentsTables,
    OrdersTables,
    RoutingTables,
    DropshipTables,
    RegisterTables,
    FulfilmentTables,
    PlatformTables {}
