import { z } from 'zod';
import { defineEvent } from '../../platform/events/event.ts';

/** The events drop ship writes to the outbox (the catalog: platform/events/catalog.ts, docs/events.md). */

const subject = 'purchase-request:<requestId>';
const ofRequest = {
  requestId: z.uuid(),
  number: z.string().describe('PR-<order number>-<delivery group>.'),
  orderId: z.uuid(),
  groupId: z.uuid().describe('The delivery group the vendor sends.'),
  vendorLocationId: z.uuid().describe('The drop-ship vendor (a location of type dropship_vendor).'),
};

export const purchaseRequested = defineEvent({
  type: 'dropship.purchase_requested',
  version: 1,
  description:
    'An order placed a delivery group with a drop-ship vendor: the vendor is asked to send it to the customer (the request and its PDF: GET /v1/purchase-requests/{id}).',
  subject,
  payload: z.strictObject(ofRequest),
});

export const purchaseRequestCancelled = defineEvent({
  type: 'dropship.purchase_request_cancelled',
  version: 1,
  description: 'The order of a purchase request not yet shipped was cancelled (all of its lines): the vendor must not send it.',
  subject,
  payload: z.strictObject(ofRequest),
});

export const DROPSHIP_EVENTS = [purchaseRequested, purchaseRequestCancelled] as const;
