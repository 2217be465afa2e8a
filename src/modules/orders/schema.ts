import { z } from 'zod';
import { guestSchema } from '../customers/schema.ts';
import { addressSchema } from '../locations/schema.ts';
import { paymentSchema, tenderSchema } from '../payments/schema.ts';
import { DELIVERY_METHODS, lineDiscountSchema } from '../pricing/schema.ts';
import { requestExample } from '../../platform/http/openapi.ts';
import { DELIVERY_STATUSES, ORDER_STATUSES } from './lifecycle.ts';
import { RELATIONS } from './pickup/schema.ts';

const sku = z.string().min(1).max(100);

export const customerRef = z
  .union([z.object({ id: z.uuid() }), guestSchema])
  .describe('An existing profile by id, or guest details matched to a profile by email, then phone (created if none).');

export const deliveryGroupInput = z
  .object({
    method: z.enum(DELIVERY_METHODS),
    pickupLocationId: z.uuid().optional().describe('The store where the customer collects (pickup_in_store, ship_to_store).'),
    fulfilmentLocationId: z.uuid().optional().describe('Where the goods come from; chosen automatically when omitted.'),
    address: addressSchema
      .optional()
      .describe('Where to ship (ship_to_address); for pickup_in_store without a pickupLocationId, where the customer is: routing chooses the store.'),
    recipient: z.string().max(200).optional(),
  })
  .refine(
    (group) =>
      group.method === 'ship_to_address' || group.pickupLocationId !== undefined || (group.method === 'pickup_in_store' && group.address !== undefined),
    { path: ['pickupLocationId'], message: 'is required to pick up (or, in store, an address near which routing finds a store)' },
  )
  .refine((group) => group.method !== 'ship_to_address' || group.address !== undefined, { path: ['address'], message: 'is required to ship to an address' });

export const createOrderBody = z
  .object({
    channelId: z.uuid().optional().describe('The selling channel; a channel key always orders through its own.'),
    customer: customerRef,
    lines: z
      .array(
        z.object({
          sku,
          quantity: z.number().int().min(1).max(10_000),
          deliveryGroup: z.number().int().min(0).max(19).default(0),
          discount: lineDiscountSchema.optional(),
        }),
      )
      .min(1)
      .max(200),
    deliveryGroups: z.array(deliveryGroupInput).min(1).max(20),
    promotionCode: z.string().max(50).optional(),
    payments: z
      .array(tenderSchema)
      .min(1)
      .max(10)
      .describe('How the customer pays: the amounts add up to the total of the quote (cash may exceed it: change).'),
    note: z.string().max(2000).optional(),
    priority: z.number().int().min(0).max(9).optional().describe('0 normal (default) … 9 most urgent: routing rules may filter on it.'),
    registerId: z
      .uuid()
      .optional()
      .describe("Sold at this register of the channel's store (GET /v1/locations/{id}/registers): it must have an open session; the payments name it."),
    soldOfflineAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        'A register sale made while offline, sent on reconnect (with its own Idempotency-Key): when it was sold. Cash only, goods from the store’s shelf; at most 7 days ago. ' +
          'Units the stock no longer has are recorded as stock shortfalls for the store to resolve (GET /v1/locations/{id}/stock-shortfalls); the stock never goes below zero.',
      ),
  })
  .meta(
    requestExample({
      channelId: '0196f3a1-2b4c-7d5e-8f60-00000000c001',
      customer: { firstName: 'Marie', lastName: 'Dupont', email: 'marie.dupont@example.com' },
      lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 2 }],
      deliveryGroups: [
        { method: 'ship_to_address', address: { line1: '12 rue de Rivoli', postalCode: '75004', city: 'Paris', country: 'FR' }, recipient: 'Marie Dupont' },
      ],
      payments: [{ method: 'card_online', amount: 5490, token: 'tok_visa' }],
    }),
  );
export type CreateOrder = z.infer<typeof createOrderBody>;

