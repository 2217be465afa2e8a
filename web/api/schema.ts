// Generated from /openapi.json by `npm run web:api`: do not edit (test/web-api-types.test.ts checks it is current).
export interface paths {
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in a staff user (sets the session cookie) */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of the cookie */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the credentials belong to */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff users */
        get: operations["listStaffUsers"];
        put?: never;
        /** Create a staff user (admin, or store staff bound to one store) */
        post: operations["createStaffUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff-users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the password of, or deactivate a staff user */
        patch: operations["updateStaffUser"];
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key (the secret is returned once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key: every server process refuses it from its next request on */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tax-classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List all tax classes */
        get: operations["listTaxClasses"];
        put?: never;
        /** Add a tax class (a VAT rate products refer to) */
        post: operations["createTaxClass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List price lists */
        get: operations["listPriceLists"];
        put?: never;
        /** Add a price list (one currency; channels sell from one) */
        post: operations["createPriceList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a price list */
        get: operations["getPriceList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists/{id}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the prices of a price list */
        get: operations["listPrices"];
        /** Set up to 5,000 prices of a price list at once, by SKU or variant id (prices not named are kept) */
        put: operations["setPrices"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find products by text, SKU, barcode or status */
        get: operations["listProducts"];
        put?: never;
        /** Add a product with its variants, minimum prices and list prices */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a product with its variants */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a product (title, description, tax class, images, status) */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/v1/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a variant to a product */
        post: operations["addVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find variants (SKUs) by text, SKU or barcode */
        get: operations["listVariants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/variants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a variant */
        get: operations["getVariant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a variant (barcode, title, options, weight) */
        patch: operations["updateVariant"];
        trace?: never;
    };
    "/v1/variants/{id}/minimum-prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the minimum prices of a variant (refused while a list price is under a new floor) */
        put: operations["setMinimumPrices"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List locations */
        get: operations["listLocations"];
        put?: never;
        /** Create a warehouse, store or drop-ship vendor */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a location */
        get: operations["getLocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a location (store staff: opening hours and capacity of their own store) */
        patch: operations["updateLocation"];
        trace?: never;
    };
    "/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the channels the caller may see */
        get: operations["listChannels"];
        put?: never;
        /** Add a sales channel (web shop, register, marketplace, social, phone) */
        post: operations["createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a channel */
        get: operations["getChannel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Configure, enable or disable a channel; replace the locations it sells and fulfils from */
        patch: operations["updateChannel"];
        trace?: never;
    };
    "/v1/customer-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customer groups */
        get: operations["listCustomerGroups"];
        put?: never;
        /** Create a customer group with the discount its members get */
        post: operations["createCustomerGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find customers by name, email or phone */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer profile shared by every channel
         * @description An email or phone another profile already has is refused with 409 `customer-exists`, naming that profile.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer with their emails, phones, addresses and group */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a customer; emails and phones replace the whole list */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/v1/customers/{id}/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an address to a customer */
        post: operations["addCustomerAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}/addresses/{addressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a customer's address */
        delete: operations["deleteCustomerAddress"];
        options?: never;
        head?: never;
        /** Change a customer's address or make it the default */
        patch: operations["updateCustomerAddress"];
        trace?: never;
    };
    "/v1/inventory/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quantities of a SKU across locations, or of every SKU at a location */
        get: operations["listStockLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger of one SKU at one location, newest first */
        get: operations["listStockMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive goods into a location */
        post: operations["receiveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A register sale of goods on the shelf: deducted at once */
        post: operations["recordShelfSale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or remove units with a reason */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a cycle count: on hand becomes what was counted */
        post: operations["countStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/damages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set damaged or unsellable units apart */
        post: operations["recordDamage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/safety-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a location's default safety stock or one SKU's override */
        put: operations["setSafetyStock"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Available to promise for up to 200 SKUs: network-wide, per channel, per location
         * @description Each SKU lists only the locations with something to promise (available above 0), most first; an empty list means none.
         */
        post: operations["getAvailability"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/availability/pickup-stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Click & collect stores near a point, nearest first, with stock for each cart line */
        post: operations["findPickupStores"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reserve stock for a cart (hold with expiry) or an order: all lines or none */
        post: operations["reserveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a reservation */
        get: operations["getReservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a reservation: its units are available again */
        post: operations["releaseReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}/deduct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deduct a reservation: the units left with a shipment or a pickup */
        post: operations["deductReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a cart's hold into an order reservation that does not expire */
        post: operations["confirmReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock-feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a stock feed from an ERP, WMS or POS (all rows or none)
         * @description A `text/csv` (header `sku,location,quantity`) or `application/x-ndjson` body is streamed, with the feed described in the query; an `application/json` body `{feedId, mode, asOf?, location?, missing?, rows}` carries small feeds (1 MB). A bad row answers 400 naming each bad line, and nothing is applied. The same feed id again answers 200 with the stored result and `idempotent-replayed: true`. Store credentials may send feeds for their own store only.
         */
        post: operations["applyStockFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock-feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The result of a stock feed */
        get: operations["getStockFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List transfers, newest first (store staff: those of their store) */
        get: operations["listTransfers"];
        put?: never;
        /** Prepare a transfer between two locations (a draft: no stock moves yet) */
        post: operations["createTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a transfer */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship a draft: the units leave the source and are incoming at the destination (409 if the source lacks unpromised stock) */
        post: operations["shipTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive all or part of a shipped transfer at the destination */
        post: operations["receiveTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a draft, or a shipped transfer of which nothing has arrived (its goods go back on the source's shelves) */
        post: operations["cancelTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/incoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock on its way (purchases and shipped transfers) with expected dates */
        get: operations["listIncomingStock"];
        put?: never;
        /** Announce a purchase delivery expected at a location: the units count as incoming until received */
        post: operations["expectPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/incoming/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive all or part of an expected purchase delivery */
        post: operations["receivePurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/incoming/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel what is still expected of a purchase delivery */
        post: operations["cancelPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{id}/stock-shortfalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A store's stock shortfalls: units sold offline that its stock no longer had, the open ones first */
        get: operations["listStockShortfalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock-shortfalls/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a stock shortfall: the units found (deducted now) or written off, with a note */
        post: operations["resolveStockShortfall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a cart without creating anything: the same calculation its order will make
         * @description Channel price list → customer-group discount → customer discount → promotion code, never under a minimum price (each line says what the floor held back); VAT per tax class; shipping and packing fees per delivery group. A code that cannot be used now is reported with `applied: false` and a reason; an unknown code is a 422. Staff may give a line a discount by hand (`lines[].discount`, with its reason): last, and never under the minimum price; a channel key may not (403).
         */
        post: operations["quoteCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List promotion codes */
        get: operations["listPromotions"];
        put?: never;
        /** Create a promotion code */
        post: operations["createPromotion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a promotion code with how often it was used */
        get: operations["getPromotion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the terms of a promotion code (not its code or kind) */
        patch: operations["updatePromotion"];
        trace?: never;
    };
    "/v1/delivery-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List delivery rates */
        get: operations["listDeliveryRates"];
        /**
         * Set the shipping and packing fees of a delivery method, for one channel or by default
         * @description One rate per channel and method, and one default per method and currency; a PUT replaces it. Fees are gross.
         */
        put: operations["setDeliveryRate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a delivery rate (a channel then uses the default) */
        delete: operations["deleteDeliveryRate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List rule set versions, oldest first (a channel key: its own channel’s) */
        get: operations["listRoutingRuleSets"];
        put?: never;
        /** Create a draft of a channel's routing rules, numbered after its last version */
        post: operations["createRoutingRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rule-sets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a rule set version */
        get: operations["getRoutingRuleSet"];
        /** Replace the name and rules of a draft (an active or archived version is frozen) */
        put: operations["replaceRoutingRuleSet"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rule-sets/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a version the channel's active rules, archiving the one active before (an archived version: a rollback) */
        post: operations["activateRoutingRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rule-sets/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a draft or the active version (the channel then routes by the built-in rules: warehouse first) */
        post: operations["archiveRoutingRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/product-locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product × location flags set for a product or at a location (store staff: their own store’s) */
        get: operations["listRoutingProductLocations"];
        /**
         * Say whether orders for a product may be sent from, and collected at, a location
         * @description Without a row for the pair, both are allowed. A PUT replaces the pair’s flags.
         */
        put: operations["setRoutingProductLocation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/postcodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or move postcode centroids (up to 10,000 a request), for distances to addresses without coordinates */
        put: operations["setPostcodeCentroids"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/postcodes/{country}/{postalCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a postcode lies */
        get: operations["getPostcodeCentroid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/preorders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preorder allowances, by SKU */
        get: operations["listPreorderAllowances"];
        /** Allow units of a SKU to be sold before any stock exists, expected on a date */
        put: operations["setPreorderAllowance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{id}/merge-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open shipments of one customer to one address from this location that could leave as one parcel (store staff: their store's) */
        get: operations["listMergeCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge open delivery groups of one customer, to one address, from one location into one shipment: shipping one ships them all */
        post: operations["mergeShipments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's invoice, as emailed with the confirmation: a PDF in the customer's language, with the QR code the register scans */
        get: operations["getOrderInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find orders by number, scanned QR code, email or phone; newest first */
        get: operations["searchOrders"];
        put?: never;
        /** Place an order from any channel: stock reserved, payment authorised, all or nothing */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an order */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to the order, with who and through which channel */
        get: operations["getOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer's orders from every channel, newest first */
        get: operations["listCustomerOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the whole order or some lines while not shipped: stock released, payment voided or refunded */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/address": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the delivery address while not shipped */
        post: operations["changeDeliveryAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to the order timeline */
        post: operations["addOrderNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship a delivery group (with the groups merged with it into one shipment): stock deducted, payment captured */
        post: operations["shipDeliveryGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/start-picking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start picking a delivery group */
        post: operations["startPicking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A shipment is packed */
        post: operations["packShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The carrier has delivered a shipment */
        post: operations["markDelivered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/ready-for-pickup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A pickup is ready at the counter: a pickup code and window are set, and the customer is told (order.ready_for_pickup) */
        post: operations["markReadyForPickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a pickup over: who collected, what is left to pay taken (cash with change, card terminal, or both; a card authorised online is captured), stock deducted; partial pickups */
        post: operations["handOverPickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/resend-ready-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the customer the ready-for-pickup email again (same code and window) */
        post: operations["resendReadyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pickups/deadline-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remind the customers whose pickup window ends soon and cancel the pickups not collected in theirs, now */
        post: operations["runPickupDeadlines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why the order's delivery groups went where they went: each routing decision with its trace, in sentences too */
        get: operations["getOrderRouting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rule-sets/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Where a rule set would send a sample order or a placed one now, with every candidate and why; writes nothing */
        post: operations["dryRunRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/rule-sets/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The channel's orders of the last days routed again by a rule set, compared with what was decided; writes nothing */
        post: operations["replayRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List purchase requests to drop-ship vendors, newest first (a channel key: its own orders') */
        get: operations["listPurchaseRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a purchase request */
        get: operations["getPurchaseRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-requests/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The purchase request as the vendor reads it: a PDF (vendor, ship-to address, lines, order number) */
        get: operations["getPurchaseRequestDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-requests/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The vendor acknowledged the request (recorded for it: vendors have no credentials of their own) */
        post: operations["confirmPurchaseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-requests/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The vendor sent the parcel: its delivery group ships (vendor's stock deducted, payment captured, order.shipped) */
        post: operations["shipPurchaseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The location holding a group's goods rejects lines, with a reason: its stock corrected, the lines routed elsewhere */
        post: operations["rejectDeliveryLines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Route a backordered or parked delivery group now, by the rules (a person decides it is time) */
        post: operations["routeWaitingGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Route every backordered group now, oldest order first; answers how many were allocated, still wait, were parked */
        post: operations["runRoutingBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbox events after a cursor (stock changes, …), in commit-safe order */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outbox events as server-sent events: what was missed since a cursor or Last-Event-ID, then live
         * @description Each message: `id:` the event’s cursor, `event:` its type, `data:` the event as `GET /v1/events` answers it. A message with an `id:` and no data only moves the position (EventSource dispatches nothing for it), a `: keep-alive` comment comes every 15 s. A store sees the stock and transfers of its store and the orders it fulfils, hands over or sold; a channel key its orders and the stock it sells. Signed-in staff are recognised by their session cookie, which the browser’s EventSource sends.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{id}/registers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A store's registers, each with its open session if any */
        get: operations["listRegisters"];
        put?: never;
        /** Add a register to a store (admins, or the store itself) */
        post: operations["createRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registers/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A register's sessions, newest first (each one's X or Z report: GET /v1/register-sessions/{id}/report) */
        get: operations["listRegisterSessions"];
        put?: never;
        /** Open the register with a cash float (409 when a session is already open) */
        post: operations["openRegisterSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register-sessions/{id}/cash-movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put cash into the drawer (paid_in) or take it out (paid_out), with the reason */
        post: operations["addRegisterCashMovement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register-sessions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the session with the cash counted: answers the Z report (a difference is reported, not refused) */
        post: operations["closeRegisterSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register-sessions/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The X report of an open session, the Z report of a closed one: sales, totals per tender, refunds, cash expected and counted */
        get: operations["getRegisterSessionReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register-sessions/{id}/report/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The X or Z report as a PDF */
        get: operations["getRegisterSessionReportDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of an order, in the customer's language (?language= for another): a narrow PDF, or ?format=text for a receipt printer (42 columns) */
        get: operations["getOrderReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock/{sku}/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's stock at every location (on hand, reserved, available), nearest to a store first */
        get: operations["getStockNearby"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{id}/work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A location's work queue: groups to pick, pack, ship or prepare for pickup, oldest promise first, with counts per stage */
        get: operations["getWorkQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{id}/pick-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A picker's batch (named groups, or the next N oldest to pick): one row per SKU; the groups move to picking */
        post: operations["createPickList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pick-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a pick list */
        get: operations["getPickList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pick-lists/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pick list as a PDF to walk the shelves with */
        get: operations["getPickListDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group's picking: each line's units required and scanned, and whether all are */
        get: operations["getPickState"];
        put?: never;
        /** Picking by scanning: a barcode or SKU proves units of a line picked; a wrong item or one too many is refused */
        post: operations["scanPickedItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/parcels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pack a shipment into parcels (box, weight, contents): the group is packed */
        post: operations["packParcels"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shipment: its parcels, carrier, tracking number and tracking link */
        get: operations["getShipment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Book a shipment with a carrier (tracking number, label) and ship it: stock deducted, payment captured, customer emailed */
        post: operations["dispatchShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/packing-slip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The packing slip that goes in the parcel: order number, addresses, items and quantities, no prices (PDF) */
        get: operations["getPackingSlip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delivery-groups/{groupId}/label": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipping label: from and to addresses, order and tracking number, a scannable code (PDF, one page per parcel) */
        get: operations["getShippingLabel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/carriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The carriers shipments can be dispatched with, and their services */
        get: operations["listCarriers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        StaffUserInput: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "store";
            locationId: string | null;
            active: boolean;
            createdAt: string;
        };
        ApiKeyInput: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "store" | "channel";
            locationId: string | null;
            channelId: string | null;
            /** @description The last characters of the key, to recognise it. */
            tokenHint: string;
            createdAt: string;
            revokedAt: string | null;
        };
        TaxClassInput: {
            code: string;
            name: string;
            rateBasisPoints: number;
        };
        PriceListInput: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            currency: string;
            pricesIncludeTax: boolean;
            createdAt: string;
        };
        VariantInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            productId: string;
            sku: string;
            barcode: string | null;
            title: string;
            options: {
                [key: string]: string;
            };
            weightGrams: number | null;
            minimumPrices: {
                currency: string;
                amount: number;
            }[];
            prices: {
                /** Format: uuid */
                priceListId: string;
                currency: string;
                amount: number;
            }[];
            createdAt: string;
            updatedAt: string;
        };
        VariantWithProductInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            productId: string;
            sku: string;
            barcode: string | null;
            title: string;
            options: {
                [key: string]: string;
            };
            weightGrams: number | null;
            minimumPrices: {
                currency: string;
                amount: number;
            }[];
            prices: {
                /** Format: uuid */
                priceListId: string;
                currency: string;
                amount: number;
            }[];
            createdAt: string;
            updatedAt: string;
            productTitle: string;
        };
        ProductInput: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            taxClass: string;
            imageUrls: string[];
            /** @enum {string} */
            status: "active" | "archived";
            tags: string[];
            variants: components["schemas"]["VariantInput"][];
            createdAt: string;
            updatedAt: string;
        };
        ListedPriceInput: {
            /** Format: uuid */
            variantId: string;
            sku: string;
            amount: number;
        };
        ChannelLocationInput: {
            /** Format: uuid */
            locationId: string;
            /**
             * @description The location's stock is offered in this channel.
             * @default true
             */
            sells: boolean;
            /**
             * @description The location ships or hands over this channel's orders.
             * @default true
             */
            fulfils: boolean;
        };
        ChannelInput: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            type: "web" | "register" | "marketplace" | "social" | "phone";
            currency: string;
            /** Format: uuid */
            priceListId: string;
            /** @description For a register: the store it stands in. */
            storeLocationId: string | null;
            enabled: boolean;
            /** @description The language of customers' emails and documents when the customer has none; null: the retailer's (RETAILER_LOCALE). */
            language: ("fr" | "en") | null;
            locations: {
                /** Format: uuid */
                locationId: string;
                sells: boolean;
                fulfils: boolean;
            }[];
            createdAt: string;
            updatedAt: string;
        };
        CustomerGroupInput: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @description Discount every member gets, in hundredths of a percent (250 = 2.5 %). */
            discountBasisPoints: number;
            createdAt: string;
        };
        CustomerAddressInput: {
            /** Format: uuid */
            id: string;
            /** @description What the customer calls it: Home, Work… */
            label: string;
            /** @description Who receives the parcel. */
            name: string;
            line1: string;
            line2: string;
            postalCode: string;
            city: string;
            region: string;
            country: string;
            phone: string;
            isDefault: boolean;
        };
        CustomerConsentInput: {
            marketingEmail: boolean;
            /** @description When the customer last gave or withdrew email marketing consent. */
            marketingEmailAt: string | null;
            marketingSms: boolean;
            /** @description When the customer last gave or withdrew SMS marketing consent. */
            marketingSmsAt: string | null;
        };
        CustomerInput: {
            /** Format: uuid */
            id: string;
            firstName: string;
            lastName: string;
            emails: string[];
            phones: string[];
            addresses: components["schemas"]["CustomerAddressInput"][];
            group: components["schemas"]["CustomerGroupInput"] | null;
            /** @description Individual discount, in hundredths of a percent. */
            discountBasisPoints: number;
            consent: components["schemas"]["CustomerConsentInput"];
            note: string;
            /** @description The language of the customer's emails and documents; null: the channel's default, else the retailer's. */
            language: ("fr" | "en") | null;
            createdAt: string;
            updatedAt: string;
        };
        /** @description RFC 9457 problem details */
        ProblemInput: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        AddressInput: {
            line1: string;
            line2?: string;
            postalCode: string;
            city: string;
            region?: string;
            country: string;
        };
        LocationInput: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            type: "warehouse" | "store" | "dropship_vendor";
            address: components["schemas"]["AddressInput"];
            latitude: number;
            longitude: number;
            timezone: string;
            /** @description Opening time ranges per weekday in the location timezone; a missing day is closed. */
            openingHours: {
                [key: string]: string[];
            };
            capabilities: ("register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders")[];
            /** @description How many orders the location can fulfil a day. */
            dailyCapacity: number;
            capacityWindows: {
                from: string;
                to: string;
                orders: number;
            }[];
            groups: string[];
            /** @description How many days a ready pickup waits before it is cancelled and restocked. */
            pickupWindowDays: number;
            /** @description How many hours before the pickup window ends the customer is reminded (0: never). */
            pickupReminderHours: number;
            /** @description Picking must be proven by scanning every unit. */
            mustScan: boolean;
            active: boolean;
            createdAt: string;
            updatedAt: string;
        };
        PurchaseRequestInput: {
            /** Format: uuid */
            id: string;
            /** @description PR-<order number>-<delivery group>. */
            number: string;
            /** @enum {string} */
            status: "requested" | "confirmed" | "shipped" | "cancelled";
            /**
             * Format: uuid
             * @description The drop-ship vendor: a location of type dropship_vendor.
             */
            vendorLocationId: string;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** Format: uuid */
            deliveryGroupId: string;
            /** Format: uuid */
            channelId: string;
            /** @description The customer's address: the vendor sends the goods there. */
            shipTo: components["schemas"]["AddressInput"];
            recipient: string;
            lines: {
                sku: string;
                title: string;
                /** @description 0 once the line was cancelled. */
                quantity: number;
            }[];
            /** @description The vendor's own reference, given when it confirmed. */
            vendorReference: string | null;
            carrier: string | null;
            trackingNumber: string | null;
            createdAt: string;
            confirmedAt: string | null;
            shippedAt: string | null;
            cancelledAt: string | null;
        };
        EventInput: {
            id: number;
            type: string;
            subject: string;
            payload: {
                [key: string]: unknown;
            };
            createdAt: string;
        };
        StockFeedResultInput: {
            feedId: string;
            /**
             * @description snapshot: absolute on-hand counts; delta: units to add (+) or take (−).
             * @enum {string}
             */
            mode: "snapshot" | "delta";
            format: string;
            asOf: string | null;
            /** @description Rows in the feed. */
            rows: number;
            /** @description SKU × location whose on hand changed. */
            changed: number;
            /** @description Ledger movements written. */
            movements: number;
            appliedAt: string;
            sentBy: string;
        };
        /** @description One way the customer pays part (or all) of an order. */
        TenderInput: {
            /** @constant */
            method: "card_online";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
            /** @description The payment provider; the default one when absent. */
            provider?: string;
            card?: {
                number: string;
                expMonth: number;
                expYear: number;
                cvc: string;
            };
            /** @description A token from the provider's own card form, instead of card details. */
            token?: string;
        } | {
            /** @constant */
            method: "card_register";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
            /** @description The card terminal's reference of the payment, from the register. */
            reference: string;
            cardBrand?: string;
            cardLast4?: string;
        } | {
            /** @constant */
            method: "cash";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
            /** @description Cash handed over, when more than the amount: the rest is change. */
            tendered?: number;
        } | {
            /** @constant */
            method: "pay_at_pickup";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
        } | {
            /** @enum {string} */
            method: "gift_card" | "loyalty_points" | "store_credit";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
        };
        PaymentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            method: "card_online" | "card_register" | "cash" | "pay_at_pickup" | "gift_card" | "loyalty_points" | "store_credit";
            provider: string | null;
            /** @enum {string} */
            status: "pending" | "authorized" | "partially_captured" | "captured" | "partially_refunded" | "refunded" | "voided" | "declined" | "failed" | "awaiting_pickup" | "cancelled";
            currency: string;
            amount: number;
            /** @description The most the payment will collect: the card hold or what is due at pickup, less what was released. */
            authorizedAmount: number;
            capturedAmount: number;
            refundedAmount: number;
            cardBrand: string | null;
            cardLast4: string | null;
            providerReference: string | null;
            cashTendered: number | null;
            changeGiven: number | null;
            /** @description The register the money was taken at, if any. */
            registerId: string | null;
            createdAt: string;
            updatedAt: string;
        };
        PaymentEventInput: {
            id: number;
            /** Format: uuid */
            paymentId: string;
            type: string;
            amount: number;
            /** @enum {string} */
            fromStatus: "pending" | "authorized" | "partially_captured" | "captured" | "partially_refunded" | "refunded" | "voided" | "declined" | "failed" | "awaiting_pickup" | "cancelled";
            /** @enum {string} */
            toStatus: "pending" | "authorized" | "partially_captured" | "captured" | "partially_refunded" | "refunded" | "voided" | "declined" | "failed" | "awaiting_pickup" | "cancelled";
            providerReference: string | null;
            actor: string;
            createdAt: string;
        };
        RoutingOrderFilterInput: {
            /** @description The selling channel is one of these. */
            channelIds?: string[];
            deliveryMethods?: ("ship_to_address" | "pickup_in_store" | "ship_to_store")[];
            /** @description The delivery promised between min and max hours from now. */
            promisedWithinHours?: {
                min?: number;
                max?: number;
            };
            /** @description The order's priority (0 normal … 9 most urgent). */
            priority?: {
                min?: number;
                max?: number;
            };
            /** @description A line's product carries one of these tags (its category or any tag). */
            productTags?: string[];
        };
        RoutingLocationFilterInput: {
            types?: ("warehouse" | "store" | "dropship_vendor")[];
            /** @description The location belongs to one of these location groups. */
            groups?: string[];
            excludeGroups?: string[];
            /** @description Every one is required. Without it: ships_orders or ship_from_store to send a parcel, nothing more to hand over in the store itself. */
            capabilities?: ("register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders")[];
            /** @description From the delivery address (its coordinates, else its postcode centroid) or the pickup store. */
            maxDistanceKm?: number;
            /** @description The location has opening hours today (its own time zone). */
            openToday?: boolean;
            /** @description Orders routed to it today (and in the current capacity window) are under its capacity; 0 = none. */
            underCapacity?: boolean;
            /** @description Units the location must keep beyond the order, per SKU. */
            routingSafetyStock?: number;
            /** @description The value of the goods it would send (minor units) is at least this. */
            minimumShipmentValue?: number;
        };
        RoutingRuleInput: {
            name: string;
            /**
             * @description The orders the rule is for.
             * @default {}
             */
            orders: components["schemas"]["RoutingOrderFilterInput"];
            /** @description Orders it is not for, even if the order filter matches them (any condition given that holds excludes). */
            excludeOrders?: components["schemas"]["RoutingOrderFilterInput"];
            /** @default {} */
            locations: components["schemas"]["RoutingLocationFilterInput"];
            /**
             * @description Best first, compared key by key: nearest, most left after the order, most capacity left, the sequence given, cheapest.
             * @default [
             *       "distance"
             *     ]
             */
            ranking: ("distance" | "stock_after" | "remaining_capacity" | "sequence" | "fulfilment_cost")[];
            /** @description For the `sequence` ranking: locations in the order preferred (others after). */
            sequence?: string[];
            /** @description For the `fulfilment_cost` ranking: cost per shipment (minor units), per location or per location type. */
            costs?: {
                byType?: {
                    [key: string]: number;
                };
                byLocation?: {
                    [key: string]: number;
                };
            };
            /**
             * @description One location for the whole group, or split: the fewest shipments first, at most maxShipments; lines of a kit stay together.
             * @default {
             *       "split": false,
             *       "maxShipments": 2
             *     }
             */
            allocation: {
                /**
                 * @description May the group leave from several locations?
                 * @default false
                 */
                split: boolean;
                /** @default 2 */
                maxShipments: number;
            };
            /**
             * @description next_rule: try the next rule; backorder: accept against incoming stock with a promised date; park: wait in `queue` for a person; reject: refuse the order.
             * @default next_rule
             * @enum {string}
             */
            whenNothingQualifies: "next_rule" | "backorder" | "park" | "reject";
            /** @description The queue a parked order waits in (park). */
            queue?: string;
        };
        RoutingRuleSetOptionsInput: {
            /**
             * @description Merge a new shipment with the customer's open one to the same address from the same location.
             * @default false
             */
            mergeShipments: boolean;
            /**
             * @description After this many rejections a line goes to the `rejected` queue for a person.
             * @default 3
             */
            maxRejections: number;
            /**
             * @description A pickup store rejecting lines: send them from another location to it, or ask the customer (event order.pickup_unavailable).
             * @default reroute
             * @enum {string}
             */
            pickupRejected: "reroute" | "ask_customer";
        };
        WorkQueueInput: {
            /** Format: uuid */
            locationId: string;
            /** @description The location packs, ships and hands over only what was scanned (its `mustScan` setting). */
            mustScan: boolean;
            /** @description How many groups are at each stage (the whole queue, not this page). */
            counts: {
                [key: string]: number;
            };
            items: {
                /** Format: uuid */
                groupId: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                customerName: string;
                /** @description The name on the parcel, when not the customer’s. */
                recipient: string;
                /** @enum {string} */
                method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
                /**
                 * @description to_pick: shipment not started; picking: shipment being picked; to_pack: every unit scanned; to_ship: packed, waiting for the carrier; to_prepare: pickup to take to the counter; ready_for_pickup: waiting for its customer; incoming: pickup whose goods are on a transfer to this store.
                 * @enum {string}
                 */
                stage: "to_pick" | "picking" | "to_pack" | "to_ship" | "to_prepare" | "ready_for_pickup" | "incoming";
                promisedAt: string | null;
                createdAt: string;
                /** @description Merged with other groups into one parcel: pack and dispatch them together. */
                mergedShipmentId: string | null;
                /** @description Ship to store: the transfer bringing the goods here. */
                transfer: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                    status: string;
                    expectedAt: string | null;
                } | null;
                lines: {
                    /** Format: uuid */
                    lineId: string;
                    sku: string;
                    title: string;
                    quantity: number;
                    picked: number;
                    /** @description This location's stock of the SKU now. */
                    stock: {
                        /** @description Units on the shelves here. */
                        onHand: number;
                        /** @description Units here promised to orders (this one included). */
                        reserved: number;
                        /** @description Units here still free to sell: on hand − reserved − safety stock. */
                        available: number;
                    };
                }[];
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        PickListInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            locationId: string;
            createdBy: string;
            createdAt: string;
            groups: {
                /** Format: uuid */
                groupId: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                customerName: string;
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            }[];
            /** @description One row per SKU, in SKU order (the walk along the shelves), with how many units go to each order. */
            lines: {
                sku: string;
                title: string;
                /** @description Units of the SKU to take for the whole batch. */
                quantity: number;
                picked: number;
                orders: {
                    orderNumber: string;
                    /** Format: uuid */
                    orderId: string;
                    /** Format: uuid */
                    groupId: string;
                    /** Format: uuid */
                    lineId: string;
                    quantity: number;
                    picked: number;
                }[];
            }[];
        };
        PickStateInput: {
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            /** @description The store requires every unit scanned before packing, shipping or the counter. */
            mustScan: boolean;
            /** @description Every unit of every line scanned. */
            complete: boolean;
            lines: {
                /** Format: uuid */
                lineId: string;
                sku: string;
                title: string;
                required: number;
                picked: number;
            }[];
        };
        ShipmentInput: {
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** @enum {string} */
            status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            /** @description The carrier as the customer knows it. */
            carrier: string | null;
            service: string | null;
            trackingNumber: string | null;
            trackingUrl: string | null;
            parcels: {
                position: number;
                box: string;
                weightGrams: number;
                trackingNumber: string | null;
                lines: {
                    /** Format: uuid */
                    lineId: string;
                    quantity: number;
                }[];
            }[];
        };
        CarriersInput: {
            items: {
                name: string;
                title: string;
                services: {
                    code: string;
                    name: string;
                }[];
                /** @description Staff type the carrier and tracking number (no integration to ask). */
                typedByStaff: boolean;
            }[];
        };
        StockLevelInput: {
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** Format: uuid */
            locationId: string;
            onHand: number;
            reserved: number;
            damaged: number;
            incoming: number;
            safetyStock: number;
            /** @description Available to promise: on hand − reserved − safety stock, never below 0. */
            available: number;
        };
        StockMovementInput: {
            id: number;
            kind: string;
            quantity: number;
            onHandChange: number;
            reservedChange: number;
            damagedChange: number;
            incomingChange: number;
            reason: string;
            referenceType: string;
            referenceId: string;
            actor: string;
            createdAt: string;
        };
        ReservationInput: {
            /** Format: uuid */
            id: string;
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** Format: uuid */
            locationId: string;
            quantity: number;
            /** @enum {string} */
            kind: "hold" | "order";
            /** @enum {string} */
            status: "active" | "released" | "expired" | "deducted";
            channelId: string | null;
            referenceType: string;
            referenceId: string;
            expiresAt: string | null;
            createdAt: string;
        };
        AvailabilityInput: {
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** @description Network-wide (or channel-wide) available to promise. */
            available: number;
            /** @description The active locations in scope with something to promise (available above 0), most available first. A location where nothing can be promised (no stock, all reserved or kept as safety stock) is not listed; `GET /v1/inventory/levels` has every level. */
            locations: {
                /** Format: uuid */
                locationId: string;
                available: number;
                onHand: number;
                incoming: number;
            }[];
        };
        StockShortfallInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            locationId: string;
            /** Format: uuid */
            variantId: string;
            sku: string;
            /** @description Units sold offline that the stock did not cover. */
            quantity: number;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** @description When the register sold them (offline). */
            soldAt: string;
            /** @description When the sale reached Aisle. */
            createdAt: string;
            /** @enum {string} */
            status: "open" | "resolved";
            resolution: ("found" | "written_off") | null;
            resolvedAt: string | null;
            resolvedBy: string | null;
            note: string;
        };
        TransferInput: {
            /** Format: uuid */
            id: string;
            /** @description What people say and write on the delivery note, e.g. TR-01KQ3ZD-7F3X. */
            number: string;
            /** Format: uuid */
            fromLocationId: string;
            /** Format: uuid */
            toLocationId: string;
            /** @enum {string} */
            status: "draft" | "shipped" | "partially_received" | "received" | "cancelled";
            /** @description When the goods are expected at the destination. */
            expectedAt: string | null;
            note: string;
            createdBy: string;
            createdAt: string;
            shippedAt: string | null;
            /** @description When the last unit arrived. */
            receivedAt: string | null;
            lines: {
                sku: string;
                /** Format: uuid */
                variantId: string;
                quantity: number;
                received: number;
            }[];
        };
        ExpectedReceiptInput: {
            /** Format: uuid */
            id: string;
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** Format: uuid */
            locationId: string;
            /** @enum {string} */
            source: "purchase" | "transfer";
            /** @description The purchase order number, or the id of the transfer. */
            reference: string;
            quantity: number;
            received: number;
            /** @description Still on its way: quantity − received while open, else 0. */
            remaining: number;
            expectedAt: string | null;
            /** @enum {string} */
            status: "open" | "closed" | "cancelled";
            createdAt: string;
        };
        MergeCandidatesInput: {
            /** Format: uuid */
            locationId: string;
            items: {
                /** Format: uuid */
                customerId: string;
                address: components["schemas"]["AddressInput"];
                deliveryGroups: {
                    /** Format: uuid */
                    id: string;
                    /** Format: uuid */
                    orderId: string;
                    orderNumber: string;
                    /** @description Already merged with some of the others. */
                    mergedShipmentId: string | null;
                    createdAt: string;
                }[];
            }[];
        };
        MergedShipmentInput: {
            /**
             * Format: uuid
             * @description The merge: each group's mergedShipmentId.
             */
            id: string;
            /** Format: uuid */
            locationId: string;
            /** Format: uuid */
            customerId: string;
            address: components["schemas"]["AddressInput"];
            deliveryGroups: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            }[];
        };
        QuoteInput: {
            /** Format: uuid */
            channelId: string;
            customerId: string | null;
            currency: string;
            /** @description Whether line amounts before tax (list total, discounts, floor) are gross; totals are always gross. */
            pricesIncludeTax: boolean;
            lines: {
                /** Format: uuid */
                variantId: string;
                sku: string;
                quantity: number;
                unitListPrice: number;
                minimumPrice: number | null;
                listTotal: number;
                /** @description In the order applied, each after the minimum price capped it. */
                discounts: {
                    /** @enum {string} */
                    source: "customer_group" | "customer" | "promotion" | "manual";
                    amount: number;
                    /** @description Why staff gave it (manual discounts). */
                    reason?: string;
                }[];
                discountTotal: number;
                minimumPriceApplied: boolean;
                /** @description Discount the minimum price held back on this line. */
                cappedBy: number;
                taxRateBasisPoints: number;
                net: number;
                tax: number;
                /** @description Gross. */
                lineTotal: number;
            }[];
            deliveryGroups: {
                /** @enum {string} */
                method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                locationId: string | null;
                lineIndexes: number[];
                weightGrams: number;
                goodsTotal: number;
                shippingFee: number;
                shippingWaived: number;
                shippingTax: number;
                packingFee: number;
                packingTax: number;
            }[];
            promotion: {
                /**
                 * Format: uuid
                 * @description What the order redeems.
                 */
                id: string;
                code: string;
                /** @enum {string} */
                kind: "percentage" | "fixed_amount" | "free_shipping";
                applied: boolean;
                /** @description Why it was not applied: expired, not-started, exhausted, inactive, not-for-this-channel, other-currency, below-minimum-subtotal. */
                reason: string | null;
                amount: number;
            } | null;
            taxes: {
                rateBasisPoints: number;
                net: number;
                tax: number;
            }[];
            totals: {
                subtotal: number;
                discountTotal: number;
                shippingTotal: number;
                packingTotal: number;
                taxTotal: number;
                total: number;
            };
            quotedAt: string;
        };
        PromotionInput: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "percentage" | "fixed_amount" | "free_shipping";
            value: number;
            currency: string | null;
            minimumSubtotal: number;
            startsAt: string | null;
            endsAt: string | null;
            usageLimit: number | null;
            timesUsed: number;
            channelIds: string[] | null;
            active: boolean;
            createdAt: string;
            updatedAt: string;
        };
        DeliveryRateInput: {
            /** Format: uuid */
            id: string;
            channelId: string | null;
            /** @enum {string} */
            method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
            /** @enum {string} */
            pricing: "flat" | "weight_band" | "free_above";
            amount: number;
            freeAboveAmount: number | null;
            weightBands: {
                upToGrams: number;
                amount: number;
            }[] | null;
            packingFee: number;
            currency: string;
            taxClass: string;
            createdAt: string;
            updatedAt: string;
        };
        OrderInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            channelId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            status: "placed" | "in_progress" | "completed" | "cancelled";
            currency: string;
            totals: {
                subtotal: number;
                discounts: number;
                shipping: number;
                packing: number;
                tax: number;
                total: number;
            };
            promotionCode: string | null;
            email: string | null;
            phone: string | null;
            /** @description What the QR code on the invoice encodes: a register scans it to recall the order. */
            qrPayload: string;
            deliveryGroups: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
                /** @description Null while the group waits for a location (parked, or a preorder). */
                fulfilmentLocationId: string | null;
                /** @description The queue a parked group waits in for a person. */
                queue: string | null;
                pickupLocationId: string | null;
                address: components["schemas"]["AddressInput"] | null;
                recipient: string;
                shippingFee: number;
                packingFee: number;
                /** @description The date promised to the customer. */
                promisedAt: string | null;
                carrier: string | null;
                trackingNumber: string | null;
                /** @description The carrier's tracking page, when the carrier gives one. */
                trackingUrl: string | null;
                /** @description Ship to store: the transfer bringing the goods to the pickup store (GET /v1/transfers/{id}). */
                transferId: string | null;
                /** @description Merged with other groups of the customer into one shipment (POST /v1/shipments/merge): shipping one ships them all. */
                mergedShipmentId: string | null;
                /** @description Click & Collect: the 6-digit code the customer gives at the counter, set when the group is ready. Shown to the order's own channel too: it is the customer's, and a customer-facing channel may show it to them. */
                pickupCode: string | null;
                /** @description When the pickup window ends (UTC): not collected by then, the group is cancelled and restocked. */
                pickupBy: string | null;
                /** @description When the group became ready at the counter. */
                readyAt: string | null;
                /** @description Who collected the goods at the counter. */
                collectedBy: {
                    name: string;
                    relation: ("customer" | "family" | "friend" | "colleague" | "courier" | "other") | null;
                    idChecked: boolean;
                    /** @description The person gave the pickup code (it was checked). */
                    codeGiven: boolean;
                } | null;
                lines: {
                    /** Format: uuid */
                    id: string;
                    sku: string;
                    title: string;
                    quantity: number;
                    cancelledQuantity: number;
                    unitListPrice: number;
                    unitPrice: number;
                    discountTotal: number;
                    /** @description The minimum price stopped a discount: the line costs its floor. */
                    minimumPriceApplied: boolean;
                    /** @description The discount staff gave on the line by hand (part of discountTotal), as applied above the floor, and why. */
                    manualDiscount: {
                        amount: number;
                        reason: string;
                    } | null;
                    taxRateBasisPoints: number;
                    taxAmount: number;
                    lineTotal: number;
                }[];
            }[];
            payments: components["schemas"]["PaymentInput"][];
            /** @description What is left to pay at pickup (pay-at-pickup payments not yet settled); 0: paid. */
            amountToPay: number;
            createdAt: string;
            updatedAt: string;
        };
        RoutingRunInput: {
            /** @description Groups whose stock was found and reserved (order.allocated). */
            allocated: number;
            /** @description Backorders still waiting for stock (told of a new promised date if it changed). */
            stillWaiting: number;
            /** @description Groups the rules now park for a person. */
            parked: number;
            /** @description Groups left as they were for an error (logged); the run went on. */
            failed: number;
        };
        RegisterSessionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            registerId: string;
            currency: string;
            openingFloat: number;
            openedBy: string;
            openedAt: string;
            closedBy: string | null;
            closedAt: string | null;
            countedCash: number | null;
            note: string | null;
        };
        RegisterInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            locationId: string;
            name: string;
            createdAt: string;
            /** @description The session open at the register, if any. */
            openSession: components["schemas"]["RegisterSessionInput"] | null;
        };
        RegisterCashMovementInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sessionId: string;
            /** @enum {string} */
            kind: "paid_in" | "paid_out";
            amount: number;
            reason: string;
            actor: string;
            createdAt: string;
        };
        RegisterSessionReportInput: {
            /**
             * @description X while the session is open (a reading that changes nothing), Z once it is closed.
             * @enum {string}
             */
            kind: "X" | "Z";
            session: components["schemas"]["RegisterSessionInput"];
            register: {
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: uuid */
                locationId: string;
            };
            generatedAt: string;
            /** @description Orders with money taken at the register during the session. */
            sales: number;
            /** @description Captured at the register during the session, per tender (cash net of change). */
            tenders: {
                /** @enum {string} */
                method: "card_online" | "card_register" | "cash" | "pay_at_pickup" | "gift_card" | "loyalty_points" | "store_credit";
                count: number;
                amount: number;
            }[];
            /** @description Given back during the session on payments taken at the register, per tender. */
            refunds: {
                /** @enum {string} */
                method: "card_online" | "card_register" | "cash" | "pay_at_pickup" | "gift_card" | "loyalty_points" | "store_credit";
                count: number;
                amount: number;
            }[];
            cash: {
                openingFloat: number;
                taken: number;
                refunded: number;
                /** @description Cash handed over by customers (before change). */
                tendered: number;
                changeGiven: number;
                paidIn: number;
                paidOut: number;
            };
            cashMovements: components["schemas"]["RegisterCashMovementInput"][];
            /** @description Float + cash taken − cash refunded + paid in − paid out (at the close, as worked out then). */
            expectedCash: number;
            countedCash: number | null;
            /** @description Counted − expected: negative when cash is missing. */
            difference: number | null;
        };
        RoutingCandidateInput: {
            locationId: string;
            code: string;
            /** @description To the destination (the address or its postcode centroid, or the pickup store); null when unknown. */
            distanceKm: number | null;
            removedBy?: {
                filter: string;
                /** @description The values compared, e.g. "capacity 40/40 today", "212 km > 200 km". */
                detail: string;
            };
            /** @description Its ranking keys, in the order the rule ranks by. */
            keys?: {
                [key: string]: number | null;
            };
            rank?: number;
        };
        RoutingRuleTraceInput: {
            /** @description The rule's position in the rule set, from 0. */
            rule: number;
            name: string;
            /** @description Why the rule is not for this order (its order filters). */
            skipped?: string;
            candidates?: components["schemas"]["RoutingCandidateInput"][];
            /** @description A stored trace over 30 candidates keeps the 10 best ranked and 3 examples per filter: how many each filter removed. */
            removedCounts?: {
                [key: string]: number;
            };
            result: string;
        };
        RoutingDecisionInput: {
            id: number;
            /** @description order_placed, batch or reroute. */
            trigger: string;
            createdAt: string;
            /** @description null: the default rules (the channel had no active rule set). */
            ruleSet: {
                /** Format: uuid */
                id: string;
                version: number;
            } | null;
            /** @description The delivery group of the order as placed (its position in the request). */
            deliveryGroup: number;
            /** @enum {string} */
            outcome: "routed" | "split" | "backordered" | "parked" | "rejected";
            /** @description The rule that decided; null when none did. */
            rule: {
                index: number;
                name: string;
            } | null;
            /** @description A backorder: when its stock is expected. */
            availableAt: string | null;
            /** @description A parked group: the queue it waits in. */
            queue: string | null;
            shipments: {
                /** Format: uuid */
                deliveryGroupId: string;
                locationId: string | null;
                locationCode: string | null;
                status: string;
                lines: {
                    sku: string;
                    quantity: number;
                    /** Format: uuid */
                    lineId: string;
                }[];
            }[];
            trace: components["schemas"]["RoutingRuleTraceInput"][];
            /** @description The decision in sentences: each rule tried, the locations it removed and why, the ranking, the outcome. */
            summary: string[];
        };
        OrderRoutingInput: {
            /** Format: uuid */
            orderId: string;
            number: string;
            /** @description Oldest first. */
            decisions: components["schemas"]["RoutingDecisionInput"][];
        };
        RoutingDryRunInput: {
            ruleSet: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                channelId: string;
                version: number;
                name: string;
                /** @enum {string} */
                status: "draft" | "active" | "archived";
            };
            orderId: string | null;
            decisions: {
                deliveryGroup: number;
                /** @enum {string} */
                outcome: "routed" | "split" | "backordered" | "parked" | "rejected";
                /** @description The rule that decided; null when none did. */
                rule: {
                    index: number;
                    name: string;
                } | null;
                availableAt: string | null;
                queue: string | null;
                /** @description A rejection: why. */
                reason: string | null;
                /** @description Where the goods would leave from (or wait, backordered). */
                shipments: {
                    locationId: string | null;
                    locationCode: string | null;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                }[];
                /** @description Every candidate, never compacted. */
                trace: components["schemas"]["RoutingRuleTraceInput"][];
                /** @description The decision in sentences: each rule tried, the locations it removed and why, the ranking, the outcome. */
                summary: string[];
            }[];
            /** @description Groups whose location was named, not chosen by routing. */
            notRouted: {
                deliveryGroup: number;
                locationId: string | null;
                reason: string;
            }[];
            note: string;
        };
        RoutingReplayInput: {
            ruleSet: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                channelId: string;
                version: number;
                name: string;
                /** @enum {string} */
                status: "draft" | "active" | "archived";
            };
            since: string;
            orders: {
                /** @description The channel's orders placed since then (at most `limit`). */
                read: number;
                /** @description Those with a delivery group routing chose for. */
                compared: number;
                /** @description Those the rule set would send from other locations, or not send. */
                differing: number;
            };
            /** @description What was decided when the orders were placed. */
            before: {
                /** @description Shipments per location code. */
                locationsUsed: {
                    [key: string]: number;
                };
                /** @description Groups sent in more than one shipment, in % of the groups compared. */
                splitRatePercent: number;
                /** @description Per shipment, to the destination when known; null when none is. */
                averageDistanceKm: number | null;
                /** @description Orders with a group rejected, parked or backordered. */
                ordersUnfillable: number;
                groups: {
                    routed: number;
                    split: number;
                    backordered: number;
                    parked: number;
                    rejected: number;
                };
                decidedBy: {
                    ruleSetId: string | null;
                    version: number | null;
                    groups: number;
                }[];
            };
            /** @description What the rule set decides now. */
            after: {
                /** @description Shipments per location code. */
                locationsUsed: {
                    [key: string]: number;
                };
                /** @description Groups sent in more than one shipment, in % of the groups compared. */
                splitRatePercent: number;
                /** @description Per shipment, to the destination when known; null when none is. */
                averageDistanceKm: number | null;
                /** @description Orders with a group rejected, parked or backordered. */
                ordersUnfillable: number;
                groups: {
                    routed: number;
                    split: number;
                    backordered: number;
                    parked: number;
                    rejected: number;
                };
            };
            /** @description Up to 50 orders that differ: per delivery group, the locations (or what it waits for). */
            examples: {
                /** Format: uuid */
                orderId: string;
                number: string;
                before: string[];
                after: string[];
            }[];
            note: string;
        };
        RoutingRuleSetInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            channelId: string;
            /** @description 1, 2, … per channel, in the order they were created. */
            version: number;
            name: string;
            /**
             * @description draft (may change), active (routes the channel’s orders; one per channel) or archived.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            document: {
                rules: components["schemas"]["RoutingRuleInput"][];
                /**
                 * @default {
                 *       "mergeShipments": false,
                 *       "maxRejections": 3,
                 *       "pickupRejected": "reroute"
                 *     }
                 */
                options: components["schemas"]["RoutingRuleSetOptionsInput"];
            };
            /** @description Who created it: `user:<id>`, `api-key:<id>` or `admin-key`. */
            createdBy: string;
            createdAt: string;
            /** @description When it was last made active. */
            activatedAt: string | null;
            /** @description When it was archived, if it is. */
            archivedAt: string | null;
        };
        RoutingProductLocationInput: {
            /** Format: uuid */
            productId: string;
            /** Format: uuid */
            locationId: string;
            /** @description Orders for the product may be sent from the location. */
            mayRoute: boolean;
            /** @description The product may be collected at the location (a store). */
            mayPickup: boolean;
        };
        PostcodeCentroidInput: {
            country: string;
            /** @description Upper case, without spaces: `SW1A1AA`, `69002`. */
            postalCode: string;
            latitude: number;
            longitude: number;
        };
        PreorderAllowanceInput: {
            /** Format: uuid */
            variantId: string;
            sku: string;
            quantity: number;
            availableAt: string;
        };
        StaffUser: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "store";
            locationId: string | null;
            active: boolean;
            createdAt: string;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "store" | "channel";
            locationId: string | null;
            channelId: string | null;
            /** @description The last characters of the key, to recognise it. */
            tokenHint: string;
            createdAt: string;
            revokedAt: string | null;
        };
        TaxClass: {
            code: string;
            name: string;
            rateBasisPoints: number;
        };
        PriceList: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            currency: string;
            pricesIncludeTax: boolean;
            createdAt: string;
        };
        Variant: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            productId: string;
            sku: string;
            barcode: string | null;
            title: string;
            options: {
                [key: string]: string;
            };
            weightGrams: number | null;
            minimumPrices: {
                currency: string;
                amount: number;
            }[];
            prices: {
                /** Format: uuid */
                priceListId: string;
                currency: string;
                amount: number;
            }[];
            createdAt: string;
            updatedAt: string;
        };
        VariantWithProduct: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            productId: string;
            sku: string;
            barcode: string | null;
            title: string;
            options: {
                [key: string]: string;
            };
            weightGrams: number | null;
            minimumPrices: {
                currency: string;
                amount: number;
            }[];
            prices: {
                /** Format: uuid */
                priceListId: string;
                currency: string;
                amount: number;
            }[];
            createdAt: string;
            updatedAt: string;
            productTitle: string;
        };
        Product: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            taxClass: string;
            imageUrls: string[];
            /** @enum {string} */
            status: "active" | "archived";
            tags: string[];
            variants: components["schemas"]["Variant"][];
            createdAt: string;
            updatedAt: string;
        };
        ListedPrice: {
            /** Format: uuid */
            variantId: string;
            sku: string;
            amount: number;
        };
        ChannelLocation: {
            /** Format: uuid */
            locationId: string;
            /**
             * @description The location's stock is offered in this channel.
             * @default true
             */
            sells: boolean;
            /**
             * @description The location ships or hands over this channel's orders.
             * @default true
             */
            fulfils: boolean;
        };
        Channel: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            type: "web" | "register" | "marketplace" | "social" | "phone";
            currency: string;
            /** Format: uuid */
            priceListId: string;
            /** @description For a register: the store it stands in. */
            storeLocationId: string | null;
            enabled: boolean;
            /** @description The language of customers' emails and documents when the customer has none; null: the retailer's (RETAILER_LOCALE). */
            language: ("fr" | "en") | null;
            locations: {
                /** Format: uuid */
                locationId: string;
                sells: boolean;
                fulfils: boolean;
            }[];
            createdAt: string;
            updatedAt: string;
        };
        CustomerGroup: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @description Discount every member gets, in hundredths of a percent (250 = 2.5 %). */
            discountBasisPoints: number;
            createdAt: string;
        };
        CustomerAddress: {
            /** Format: uuid */
            id: string;
            /** @description What the customer calls it: Home, Work… */
            label: string;
            /** @description Who receives the parcel. */
            name: string;
            line1: string;
            line2: string;
            postalCode: string;
            city: string;
            region: string;
            country: string;
            phone: string;
            isDefault: boolean;
        };
        CustomerConsent: {
            marketingEmail: boolean;
            /** @description When the customer last gave or withdrew email marketing consent. */
            marketingEmailAt: string | null;
            marketingSms: boolean;
            /** @description When the customer last gave or withdrew SMS marketing consent. */
            marketingSmsAt: string | null;
        };
        Customer: {
            /** Format: uuid */
            id: string;
            firstName: string;
            lastName: string;
            emails: string[];
            phones: string[];
            addresses: components["schemas"]["CustomerAddress"][];
            group: components["schemas"]["CustomerGroup"] | null;
            /** @description Individual discount, in hundredths of a percent. */
            discountBasisPoints: number;
            consent: components["schemas"]["CustomerConsent"];
            note: string;
            /** @description The language of the customer's emails and documents; null: the channel's default, else the retailer's. */
            language: ("fr" | "en") | null;
            createdAt: string;
            updatedAt: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        Address: {
            line1: string;
            line2?: string;
            postalCode: string;
            city: string;
            region?: string;
            country: string;
        };
        Location: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            type: "warehouse" | "store" | "dropship_vendor";
            address: components["schemas"]["Address"];
            latitude: number;
            longitude: number;
            timezone: string;
            /** @description Opening time ranges per weekday in the location timezone; a missing day is closed. */
            openingHours: {
                [key: string]: string[];
            };
            capabilities: ("register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders")[];
            /** @description How many orders the location can fulfil a day. */
            dailyCapacity: number;
            capacityWindows: {
                from: string;
                to: string;
                orders: number;
            }[];
            groups: string[];
            /** @description How many days a ready pickup waits before it is cancelled and restocked. */
            pickupWindowDays: number;
            /** @description How many hours before the pickup window ends the customer is reminded (0: never). */
            pickupReminderHours: number;
            /** @description Picking must be proven by scanning every unit. */
            mustScan: boolean;
            active: boolean;
            createdAt: string;
            updatedAt: string;
        };
        PurchaseRequest: {
            /** Format: uuid */
            id: string;
            /** @description PR-<order number>-<delivery group>. */
            number: string;
            /** @enum {string} */
            status: "requested" | "confirmed" | "shipped" | "cancelled";
            /**
             * Format: uuid
             * @description The drop-ship vendor: a location of type dropship_vendor.
             */
            vendorLocationId: string;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** Format: uuid */
            deliveryGroupId: string;
            /** Format: uuid */
            channelId: string;
            /** @description The customer's address: the vendor sends the goods there. */
            shipTo: components["schemas"]["Address"];
            recipient: string;
            lines: {
                sku: string;
                title: string;
                /** @description 0 once the line was cancelled. */
                quantity: number;
            }[];
            /** @description The vendor's own reference, given when it confirmed. */
            vendorReference: string | null;
            carrier: string | null;
            trackingNumber: string | null;
            createdAt: string;
            confirmedAt: string | null;
            shippedAt: string | null;
            cancelledAt: string | null;
        };
        Event: {
            id: number;
            type: string;
            subject: string;
            payload: {
                [key: string]: unknown;
            };
            createdAt: string;
        };
        StockFeedResult: {
            feedId: string;
            /**
             * @description snapshot: absolute on-hand counts; delta: units to add (+) or take (−).
             * @enum {string}
             */
            mode: "snapshot" | "delta";
            format: string;
            asOf: string | null;
            /** @description Rows in the feed. */
            rows: number;
            /** @description SKU × location whose on hand changed. */
            changed: number;
            /** @description Ledger movements written. */
            movements: number;
            appliedAt: string;
            sentBy: string;
        };
        /** @description One way the customer pays part (or all) of an order. */
        Tender: {
            /** @constant */
            method: "card_online";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
            /** @description The payment provider; the default one when absent. */
            provider?: string;
            card?: {
                number: string;
                expMonth: number;
                expYear: number;
                cvc: string;
            };
            /** @description A token from the provider's own card form, instead of card details. */
            token?: string;
        } | {
            /** @constant */
            method: "card_register";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
            /** @description The card terminal's reference of the payment, from the register. */
            reference: string;
            cardBrand?: string;
            cardLast4?: string;
        } | {
            /** @constant */
            method: "cash";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
            /** @description Cash handed over, when more than the amount: the rest is change. */
            tendered?: number;
        } | {
            /** @constant */
            method: "pay_at_pickup";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
        } | {
            /** @enum {string} */
            method: "gift_card" | "loyalty_points" | "store_credit";
            /** @description Minor units (cents) applied to the order. */
            amount: number;
        };
        Payment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            method: "card_online" | "card_register" | "cash" | "pay_at_pickup" | "gift_card" | "loyalty_points" | "store_credit";
            provider: string | null;
            /** @enum {string} */
            status: "pending" | "authorized" | "partially_captured" | "captured" | "partially_refunded" | "refunded" | "voided" | "declined" | "failed" | "awaiting_pickup" | "cancelled";
            currency: string;
            amount: number;
            /** @description The most the payment will collect: the card hold or what is due at pickup, less what was released. */
            authorizedAmount: number;
            capturedAmount: number;
            refundedAmount: number;
            cardBrand: string | null;
            cardLast4: string | null;
            providerReference: string | null;
            cashTendered: number | null;
            changeGiven: number | null;
            /** @description The register the money was taken at, if any. */
            registerId: string | null;
            createdAt: string;
            updatedAt: string;
        };
        PaymentEvent: {
            id: number;
            /** Format: uuid */
            paymentId: string;
            type: string;
            amount: number;
            /** @enum {string} */
            fromStatus: "pending" | "authorized" | "partially_captured" | "captured" | "partially_refunded" | "refunded" | "voided" | "declined" | "failed" | "awaiting_pickup" | "cancelled";
            /** @enum {string} */
            toStatus: "pending" | "authorized" | "partially_captured" | "captured" | "partially_refunded" | "refunded" | "voided" | "declined" | "failed" | "awaiting_pickup" | "cancelled";
            providerReference: string | null;
            actor: string;
            createdAt: string;
        };
        RoutingOrderFilter: {
            /** @description The selling channel is one of these. */
            channelIds?: string[];
            deliveryMethods?: ("ship_to_address" | "pickup_in_store" | "ship_to_store")[];
            /** @description The delivery promised between min and max hours from now. */
            promisedWithinHours?: {
                min?: number;
                max?: number;
            };
            /** @description The order's priority (0 normal … 9 most urgent). */
            priority?: {
                min?: number;
                max?: number;
            };
            /** @description A line's product carries one of these tags (its category or any tag). */
            productTags?: string[];
        };
        RoutingLocationFilter: {
            types?: ("warehouse" | "store" | "dropship_vendor")[];
            /** @description The location belongs to one of these location groups. */
            groups?: string[];
            excludeGroups?: string[];
            /** @description Every one is required. Without it: ships_orders or ship_from_store to send a parcel, nothing more to hand over in the store itself. */
            capabilities?: ("register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders")[];
            /** @description From the delivery address (its coordinates, else its postcode centroid) or the pickup store. */
            maxDistanceKm?: number;
            /** @description The location has opening hours today (its own time zone). */
            openToday?: boolean;
            /** @description Orders routed to it today (and in the current capacity window) are under its capacity; 0 = none. */
            underCapacity?: boolean;
            /** @description Units the location must keep beyond the order, per SKU. */
            routingSafetyStock?: number;
            /** @description The value of the goods it would send (minor units) is at least this. */
            minimumShipmentValue?: number;
        };
        RoutingRule: {
            name: string;
            /**
             * @description The orders the rule is for.
             * @default {}
             */
            orders: components["schemas"]["RoutingOrderFilter"];
            /** @description Orders it is not for, even if the order filter matches them (any condition given that holds excludes). */
            excludeOrders?: components["schemas"]["RoutingOrderFilter"];
            /** @default {} */
            locations: components["schemas"]["RoutingLocationFilter"];
            /**
             * @description Best first, compared key by key: nearest, most left after the order, most capacity left, the sequence given, cheapest.
             * @default [
             *       "distance"
             *     ]
             */
            ranking: ("distance" | "stock_after" | "remaining_capacity" | "sequence" | "fulfilment_cost")[];
            /** @description For the `sequence` ranking: locations in the order preferred (others after). */
            sequence?: string[];
            /** @description For the `fulfilment_cost` ranking: cost per shipment (minor units), per location or per location type. */
            costs?: {
                byType?: {
                    [key: string]: number;
                };
                byLocation?: {
                    [key: string]: number;
                };
            };
            /**
             * @description One location for the whole group, or split: the fewest shipments first, at most maxShipments; lines of a kit stay together.
             * @default {
             *       "split": false,
             *       "maxShipments": 2
             *     }
             */
            allocation: {
                /**
                 * @description May the group leave from several locations?
                 * @default false
                 */
                split: boolean;
                /** @default 2 */
                maxShipments: number;
            };
            /**
             * @description next_rule: try the next rule; backorder: accept against incoming stock with a promised date; park: wait in `queue` for a person; reject: refuse the order.
             * @default next_rule
             * @enum {string}
             */
            whenNothingQualifies: "next_rule" | "backorder" | "park" | "reject";
            /** @description The queue a parked order waits in (park). */
            queue?: string;
        };
        RoutingRuleSetOptions: {
            /**
             * @description Merge a new shipment with the customer's open one to the same address from the same location.
             * @default false
             */
            mergeShipments: boolean;
            /**
             * @description After this many rejections a line goes to the `rejected` queue for a person.
             * @default 3
             */
            maxRejections: number;
            /**
             * @description A pickup store rejecting lines: send them from another location to it, or ask the customer (event order.pickup_unavailable).
             * @default reroute
             * @enum {string}
             */
            pickupRejected: "reroute" | "ask_customer";
        };
        WorkQueue: {
            /** Format: uuid */
            locationId: string;
            /** @description The location packs, ships and hands over only what was scanned (its `mustScan` setting). */
            mustScan: boolean;
            /** @description How many groups are at each stage (the whole queue, not this page). */
            counts: {
                [key: string]: number;
            };
            items: {
                /** Format: uuid */
                groupId: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                customerName: string;
                /** @description The name on the parcel, when not the customer’s. */
                recipient: string;
                /** @enum {string} */
                method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
                /**
                 * @description to_pick: shipment not started; picking: shipment being picked; to_pack: every unit scanned; to_ship: packed, waiting for the carrier; to_prepare: pickup to take to the counter; ready_for_pickup: waiting for its customer; incoming: pickup whose goods are on a transfer to this store.
                 * @enum {string}
                 */
                stage: "to_pick" | "picking" | "to_pack" | "to_ship" | "to_prepare" | "ready_for_pickup" | "incoming";
                promisedAt: string | null;
                createdAt: string;
                /** @description Merged with other groups into one parcel: pack and dispatch them together. */
                mergedShipmentId: string | null;
                /** @description Ship to store: the transfer bringing the goods here. */
                transfer: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                    status: string;
                    expectedAt: string | null;
                } | null;
                lines: {
                    /** Format: uuid */
                    lineId: string;
                    sku: string;
                    title: string;
                    quantity: number;
                    picked: number;
                    /** @description This location's stock of the SKU now. */
                    stock: {
                        /** @description Units on the shelves here. */
                        onHand: number;
                        /** @description Units here promised to orders (this one included). */
                        reserved: number;
                        /** @description Units here still free to sell: on hand − reserved − safety stock. */
                        available: number;
                    };
                }[];
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        PickList: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            locationId: string;
            createdBy: string;
            createdAt: string;
            groups: {
                /** Format: uuid */
                groupId: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                customerName: string;
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            }[];
            /** @description One row per SKU, in SKU order (the walk along the shelves), with how many units go to each order. */
            lines: {
                sku: string;
                title: string;
                /** @description Units of the SKU to take for the whole batch. */
                quantity: number;
                picked: number;
                orders: {
                    orderNumber: string;
                    /** Format: uuid */
                    orderId: string;
                    /** Format: uuid */
                    groupId: string;
                    /** Format: uuid */
                    lineId: string;
                    quantity: number;
                    picked: number;
                }[];
            }[];
        };
        PickState: {
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            /** @description The store requires every unit scanned before packing, shipping or the counter. */
            mustScan: boolean;
            /** @description Every unit of every line scanned. */
            complete: boolean;
            lines: {
                /** Format: uuid */
                lineId: string;
                sku: string;
                title: string;
                required: number;
                picked: number;
            }[];
        };
        Shipment: {
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** @enum {string} */
            status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            /** @description The carrier as the customer knows it. */
            carrier: string | null;
            service: string | null;
            trackingNumber: string | null;
            trackingUrl: string | null;
            parcels: {
                position: number;
                box: string;
                weightGrams: number;
                trackingNumber: string | null;
                lines: {
                    /** Format: uuid */
                    lineId: string;
                    quantity: number;
                }[];
            }[];
        };
        Carriers: {
            items: {
                name: string;
                title: string;
                services: {
                    code: string;
                    name: string;
                }[];
                /** @description Staff type the carrier and tracking number (no integration to ask). */
                typedByStaff: boolean;
            }[];
        };
        StockLevel: {
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** Format: uuid */
            locationId: string;
            onHand: number;
            reserved: number;
            damaged: number;
            incoming: number;
            safetyStock: number;
            /** @description Available to promise: on hand − reserved − safety stock, never below 0. */
            available: number;
        };
        StockMovement: {
            id: number;
            kind: string;
            quantity: number;
            onHandChange: number;
            reservedChange: number;
            damagedChange: number;
            incomingChange: number;
            reason: string;
            referenceType: string;
            referenceId: string;
            actor: string;
            createdAt: string;
        };
        Reservation: {
            /** Format: uuid */
            id: string;
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** Format: uuid */
            locationId: string;
            quantity: number;
            /** @enum {string} */
            kind: "hold" | "order";
            /** @enum {string} */
            status: "active" | "released" | "expired" | "deducted";
            channelId: string | null;
            referenceType: string;
            referenceId: string;
            expiresAt: string | null;
            createdAt: string;
        };
        Availability: {
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** @description Network-wide (or channel-wide) available to promise. */
            available: number;
            /** @description The active locations in scope with something to promise (available above 0), most available first. A location where nothing can be promised (no stock, all reserved or kept as safety stock) is not listed; `GET /v1/inventory/levels` has every level. */
            locations: {
                /** Format: uuid */
                locationId: string;
                available: number;
                onHand: number;
                incoming: number;
            }[];
        };
        StockShortfall: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            locationId: string;
            /** Format: uuid */
            variantId: string;
            sku: string;
            /** @description Units sold offline that the stock did not cover. */
            quantity: number;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** @description When the register sold them (offline). */
            soldAt: string;
            /** @description When the sale reached Aisle. */
            createdAt: string;
            /** @enum {string} */
            status: "open" | "resolved";
            resolution: ("found" | "written_off") | null;
            resolvedAt: string | null;
            resolvedBy: string | null;
            note: string;
        };
        Transfer: {
            /** Format: uuid */
            id: string;
            /** @description What people say and write on the delivery note, e.g. TR-01KQ3ZD-7F3X. */
            number: string;
            /** Format: uuid */
            fromLocationId: string;
            /** Format: uuid */
            toLocationId: string;
            /** @enum {string} */
            status: "draft" | "shipped" | "partially_received" | "received" | "cancelled";
            /** @description When the goods are expected at the destination. */
            expectedAt: string | null;
            note: string;
            createdBy: string;
            createdAt: string;
            shippedAt: string | null;
            /** @description When the last unit arrived. */
            receivedAt: string | null;
            lines: {
                sku: string;
                /** Format: uuid */
                variantId: string;
                quantity: number;
                received: number;
            }[];
        };
        ExpectedReceipt: {
            /** Format: uuid */
            id: string;
            sku: string;
            /** Format: uuid */
            variantId: string;
            /** Format: uuid */
            locationId: string;
            /** @enum {string} */
            source: "purchase" | "transfer";
            /** @description The purchase order number, or the id of the transfer. */
            reference: string;
            quantity: number;
            received: number;
            /** @description Still on its way: quantity − received while open, else 0. */
            remaining: number;
            expectedAt: string | null;
            /** @enum {string} */
            status: "open" | "closed" | "cancelled";
            createdAt: string;
        };
        MergeCandidates: {
            /** Format: uuid */
            locationId: string;
            items: {
                /** Format: uuid */
                customerId: string;
                address: components["schemas"]["Address"];
                deliveryGroups: {
                    /** Format: uuid */
                    id: string;
                    /** Format: uuid */
                    orderId: string;
                    orderNumber: string;
                    /** @description Already merged with some of the others. */
                    mergedShipmentId: string | null;
                    createdAt: string;
                }[];
            }[];
        };
        MergedShipment: {
            /**
             * Format: uuid
             * @description The merge: each group's mergedShipmentId.
             */
            id: string;
            /** Format: uuid */
            locationId: string;
            /** Format: uuid */
            customerId: string;
            address: components["schemas"]["Address"];
            deliveryGroups: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
            }[];
        };
        Quote: {
            /** Format: uuid */
            channelId: string;
            customerId: string | null;
            currency: string;
            /** @description Whether line amounts before tax (list total, discounts, floor) are gross; totals are always gross. */
            pricesIncludeTax: boolean;
            lines: {
                /** Format: uuid */
                variantId: string;
                sku: string;
                quantity: number;
                unitListPrice: number;
                minimumPrice: number | null;
                listTotal: number;
                /** @description In the order applied, each after the minimum price capped it. */
                discounts: {
                    /** @enum {string} */
                    source: "customer_group" | "customer" | "promotion" | "manual";
                    amount: number;
                    /** @description Why staff gave it (manual discounts). */
                    reason?: string;
                }[];
                discountTotal: number;
                minimumPriceApplied: boolean;
                /** @description Discount the minimum price held back on this line. */
                cappedBy: number;
                taxRateBasisPoints: number;
                net: number;
                tax: number;
                /** @description Gross. */
                lineTotal: number;
            }[];
            deliveryGroups: {
                /** @enum {string} */
                method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                locationId: string | null;
                lineIndexes: number[];
                weightGrams: number;
                goodsTotal: number;
                shippingFee: number;
                shippingWaived: number;
                shippingTax: number;
                packingFee: number;
                packingTax: number;
            }[];
            promotion: {
                /**
                 * Format: uuid
                 * @description What the order redeems.
                 */
                id: string;
                code: string;
                /** @enum {string} */
                kind: "percentage" | "fixed_amount" | "free_shipping";
                applied: boolean;
                /** @description Why it was not applied: expired, not-started, exhausted, inactive, not-for-this-channel, other-currency, below-minimum-subtotal. */
                reason: string | null;
                amount: number;
            } | null;
            taxes: {
                rateBasisPoints: number;
                net: number;
                tax: number;
            }[];
            totals: {
                subtotal: number;
                discountTotal: number;
                shippingTotal: number;
                packingTotal: number;
                taxTotal: number;
                total: number;
            };
            quotedAt: string;
        };
        Promotion: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "percentage" | "fixed_amount" | "free_shipping";
            value: number;
            currency: string | null;
            minimumSubtotal: number;
            startsAt: string | null;
            endsAt: string | null;
            usageLimit: number | null;
            timesUsed: number;
            channelIds: string[] | null;
            active: boolean;
            createdAt: string;
            updatedAt: string;
        };
        DeliveryRate: {
            /** Format: uuid */
            id: string;
            channelId: string | null;
            /** @enum {string} */
            method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
            /** @enum {string} */
            pricing: "flat" | "weight_band" | "free_above";
            amount: number;
            freeAboveAmount: number | null;
            weightBands: {
                upToGrams: number;
                amount: number;
            }[] | null;
            packingFee: number;
            currency: string;
            taxClass: string;
            createdAt: string;
            updatedAt: string;
        };
        Order: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            channelId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            status: "placed" | "in_progress" | "completed" | "cancelled";
            currency: string;
            totals: {
                subtotal: number;
                discounts: number;
                shipping: number;
                packing: number;
                tax: number;
                total: number;
            };
            promotionCode: string | null;
            email: string | null;
            phone: string | null;
            /** @description What the QR code on the invoice encodes: a register scans it to recall the order. */
            qrPayload: string;
            deliveryGroups: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                /** @enum {string} */
                status: "backordered" | "parked" | "awaiting_transfer" | "reserved" | "picking" | "packed" | "shipped" | "ready_for_pickup" | "collected" | "delivered" | "cancelled";
                /** @description Null while the group waits for a location (parked, or a preorder). */
                fulfilmentLocationId: string | null;
                /** @description The queue a parked group waits in for a person. */
                queue: string | null;
                pickupLocationId: string | null;
                address: components["schemas"]["Address"] | null;
                recipient: string;
                shippingFee: number;
                packingFee: number;
                /** @description The date promised to the customer. */
                promisedAt: string | null;
                carrier: string | null;
                trackingNumber: string | null;
                /** @description The carrier's tracking page, when the carrier gives one. */
                trackingUrl: string | null;
                /** @description Ship to store: the transfer bringing the goods to the pickup store (GET /v1/transfers/{id}). */
                transferId: string | null;
                /** @description Merged with other groups of the customer into one shipment (POST /v1/shipments/merge): shipping one ships them all. */
                mergedShipmentId: string | null;
                /** @description Click & Collect: the 6-digit code the customer gives at the counter, set when the group is ready. Shown to the order's own channel too: it is the customer's, and a customer-facing channel may show it to them. */
                pickupCode: string | null;
                /** @description When the pickup window ends (UTC): not collected by then, the group is cancelled and restocked. */
                pickupBy: string | null;
                /** @description When the group became ready at the counter. */
                readyAt: string | null;
                /** @description Who collected the goods at the counter. */
                collectedBy: {
                    name: string;
                    relation: ("customer" | "family" | "friend" | "colleague" | "courier" | "other") | null;
                    idChecked: boolean;
                    /** @description The person gave the pickup code (it was checked). */
                    codeGiven: boolean;
                } | null;
                lines: {
                    /** Format: uuid */
                    id: string;
                    sku: string;
                    title: string;
                    quantity: number;
                    cancelledQuantity: number;
                    unitListPrice: number;
                    unitPrice: number;
                    discountTotal: number;
                    /** @description The minimum price stopped a discount: the line costs its floor. */
                    minimumPriceApplied: boolean;
                    /** @description The discount staff gave on the line by hand (part of discountTotal), as applied above the floor, and why. */
                    manualDiscount: {
                        amount: number;
                        reason: string;
                    } | null;
                    taxRateBasisPoints: number;
                    taxAmount: number;
                    lineTotal: number;
                }[];
            }[];
            payments: components["schemas"]["Payment"][];
            /** @description What is left to pay at pickup (pay-at-pickup payments not yet settled); 0: paid. */
            amountToPay: number;
            createdAt: string;
            updatedAt: string;
        };
        RoutingRun: {
            /** @description Groups whose stock was found and reserved (order.allocated). */
            allocated: number;
            /** @description Backorders still waiting for stock (told of a new promised date if it changed). */
            stillWaiting: number;
            /** @description Groups the rules now park for a person. */
            parked: number;
            /** @description Groups left as they were for an error (logged); the run went on. */
            failed: number;
        };
        RegisterSession: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            registerId: string;
            currency: string;
            openingFloat: number;
            openedBy: string;
            openedAt: string;
            closedBy: string | null;
            closedAt: string | null;
            countedCash: number | null;
            note: string | null;
        };
        Register: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            locationId: string;
            name: string;
            createdAt: string;
            /** @description The session open at the register, if any. */
            openSession: components["schemas"]["RegisterSession"] | null;
        };
        RegisterCashMovement: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sessionId: string;
            /** @enum {string} */
            kind: "paid_in" | "paid_out";
            amount: number;
            reason: string;
            actor: string;
            createdAt: string;
        };
        RegisterSessionReport: {
            /**
             * @description X while the session is open (a reading that changes nothing), Z once it is closed.
             * @enum {string}
             */
            kind: "X" | "Z";
            session: components["schemas"]["RegisterSession"];
            register: {
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: uuid */
                locationId: string;
            };
            generatedAt: string;
            /** @description Orders with money taken at the register during the session. */
            sales: number;
            /** @description Captured at the register during the session, per tender (cash net of change). */
            tenders: {
                /** @enum {string} */
                method: "card_online" | "card_register" | "cash" | "pay_at_pickup" | "gift_card" | "loyalty_points" | "store_credit";
                count: number;
                amount: number;
            }[];
            /** @description Given back during the session on payments taken at the register, per tender. */
            refunds: {
                /** @enum {string} */
                method: "card_online" | "card_register" | "cash" | "pay_at_pickup" | "gift_card" | "loyalty_points" | "store_credit";
                count: number;
                amount: number;
            }[];
            cash: {
                openingFloat: number;
                taken: number;
                refunded: number;
                /** @description Cash handed over by customers (before change). */
                tendered: number;
                changeGiven: number;
                paidIn: number;
                paidOut: number;
            };
            cashMovements: components["schemas"]["RegisterCashMovement"][];
            /** @description Float + cash taken − cash refunded + paid in − paid out (at the close, as worked out then). */
            expectedCash: number;
            countedCash: number | null;
            /** @description Counted − expected: negative when cash is missing. */
            difference: number | null;
        };
        RoutingCandidate: {
            locationId: string;
            code: string;
            /** @description To the destination (the address or its postcode centroid, or the pickup store); null when unknown. */
            distanceKm: number | null;
            removedBy?: {
                filter: string;
                /** @description The values compared, e.g. "capacity 40/40 today", "212 km > 200 km". */
                detail: string;
            };
            /** @description Its ranking keys, in the order the rule ranks by. */
            keys?: {
                [key: string]: number | null;
            };
            rank?: number;
        };
        RoutingRuleTrace: {
            /** @description The rule's position in the rule set, from 0. */
            rule: number;
            name: string;
            /** @description Why the rule is not for this order (its order filters). */
            skipped?: string;
            candidates?: components["schemas"]["RoutingCandidate"][];
            /** @description A stored trace over 30 candidates keeps the 10 best ranked and 3 examples per filter: how many each filter removed. */
            removedCounts?: {
                [key: string]: number;
            };
            result: string;
        };
        RoutingDecision: {
            id: number;
            /** @description order_placed, batch or reroute. */
            trigger: string;
            createdAt: string;
            /** @description null: the default rules (the channel had no active rule set). */
            ruleSet: {
                /** Format: uuid */
                id: string;
                version: number;
            } | null;
            /** @description The delivery group of the order as placed (its position in the request). */
            deliveryGroup: number;
            /** @enum {string} */
            outcome: "routed" | "split" | "backordered" | "parked" | "rejected";
            /** @description The rule that decided; null when none did. */
            rule: {
                index: number;
                name: string;
            } | null;
            /** @description A backorder: when its stock is expected. */
            availableAt: string | null;
            /** @description A parked group: the queue it waits in. */
            queue: string | null;
            shipments: {
                /** Format: uuid */
                deliveryGroupId: string;
                locationId: string | null;
                locationCode: string | null;
                status: string;
                lines: {
                    sku: string;
                    quantity: number;
                    /** Format: uuid */
                    lineId: string;
                }[];
            }[];
            trace: components["schemas"]["RoutingRuleTrace"][];
            /** @description The decision in sentences: each rule tried, the locations it removed and why, the ranking, the outcome. */
            summary: string[];
        };
        OrderRouting: {
            /** Format: uuid */
            orderId: string;
            number: string;
            /** @description Oldest first. */
            decisions: components["schemas"]["RoutingDecision"][];
        };
        RoutingDryRun: {
            ruleSet: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                channelId: string;
                version: number;
                name: string;
                /** @enum {string} */
                status: "draft" | "active" | "archived";
            };
            orderId: string | null;
            decisions: {
                deliveryGroup: number;
                /** @enum {string} */
                outcome: "routed" | "split" | "backordered" | "parked" | "rejected";
                /** @description The rule that decided; null when none did. */
                rule: {
                    index: number;
                    name: string;
                } | null;
                availableAt: string | null;
                queue: string | null;
                /** @description A rejection: why. */
                reason: string | null;
                /** @description Where the goods would leave from (or wait, backordered). */
                shipments: {
                    locationId: string | null;
                    locationCode: string | null;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                }[];
                /** @description Every candidate, never compacted. */
                trace: components["schemas"]["RoutingRuleTrace"][];
                /** @description The decision in sentences: each rule tried, the locations it removed and why, the ranking, the outcome. */
                summary: string[];
            }[];
            /** @description Groups whose location was named, not chosen by routing. */
            notRouted: {
                deliveryGroup: number;
                locationId: string | null;
                reason: string;
            }[];
            note: string;
        };
        RoutingReplay: {
            ruleSet: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                channelId: string;
                version: number;
                name: string;
                /** @enum {string} */
                status: "draft" | "active" | "archived";
            };
            since: string;
            orders: {
                /** @description The channel's orders placed since then (at most `limit`). */
                read: number;
                /** @description Those with a delivery group routing chose for. */
                compared: number;
                /** @description Those the rule set would send from other locations, or not send. */
                differing: number;
            };
            /** @description What was decided when the orders were placed. */
            before: {
                /** @description Shipments per location code. */
                locationsUsed: {
                    [key: string]: number;
                };
                /** @description Groups sent in more than one shipment, in % of the groups compared. */
                splitRatePercent: number;
                /** @description Per shipment, to the destination when known; null when none is. */
                averageDistanceKm: number | null;
                /** @description Orders with a group rejected, parked or backordered. */
                ordersUnfillable: number;
                groups: {
                    routed: number;
                    split: number;
                    backordered: number;
                    parked: number;
                    rejected: number;
                };
                decidedBy: {
                    ruleSetId: string | null;
                    version: number | null;
                    groups: number;
                }[];
            };
            /** @description What the rule set decides now. */
            after: {
                /** @description Shipments per location code. */
                locationsUsed: {
                    [key: string]: number;
                };
                /** @description Groups sent in more than one shipment, in % of the groups compared. */
                splitRatePercent: number;
                /** @description Per shipment, to the destination when known; null when none is. */
                averageDistanceKm: number | null;
                /** @description Orders with a group rejected, parked or backordered. */
                ordersUnfillable: number;
                groups: {
                    routed: number;
                    split: number;
                    backordered: number;
                    parked: number;
                    rejected: number;
                };
            };
            /** @description Up to 50 orders that differ: per delivery group, the locations (or what it waits for). */
            examples: {
                /** Format: uuid */
                orderId: string;
                number: string;
                before: string[];
                after: string[];
            }[];
            note: string;
        };
        RoutingRuleSet: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            channelId: string;
            /** @description 1, 2, … per channel, in the order they were created. */
            version: number;
            name: string;
            /**
             * @description draft (may change), active (routes the channel’s orders; one per channel) or archived.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            document: {
                rules: components["schemas"]["RoutingRule"][];
                /**
                 * @default {
                 *       "mergeShipments": false,
                 *       "maxRejections": 3,
                 *       "pickupRejected": "reroute"
                 *     }
                 */
                options: components["schemas"]["RoutingRuleSetOptions"];
            };
            /** @description Who created it: `user:<id>`, `api-key:<id>` or `admin-key`. */
            createdBy: string;
            createdAt: string;
            /** @description When it was last made active. */
            activatedAt: string | null;
            /** @description When it was archived, if it is. */
            archivedAt: string | null;
        };
        RoutingProductLocation: {
            /** Format: uuid */
            productId: string;
            /** Format: uuid */
            locationId: string;
            /** @description Orders for the product may be sent from the location. */
            mayRoute: boolean;
            /** @description The product may be collected at the location (a store). */
            mayPickup: boolean;
        };
        PostcodeCentroid: {
            country: string;
            /** @description Upper case, without spaces: `SW1A1AA`, `69002`. */
            postalCode: string;
            latitude: number;
            longitude: number;
        };
        PreorderAllowance: {
            /** Format: uuid */
            variantId: string;
            sku: string;
            quantity: number;
            availableAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["StaffUser"];
                        expiresAt: string;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "admin" | "store" | "channel";
                        locationId: string | null;
                        channelId: string | null;
                        userId: string | null;
                        apiKeyId: string | null;
                        actor: string;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaffUsers: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffUser"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStaffUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password: string;
                    /** @enum {string} */
                    role: "admin" | "store";
                    /**
                     * Format: uuid
                     * @description Required for store staff: the one store they work for.
                     */
                    locationId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUser"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStaffUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    password?: string;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUser"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                role?: "admin" | "store" | "channel";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    role: "admin" | "store" | "channel";
                    /**
                     * Format: uuid
                     * @description Required for the store role.
                     */
                    locationId?: string;
                    /**
                     * Format: uuid
                     * @description Required for the channel role.
                     */
                    channelId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "store" | "channel";
                        locationId: string | null;
                        channelId: string | null;
                        /** @description The last characters of the key, to recognise it. */
                        tokenHint: string;
                        createdAt: string;
                        revokedAt: string | null;
                        /** @description The secret. Shown once: only its hash is stored. */
                        token: string;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTaxClasses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TaxClass"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTaxClass: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    /** @description 2000 = 20 %. */
                    rateBasisPoints: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxClass"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPriceLists: {
        parameters: {
            query?: {
                currency?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PriceList"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPriceList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    currency: string;
                    /**
                     * @description Gross (VAT included) prices, as shelf prices are in Europe.
                     * @default true
                     */
                    pricesIncludeTax?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceList"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPriceList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceList"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPrices: {
        parameters: {
            query?: {
                sku?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ListedPrice"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPrices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    prices: {
                        sku?: string;
                        /** Format: uuid */
                        variantId?: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        priceListId: string;
                        created: number;
                        updated: number;
                        unchanged: number;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Matches title, description, SKU or barcode. */
                q?: string;
                sku?: string;
                barcode?: string;
                status?: "active" | "archived";
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Product"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @default  */
                    description?: string;
                    /** @description The code of a tax class. */
                    taxClass: string;
                    /** @default [] */
                    imageUrls?: string[];
                    /**
                     * @description Its category and any tags, e.g. ["apparel", "fragile"]: routing rules choose orders by them.
                     * @default []
                     */
                    tags?: string[];
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "active" | "archived";
                    variants: {
                        sku: string;
                        barcode?: string;
                        /** @description Defaults to the option values, e.g. "M / Navy". */
                        title?: string;
                        /**
                         * @description What tells the variants of a product apart, e.g. {"size": "M", "colour": "Navy"}.
                         * @default {}
                         */
                        options?: {
                            [key: string]: string;
                        };
                        weightGrams?: number;
                        /**
                         * @description The floor no discount may go under, in every channel: one amount per currency, in minor units.
                         * @default []
                         */
                        minimumPrices?: {
                            currency: string;
                            amount: number;
                        }[];
                        /** @default [] */
                        prices?: {
                            /** Format: uuid */
                            priceListId: string;
                            amount: number;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string;
                    taxClass?: string;
                    imageUrls?: string[];
                    /** @enum {string} */
                    status?: "active" | "archived";
                    /** @description Replaces all its tags. */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku: string;
                    barcode?: string;
                    /** @description Defaults to the option values, e.g. "M / Navy". */
                    title?: string;
                    /**
                     * @description What tells the variants of a product apart, e.g. {"size": "M", "colour": "Navy"}.
                     * @default {}
                     */
                    options?: {
                        [key: string]: string;
                    };
                    weightGrams?: number;
                    /**
                     * @description The floor no discount may go under, in every channel: one amount per currency, in minor units.
                     * @default []
                     */
                    minimumPrices?: {
                        currency: string;
                        amount: number;
                    }[];
                    /** @default [] */
                    prices?: {
                        /** Format: uuid */
                        priceListId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantWithProduct"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVariants: {
        parameters: {
            query?: {
                /** @description Matches SKU, barcode, variant or product title. */
                q?: string;
                sku?: string;
                barcode?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VariantWithProduct"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantWithProduct"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description null removes the barcode. */
                    barcode?: string | null;
                    title?: string;
                    /** @description What tells the variants of a product apart, e.g. {"size": "M", "colour": "Navy"}. */
                    options?: {
                        [key: string]: string;
                    };
                    weightGrams?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantWithProduct"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setMinimumPrices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Replaces all the floors of the variant. */
                    minimumPrices: {
                        currency: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantWithProduct"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLocations: {
        parameters: {
            query?: {
                type?: "warehouse" | "store" | "dropship_vendor";
                capability?: "register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders";
                active?: "true" | "false";
                /** @description Matches code, name or city. */
                q?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Location"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    /** @enum {string} */
                    type: "warehouse" | "store" | "dropship_vendor";
                    address: components["schemas"]["AddressInput"];
                    latitude: number;
                    longitude: number;
                    /** @default UTC */
                    timezone?: string;
                    /**
                     * @description Opening time ranges per weekday in the location timezone; a missing day is closed.
                     * @default {}
                     */
                    openingHours?: {
                        [key: string]: string[];
                    };
                    /** @default [] */
                    capabilities?: ("register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders")[];
                    /** @default 0 */
                    dailyCapacity?: number;
                    /**
                     * @description Capacity per time of day (the location's time zone), e.g. per shift, on top of the daily capacity.
                     * @default []
                     */
                    capacityWindows?: {
                        from: string;
                        to: string;
                        /** @description Delivery groups it may be routed in the window; 0 = no limit. */
                        orders: number;
                    }[];
                    /**
                     * @description Location groups routing rules name, e.g. `lyon`, `outlets`.
                     * @default []
                     */
                    groups?: string[];
                    /** @default 7 */
                    pickupWindowDays?: number;
                    /** @default 24 */
                    pickupReminderHours?: number;
                    /** @default false */
                    mustScan?: boolean;
                    /** @default true */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    address?: components["schemas"]["AddressInput"];
                    latitude?: number;
                    longitude?: number;
                    timezone?: string;
                    /** @description Opening time ranges per weekday in the location timezone; a missing day is closed. */
                    openingHours?: {
                        [key: string]: string[];
                    };
                    capabilities?: ("register_sales" | "click_and_collect" | "ship_from_store" | "accepts_returns" | "receives_transfers" | "ships_orders")[];
                    dailyCapacity?: number;
                    /** @description Capacity per time of day (the location's time zone), e.g. per shift, on top of the daily capacity. */
                    capacityWindows?: {
                        from: string;
                        to: string;
                        /** @description Delivery groups it may be routed in the window; 0 = no limit. */
                        orders: number;
                    }[];
                    /** @description Location groups routing rules name, e.g. `lyon`, `outlets`. */
                    groups?: string[];
                    pickupWindowDays?: number;
                    pickupReminderHours?: number;
                    mustScan?: boolean;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChannels: {
        parameters: {
            query?: {
                type?: "web" | "register" | "marketplace" | "social" | "phone";
                enabled?: "true" | "false";
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Channel"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    /** @enum {string} */
                    type: "web" | "register" | "marketplace" | "social" | "phone";
                    currency: string;
                    /** Format: uuid */
                    priceListId: string;
                    /** Format: uuid */
                    storeLocationId?: string;
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @description The language of documents and emails: fr or en (ISO 639-1).
                     * @enum {string}
                     */
                    language?: "fr" | "en";
                    /** @default [] */
                    locations?: components["schemas"]["ChannelLocationInput"][];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: uuid */
                    priceListId?: string;
                    enabled?: boolean;
                    /** @description null: the retailer's language. */
                    language?: ("fr" | "en") | null;
                    /** @description Replaces the whole list. */
                    locations?: components["schemas"]["ChannelLocationInput"][];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomerGroups: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CustomerGroup"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    /** @default 0 */
                    discountBasisPoints?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerGroup"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Matches first or last name, "first last", email or phone; empty matches everyone. */
                q?: string;
                email?: string;
                /** @description Stored in E.164: "06 12 34 56 78" (in France) and "+33 6 12 34 56 78" are both +33612345678. */
                phone?: string;
                customerGroupId?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Customer"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    firstName: string;
                    /** @description May be empty when a channel knows only one name. */
                    lastName: string;
                    /** @default [] */
                    emails?: string[];
                    phones?: string[];
                    addresses?: {
                        /** @default  */
                        label?: string;
                        name: string;
                        line1: string;
                        /** @default  */
                        line2?: string;
                        postalCode: string;
                        city: string;
                        /** @default  */
                        region?: string;
                        country: string;
                        /** @description A phone for the carrier; empty for none. */
                        phone?: "" | string;
                        /** @default false */
                        isDefault?: boolean;
                    }[];
                    /** Format: uuid */
                    customerGroupId?: string;
                    /** @default 0 */
                    discountBasisPoints?: number;
                    /** @default {} */
                    consent?: {
                        marketingEmail?: boolean;
                        marketingSms?: boolean;
                    };
                    /** @default  */
                    note?: string;
                    /**
                     * @description The language of documents and emails: fr or en (ISO 639-1).
                     * @enum {string}
                     */
                    language?: "fr" | "en";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    firstName?: string;
                    /** @description May be empty when a channel knows only one name. */
                    lastName?: string;
                    /** @description Replaces the whole list. */
                    emails?: string[];
                    /** @description Replaces the whole list. */
                    phones?: string[];
                    /** @description null takes the customer out of their group. */
                    customerGroupId?: string | null;
                    discountBasisPoints?: number;
                    consent?: {
                        marketingEmail?: boolean;
                        marketingSms?: boolean;
                    };
                    note?: string;
                    /** @description null: no language of their own (the channel's default applies). */
                    language?: ("fr" | "en") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addCustomerAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    label?: string;
                    name: string;
                    line1: string;
                    /** @default  */
                    line2?: string;
                    postalCode: string;
                    city: string;
                    /** @default  */
                    region?: string;
                    country: string;
                    /** @description A phone for the carrier; empty for none. */
                    phone?: "" | string;
                    /** @default false */
                    isDefault?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAddress"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCustomerAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                addressId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomerAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                addressId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label?: string;
                    name?: string;
                    line1?: string;
                    line2?: string;
                    postalCode?: string;
                    city?: string;
                    region?: string;
                    country?: string;
                    /** @description A phone for the carrier; empty for none. */
                    phone?: "" | string;
                    isDefault?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAddress"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStockLevels: {
        parameters: {
            query?: {
                sku?: string;
                locationId?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StockLevel"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStockMovements: {
        parameters: {
            query: {
                sku: string;
                locationId: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StockMovement"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                    /** @default received */
                    reason?: string;
                    reference?: {
                        type: string;
                        id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["StockLevel"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordShelfSale: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                    reference?: {
                        type: string;
                        id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["StockLevel"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    sku: string;
                    /** @description Units added (positive) or removed (negative). */
                    quantity: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["StockLevel"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    countStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    lines: {
                        sku: string;
                        counted: number;
                    }[];
                    /** @default cycle count */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["StockLevel"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordDamage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    sku: string;
                    quantity: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["StockLevel"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSafetyStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    /** @description Omit to set the location default. */
                    sku?: string;
                    /** @description null removes a SKU override. */
                    quantity: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["StockLevel"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    skus: string[];
                    /**
                     * Format: uuid
                     * @description Only the locations this channel sells from (a channel key: always its own).
                     */
                    channelId?: string;
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Availability"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    findPickupStores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    latitude: number;
                    longitude: number;
                    /** @default 50 */
                    radiusKm?: number;
                    /** Format: uuid */
                    channelId?: string;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                    /** @default 10 */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            locationId: string;
                            code: string;
                            name: string;
                            distanceKm: number;
                            /** @description Every line of the cart can be picked up here now. */
                            allAvailable: boolean;
                            lines: {
                                sku: string;
                                requested: number;
                                available: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reserveStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description All lines are reserved, or none. */
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        sku: string;
                        /** Format: uuid */
                        locationId: string;
                        quantity: number;
                    }[];
                    /**
                     * @default hold
                     * @enum {string}
                     */
                    kind?: "hold" | "order";
                    /**
                     * @description Holds only: seconds until the hold lapses.
                     * @default 900
                     */
                    ttlSeconds?: number;
                    /**
                     * Format: uuid
                     * @description The channel selling; a channel key always reserves for its own channel.
                     */
                    channelId?: string;
                    reference?: {
                        type: string;
                        id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reservations: components["schemas"]["Reservation"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deductReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyStockFeed: {
        parameters: {
            query?: {
                /** @description The sender's id of the feed; the same id again changes nothing (required for CSV and NDJSON). */
                feedId?: string;
                /** @description snapshot: absolute on-hand counts; delta: units to add (+) or take (−). */
                mode?: "snapshot" | "delta";
                /** @description When a snapshot was counted (default now): movements recorded after it are kept on top. */
                asOf?: string;
                /** @description Location code for rows that name none. */
                location?: string;
                /** @description Snapshot only: set to zero the SKUs it does not list at its locations (default), or keep them. */
                missing?: "zero" | "keep";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockFeedResult"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockFeedResult"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A JSON feed over 1 MB, or a streamed feed over 1 GB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not text/csv, application/x-ndjson or application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStockFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                feedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockFeedResult"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTransfers: {
        parameters: {
            query?: {
                status?: "draft" | "shipped" | "partially_received" | "received" | "cancelled";
                fromLocationId?: string;
                toLocationId?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Transfer"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    fromLocationId: string;
                    /** Format: uuid */
                    toLocationId: string;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                    /** Format: date-time */
                    expectedAt?: string;
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncomingStock: {
        parameters: {
            query?: {
                sku?: string;
                locationId?: string;
                status?: "open" | "closed" | "cancelled";
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpectedReceipt"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    expectPurchase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    lines: {
                        sku: string;
                        quantity: number;
                    }[];
                    /** Format: date-time */
                    expectedAt: string;
                    /** @description The purchase order number. */
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpectedReceipt"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receivePurchase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpectedReceipt"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPurchase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpectedReceipt"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStockShortfalls: {
        parameters: {
            query?: {
                /** @description Only the open, or only the resolved; both by default (open first). */
                status?: "open" | "resolved";
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StockShortfall"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveStockShortfall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description found: the units are in the stock after all, deducted now as the sale’s; written_off: nothing to deduct (say why in the note).
                     * @enum {string}
                     */
                    resolution: "found" | "written_off";
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockShortfall"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    quoteCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description Required except with a channel key, which always quotes for its own channel.
                     */
                    channelId?: string;
                    /**
                     * Format: uuid
                     * @description Applies the customer’s group and individual discounts.
                     */
                    customerId?: string;
                    lines: {
                        sku: string;
                        quantity: number;
                        /** @description A discount staff give on this line at the counter (admin or store staff; a channel key may not): after the customer’s and the promotion’s, never under the minimum price. */
                        discount?: {
                            /** @description Basis points of the line’s list total: 1500 is 15 %. */
                            percentBasisPoints?: number;
                            /** @description Off the whole line (not each unit), in minor units. */
                            amount?: number;
                            /** @description Why: shown on the order and the receipt. */
                            reason: string;
                        };
                    }[];
                    /**
                     * @description Lines delivered together and how; fees are per group. Lines in no group are carried out of the store.
                     * @default []
                     */
                    deliveryGroups?: {
                        /** @enum {string} */
                        method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                        lineIndexes?: number[];
                        skus?: string[];
                        /**
                         * Format: uuid
                         * @description The store of a pickup or ship-to-store group.
                         */
                        locationId?: string;
                    }[];
                    /** @description Case does not matter: summer10 and SUMMER10 are one code. */
                    promotionCode?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPromotions: {
        parameters: {
            query?: {
                code?: string;
                active?: "true" | "false";
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Promotion"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPromotion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Case does not matter: summer10 and SUMMER10 are one code. */
                    code: string;
                    /** @enum {string} */
                    kind: "percentage" | "fixed_amount" | "free_shipping";
                    /** @default  */
                    name?: string;
                    /**
                     * @description Basis points for a percentage (1000 = 10 %), minor units for a fixed amount, 0 for free shipping.
                     * @default 0
                     */
                    value?: number;
                    /**
                     * @description Required for a fixed amount or a minimum subtotal.
                     * @default null
                     */
                    currency?: string | null;
                    /**
                     * @description Gross amount the goods must reach after customer discounts; 0 for none.
                     * @default 0
                     */
                    minimumSubtotal?: number;
                    /** @default null */
                    startsAt?: string | null;
                    /** @default null */
                    endsAt?: string | null;
                    /**
                     * @description How many orders may use the code; null for no limit.
                     * @default null
                     */
                    usageLimit?: number | null;
                    /**
                     * @description Channels where the code works; null for every channel.
                     * @default null
                     */
                    channelIds?: string[] | null;
                    /** @default true */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Promotion"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Promotion"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Basis points for a percentage (1000 = 10 %), minor units for a fixed amount, 0 for free shipping. */
                    value?: number;
                    /** @description Required for a fixed amount or a minimum subtotal. */
                    currency?: string | null;
                    /** @description Gross amount the goods must reach after customer discounts; 0 for none. */
                    minimumSubtotal?: number;
                    startsAt?: string | null;
                    endsAt?: string | null;
                    /** @description How many orders may use the code; null for no limit. */
                    usageLimit?: number | null;
                    /** @description Channels where the code works; null for every channel. */
                    channelIds?: string[] | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Promotion"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveryRates: {
        parameters: {
            query?: {
                /** @description Only the rates this channel uses: its own, else the defaults in its currency. */
                channelId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DeliveryRate"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setDeliveryRate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description null: the default for every channel selling in this currency.
                     * @default null
                     */
                    channelId?: string | null;
                    /** @enum {string} */
                    method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                    /** @enum {string} */
                    pricing: "flat" | "weight_band" | "free_above";
                    /**
                     * @description Gross shipping fee (flat, and below the threshold for free_above).
                     * @default 0
                     */
                    amount?: number;
                    /**
                     * @description free_above: shipping is free from this gross amount of goods after discounts.
                     * @default null
                     */
                    freeAboveAmount?: number | null;
                    /** @default null */
                    weightBands?: {
                        upToGrams: number;
                        amount: number;
                    }[] | null;
                    /**
                     * @description Gross, charged per delivery group, never waived by a code.
                     * @default 0
                     */
                    packingFee?: number;
                    currency: string;
                    /** @description The tax class the fees are taxed at. */
                    taxClass: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRate"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteDeliveryRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoutingRuleSets: {
        parameters: {
            query?: {
                channelId?: string;
                status?: "draft" | "active" | "archived";
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoutingRuleSet"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRoutingRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The channel whose orders these rules route.
                     */
                    channelId: string;
                    name: string;
                    /** @description The rules, tried in order for each delivery group, and the options. */
                    document: {
                        rules: components["schemas"]["RoutingRuleInput"][];
                        options?: components["schemas"]["RoutingRuleSetOptionsInput"];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleSet"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRoutingRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleSet"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceRoutingRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    document: {
                        rules: components["schemas"]["RoutingRuleInput"][];
                        options?: components["schemas"]["RoutingRuleSetOptionsInput"];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleSet"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateRoutingRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleSet"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archiveRoutingRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleSet"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoutingProductLocations: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                productId?: string;
                locationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoutingProductLocation"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setRoutingProductLocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    productId: string;
                    /** Format: uuid */
                    locationId: string;
                    /** @description Orders for the product may be sent from the location. */
                    mayRoute: boolean;
                    /** @description The product may be collected at the location (a store). */
                    mayPickup: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingProductLocation"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPostcodeCentroids: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rows: {
                        country: string;
                        /** @description Kept upper case and without spaces, as addresses are looked up. */
                        postalCode: string;
                        latitude: number;
                        longitude: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Rows created or changed. */
                        written: number;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPostcodeCentroid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                country: string;
                postalCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostcodeCentroid"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPreorderAllowances: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                sku?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PreorderAllowance"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPreorderAllowance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku: string;
                    /** @description Units that may be sold before any stock exists; 0 allows none. */
                    quantity: number;
                    /**
                     * Format: date-time
                     * @description When they are expected: the date a backordered customer is promised.
                     */
                    availableAt: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreorderAllowance"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMergeCandidates: {
        parameters: {
            query?: {
                /** @description How many sets to return (1–200), oldest first. */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeCandidates"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mergeShipments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Open groups (reserved, not yet picked) of one customer, to one address, from one location: they leave as one parcel. */
                    deliveryGroupIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergedShipment"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderInvoice: {
        parameters: {
            query?: {
                /** @description Print in this language instead of the customer's (else the channel's, else the retailer's). */
                language?: "fr" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchOrders: {
        parameters: {
            query?: {
                number?: string;
                email?: string;
                phone?: string;
                /** @description A scanned QR payload. */
                qr?: string;
                /** @description The pickup code the customer gives at the counter: finds the order waiting there (a store, only at its own counter). */
                pickupCode?: string;
                channelId?: string;
                status?: "placed" | "in_progress" | "completed" | "cancelled";
                customerId?: string;
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Order"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The selling channel; a channel key always orders through its own.
                     */
                    channelId?: string;
                    /** @description An existing profile by id, or guest details matched to a profile by email, then phone (created if none). */
                    customer: {
                        /** Format: uuid */
                        id: string;
                    } | {
                        firstName: string;
                        /** @description May be empty when a channel knows only one name. */
                        lastName: string;
                        email?: string;
                        /** @description Stored in E.164: "06 12 34 56 78" (in France) and "+33 6 12 34 56 78" are both +33612345678. */
                        phone?: string;
                        /**
                         * @description The language the buyer shopped in: a new guest profile's language.
                         * @enum {string}
                         */
                        language?: "fr" | "en";
                    };
                    lines: {
                        sku: string;
                        quantity: number;
                        /** @default 0 */
                        deliveryGroup?: number;
                        /** @description A discount staff give on this line at the counter (admin or store staff; a channel key may not): after the customer’s and the promotion’s, never under the minimum price. */
                        discount?: {
                            /** @description Basis points of the line’s list total: 1500 is 15 %. */
                            percentBasisPoints?: number;
                            /** @description Off the whole line (not each unit), in minor units. */
                            amount?: number;
                            /** @description Why: shown on the order and the receipt. */
                            reason: string;
                        };
                    }[];
                    deliveryGroups: {
                        /** @enum {string} */
                        method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                        /**
                         * Format: uuid
                         * @description The store where the customer collects (pickup_in_store, ship_to_store).
                         */
                        pickupLocationId?: string;
                        /**
                         * Format: uuid
                         * @description Where the goods come from; chosen automatically when omitted.
                         */
                        fulfilmentLocationId?: string;
                        address?: components["schemas"]["AddressInput"];
                        recipient?: string;
                    }[];
                    promotionCode?: string;
                    /** @description How the customer pays: the amounts add up to the total of the quote (cash may exceed it: change). */
                    payments: components["schemas"]["TenderInput"][];
                    note?: string;
                    /** @description 0 normal (default) … 9 most urgent: routing rules may filter on it. */
                    priority?: number;
                    /**
                     * Format: uuid
                     * @description Sold at this register of the channel's store (GET /v1/locations/{id}/registers): it must have an open session; the payments name it.
                     */
                    registerId?: string;
                    /**
                     * Format: date-time
                     * @description A register sale made while offline, sent on reconnect (with its own Idempotency-Key): when it was sold. Cash only, goods from the store’s shelf; at most 7 days ago. Units the stock no longer has are recorded as stock shortfalls for the store to resolve (GET /v1/locations/{id}/stock-shortfalls); the stock never goes below zero.
                     */
                    soldOfflineAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A payment provider failed or is not configured; nothing was charged, try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            type: string;
                            detail: {
                                [key: string]: unknown;
                            };
                            actor: string;
                            channelId: string | null;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomerOrders: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                channelId?: string;
                status?: "placed" | "in_progress" | "completed" | "cancelled";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Order"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Omit to cancel the whole order. */
                    lines?: {
                        /** Format: uuid */
                        lineId: string;
                        quantity: number;
                    }[];
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A payment provider failed or is not configured; nothing was charged, try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeDeliveryAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address: components["schemas"]["AddressInput"];
                    recipient?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addOrderNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipDeliveryGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    carrier: string;
                    trackingNumber: string;
                    /**
                     * Format: uri
                     * @description The carrier's tracking page, linked from the shipped email.
                     */
                    trackingUrl?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A payment provider failed or is not configured; nothing was charged, try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startPicking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    packShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markDelivered: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markReadyForPickup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    handOverPickup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What is left to pay (pay at pickup), taken now: cash (tendered may exceed: change), the card terminal, or both. Refused when nothing is due. */
                    payments?: ({
                        /** @enum {string} */
                        method: "card_register";
                        /** @description Minor units (cents) applied to the order. */
                        amount: number;
                        /** @description The card terminal's reference of the payment, from the register. */
                        reference: string;
                        cardBrand?: string;
                        cardLast4?: string;
                    } | {
                        /** @enum {string} */
                        method: "cash";
                        /** @description Minor units (cents) applied to the order. */
                        amount: number;
                        /** @description Cash handed over, when more than the amount: the rest is change. */
                        tendered?: number;
                    })[];
                    /**
                     * Format: uuid
                     * @description The pickup store's register the money is taken at (its session counts it).
                     */
                    registerId?: string;
                    /** @description Who collected the goods. */
                    collectedBy: {
                        name: string;
                        /**
                         * @description Who the person is to the customer; `customer` when omitted.
                         * @enum {string}
                         */
                        relation?: "customer" | "family" | "friend" | "colleague" | "courier" | "other";
                        /** @description An identity document was checked. */
                        idChecked?: boolean;
                        /** @description The code the person gave: refused (422 wrong-pickup-code) unless it is the group’s. */
                        pickupCode?: string;
                    };
                    /** @description Partial pickup: the units taken; omit to hand over everything. */
                    lines?: {
                        /** Format: uuid */
                        lineId: string;
                        quantity: number;
                    }[];
                    /**
                     * @description Partial pickup: the units not taken are cancelled (stock released, their share voided or refunded) or kept waiting at the counter.
                     * @enum {string}
                     */
                    rest?: "cancel" | "keep";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A payment provider failed or is not configured; nothing was charged, try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendReadyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    runPickupDeadlines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Groups whose customer was reminded (order.pickup_reminder). */
                        reminded: number;
                        /** @description Groups not collected in their window: cancelled, restocked, payment voided or refunded (order.pickup_expired). */
                        expired: number;
                        /** @description Groups left as they were for an error (logged); the next run tries again. */
                        failed: number;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderRouting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderRouting"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dryRunRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description An order of the rule set's channel: its routed delivery groups, as placed.
                     */
                    orderId: string;
                } | {
                    /** @description A sample order for the rule set's channel. */
                    order: {
                        lines: {
                            sku: string;
                            quantity: number;
                            /** @default 0 */
                            deliveryGroup?: number;
                        }[];
                        deliveryGroups: {
                            /** @enum {string} */
                            method: "ship_to_address" | "pickup_in_store" | "ship_to_store";
                            /**
                             * Format: uuid
                             * @description ship_to_store: the store that hands over. pickup_in_store: its own shelf, which is not routed.
                             */
                            pickupLocationId?: string;
                            address?: components["schemas"]["AddressInput"];
                        }[];
                        priority?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingDryRun"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The channel's orders placed in the last `days` days. */
                    days: number;
                    /**
                     * @description At most this many orders, the newest.
                     * @default 1000
                     */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingReplay"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPurchaseRequests: {
        parameters: {
            query?: {
                vendorLocationId?: string;
                status?: "requested" | "confirmed" | "shipped" | "cancelled";
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PurchaseRequest"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRequest"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseRequestDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPurchaseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The vendor's order number for it, if it gave one. */
                    vendorReference?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRequest"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipPurchaseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    carrier: string;
                    trackingNumber: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRequest"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A payment provider failed or is not configured; nothing was charged, try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectDeliveryLines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        /** Format: uuid */
                        lineId: string;
                        /** @description Units rejected; all the line has left when omitted (always, for count_wrong). */
                        quantity?: number;
                        /**
                         * @description not_found, customer_request, other: stock unchanged; damaged: the units leave on hand as damaged; missing_unit: on hand −1 per unit; count_wrong: the location's on hand of the SKU set to zero.
                         * @enum {string}
                         */
                        reason: "not_found" | "damaged" | "missing_unit" | "count_wrong" | "customer_request" | "other";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    routeWaitingGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    runRoutingBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRun"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous call; omit to start from the beginning. */
                after?: string;
                limit?: number;
                /** @description Only events of this type, e.g. stock.changed. */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Event"][];
                        nextCursor: string;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Start after this cursor (an `id:` of this stream, or a nextCursor of `GET /v1/events`). The Last-Event-ID header wins. */
                after?: string;
                /** @description With no cursor: `now` sends the events committed from now on, `start` every event from the beginning. */
                from?: "now" | "start";
                /** @description Only events of these types, comma-separated: names (`order.placed`) or prefixes (`order.*`). */
                types?: string;
                /** @description `false`: end the stream once it has sent what was already committed (a catch-up, without waiting). */
                live?: "true" | "false";
            };
            header?: {
                /** @description The id of the last message received: EventSource sends it when it reconnects. */
                "last-event-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stream of server-sent events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegisters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Register"][];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRegister: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Register"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegisterSessions: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RegisterSession"][];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openRegisterSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cash in the drawer at the opening (minor units). */
                    openingFloat: number;
                    currency: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterSession"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addRegisterCashMovement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description paid_in: cash put in the drawer (more change); paid_out: cash taken out (a supplier paid, a bank drop).
                     * @enum {string}
                     */
                    kind: "paid_in" | "paid_out";
                    /** @description Minor units (cents). */
                    amount: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterCashMovement"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeRegisterSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cash counted in the drawer at the close. */
                    countedCash: number;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterSessionReport"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterSessionReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterSessionReport"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterSessionReportDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderReceipt: {
        parameters: {
            query?: {
                /** @description pdf (default), or text: 42 columns for a receipt printer. */
                format?: "pdf" | "text";
                /** @description Print in this language instead of the customer's (else the channel's, else the retailer's). */
                language?: "fr" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "text/plain": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStockNearby: {
        parameters: {
            query: {
                /** @description The location the distances are measured from (the asking store). */
                from: string;
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sku: string;
                        /** Format: uuid */
                        from: string;
                        items: {
                            /** Format: uuid */
                            locationId: string;
                            code: string;
                            name: string;
                            type: string;
                            /** @description As the crow flies from `from`, rounded to 0.1 km. */
                            distanceKm: number;
                            onHand: number;
                            reserved: number;
                            available: number;
                        }[];
                    };
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWorkQueue: {
        parameters: {
            query?: {
                /** @description How many items to return (1–200). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only the groups at this stage. */
                stage?: "to_pick" | "picking" | "to_pack" | "to_ship" | "to_prepare" | "ready_for_pickup" | "incoming";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPickList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A picker's batch: delivery groups of this location, reserved or being picked. */
                    groupIds?: string[];
                    /** @description Or: the next N groups to pick or prepare, oldest promise first. */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickList"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPickList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickList"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPickListDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPickState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickState"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scanPickedItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the scanner read: a barcode (GTIN) or a SKU. */
                    code: string;
                    /**
                     * @description Units taken with this scan (a case of 6: 6).
                     * @default 1
                     */
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickState"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    packParcels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    parcels: {
                        /** @description The box used, as the store names its boxes (S, M, L, envelope…). */
                        box: string;
                        weightGrams: number;
                        /** @description What went in this box, when the parcels are told apart. */
                        lines?: {
                            /** Format: uuid */
                            lineId: string;
                            quantity: number;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dispatchShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A carrier of GET /v1/carriers (`manual`: staff type the carrier and tracking number). */
                    carrier: string;
                    /** @description One of the carrier's services. */
                    service?: string;
                    /** @description Manual carrier: the carrier the parcel goes with (Colissimo, DHL…). */
                    carrierName?: string;
                    /** @description Manual carrier: the tracking number on the carrier’s own label or receipt. */
                    trackingNumber?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A payment provider failed or is not configured; nothing was charged, try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPackingSlip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShippingLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCarriers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Carriers"];
                };
            };
            /** @description The request has invalid fields (`errors` names each). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description These credentials may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (a duplicate, a state already changed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refuses the request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