const money = z.number().int();
export const orderSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    channelId: z.uuid(),
    customerId: z.uuid(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    totals: z.object({ subtotal: money, discounts: money, shipping: money, packing: money, tax: money, total: money }),
    promotionCode: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    qrPayload: z.string().describe('What the QR code on the invoice encodes: a register scans it to recall the order.'),
    deliveryGroups: z.array(
      z.object({
        id: z.uuid(),
        method: z.enum(DELIVERY_METHODS),
        status: z.enum(DELIVERY_STATUSES),
        fulfilmentLocationId: z.uuid().nullable().describe('Null while the group waits for a location (parked, or a preorder).'),
        queue: z.string().nullable().describe('The queue a parked group waits in for a person.'),
        pickupLocationId: z.uuid().nullable(),
        address: addressSchema.nullable(),
        recipient: z.string(),
        shippingFee: money,
        packingFee: money,
        promisedAt: z.string().nullable().describe('The date promised to the customer.'),
        carrier: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        trackingUrl: z.string().nullable().describe("The carrier's tracking page, when the carrier gives one."),
        transferId: z.uuid().nullable().describe('Ship to store: the transfer bringing the goods to the pickup store (GET /v1/transfers/{id}).'),
        mergedShipmentId: z
          .uuid()
          .nullable()
          .describe('Merged with other groups of the customer into one shipment (POST /v1/shipments/merge): shipping one ships them all.'),
        pickupCode: z
          .string()
          .nullable()
          .describe(
            "Click & Collect: the 6-digit code the customer gives at the counter, set when the group is ready. Shown to the order's own channel too: it is the customer's, and a customer-facing channel may show it to them.",
          ),
        pickupBy: z.string().nullable().describe('When the pickup window ends (UTC): not collected by then, the group is cancelled and restocked.'),
        readyAt: z.string().nullable().describe('When the group became ready at the counter.'),
        collectedBy: z
          .object({
            name: z.string(),
            relation: z.enum(RELATIONS).nullable(),
            idChecked: z.boolean(),
            codeGiven: z.boolean().describe('The person gave the pickup code (it was checked).'),
          })
          .nullable()
          .describe('Who collected the goods at the counter.'),
        lines: z.array(
          z.object({
            id: z.uuid(),
            sku: z.string(),
            title: z.string(),
            quantity: z.number().int(),
            cancelledQuantity: z.number().int(),
            unitListPrice: money,
            unitPrice: money,
            discountTotal: money,
            minimumPriceApplied: z.boolean().describe('The minimum price stopped a discount: the line costs its floor.'),
            manualDiscount: z
              .object({ amount: money, reason: z.string() })
              .nullable()
              .describe('The discount staff gave on the line by hand (part of discountTotal), as applied above the floor, and why.'),
            taxRateBasisPoints: z.number().int(),
            taxAmount: money,
            lineTotal: money,
          }),
        ),
      }),
    ),
    payments: z.array(paymentSchema),
    amountToPay: money.describe('What is left to pay at pickup (pay-at-pickup payments not yet settled); 0: paid.'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Order' });
export type OrderView = z.infer<typeof orderSchema>;

export const timelineSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      type: z.string(),
      detail: z.record(z.string(), z.unknown()),
      actor: z.string(),
      channelId: z.uuid().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const searchOrdersQuery = z.object({
  number: z.string().max(50).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  qr: z.string().max(200).optional().describe('A scanned QR payload.'),
  pickupCode: z
    .string()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .optional()
    .describe('The pickup code the customer gives at the counter: finds the order waiting there (a store, only at its own counter).'),
  channelId: z.uuid().optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  customerId: z.uuid().optional(),
});

export const cancelBody = z
  .object({
    lines: z
      .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1) }))
      .min(1)
      .max(200)
      .optional()
      .describe('Omit to cancel the whole order.'),
    reason: z.string().min(1).max(500),
  })
  .meta(requestExample({ lines: [{ lineId: '0196f3a1-2b4c-7d5e-8f60-000000001001', quantity: 1 }], reason: 'The customer changed their mind' }));
export const addressChangeBody = z
  .object({ address: addressSchema, recipient: z.string().max(200).optional() })
  .meta(requestExample({ address: { line1: '3 place des Vosges', postalCode: '75004', city: 'Paris', country: 'FR' }, recipient: 'Marie Dupont' }));
export const noteBody = z.object({ text: z.string().min(1).max(2000) }).meta(requestExample({ text: 'The customer asked for gift wrapping.' }));
export const shipBody = z
  .object({
    carrier: z.string().min(1).max(100),
    trackingNumber: z.string().min(1).max(100),
    trackingUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional()
      .describe("The carrier's tracking page, linked from the shipped email."),
  })
  .meta(
    requestExample({
      carrier: 'Colissimo',
      trackingNumber: '6A12345678901',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    }),
  );
/** What a shipment leaves with: the carrier, its tracking number and, when it has one, its tracking page. */
export type Shipment = z.infer<typeof shipBody>;
