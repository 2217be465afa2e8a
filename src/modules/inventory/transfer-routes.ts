import { z } from 'zod';
import { STAFF } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import * as incoming from './incoming.ts';
import {
  createTransferBody,
  expectedReceiptSchema,
  expectPurchaseBody,
  listIncomingQuery,
  listTransfersQuery,
  receivePurchaseBody,
  receiveTransferBody,
  transferSchema,
} from './transfer-schema.ts';
import * as transfers from './transfers.ts';
import type { TransferFollower } from './transfers.ts';

export interface TransferRouteOptions {
  /** Told when a transfer moves: ship to store, whose orders wait for their goods on transfers. */
  follower: TransferFollower;
}

/** Transfers between locations and expected purchase receipts (incoming stock). */
export async function transferRoutes(app: AisleApp, options: TransferRouteOptions) {
  const { follower } = options;
  const tags = ['Transfers'];

  app.post(
    '/transfers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'createTransfer',
        summary: 'Prepare a transfer between two locations (a draft: no stock moves yet)',
        body: createTransferBody,
        response: { 201: transferSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => transfers.createTransfer(trx, request.principal!, request.body)),
  );

  app.get(
    '/transfers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listTransfers',
        summary: 'List transfers, newest first (store staff: those of their store)',
        querystring: listTransfersQuery.extend(pageQuery),
        response: { 200: pageOf(transferSchema) },
      },
    },
    (request) => transfers.listTransfers(request.server.db, request.principal!, request.query),
  );

  app.get(
    '/transfers/:id',
    {
      config: { access: STAFF },
      schema: { tags, operationId: 'getTransfer', summary: 'Get a transfer', params: idParams, response: { 200: transferSchema } },
    },
    (request) => transfers.getTransfer(request.server.db, request.principal!, request.params.id),
  );

  app.post(
    '/transfers/:id/ship',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'shipTransfer',
        summary: 'Ship a draft: the units leave the source and are incoming at the destination (409 if the source lacks unpromised stock)',
        params: idParams,
        response: { 200: transferSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => transfers.shipTransfer(trx, request.principal!, request.params.id, follower)),
  );

  app.post(
    '/transfers/:id/receive',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'receiveTransfer',
        summary: 'Receive all or part of a shipped transfer at the destination',
        params: idParams,
        body: receiveTransferBody,
        response: { 200: transferSchema },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => transfers.receiveTransfer(trx, request.principal!, request.params.id, request.body, follower)),
  );

  app.post(
    '/transfers/:id/cancel',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'cancelTransfer',
        summary: "Cancel a draft, or a shipped transfer of which nothing has arrived (its goods go back on the source's shelves)",
        params: idParams,
        response: { 200: transferSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => transfers.cancelTransfer(trx, request.principal!, request.params.id, follower)),
  );

  const incomingTags = ['Inventory'];

  app.post(
    '/inventory/incoming',
    {
      config: { access: STAFF },
      schema: {
        tags: incomingTags,
        operationId: 'expectPurchase',
        summary: 'Announce a purchase delivery expected at a location: the units count as incoming until received',
        body: expectPurchaseBody,
        response: { 201: z.object({ items: z.array(expectedReceiptSchema) }) },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, async (trx) => ({ items: await incoming.expectPurchase(trx, request.principal!, request.body) })),
  );

  app.get(
    '/inventory/incoming',
    {
      config: { access: STAFF },
      schema: {
        tags: incomingTags,
        operationId: 'listIncomingStock',
        summary: 'Stock on its way (purchases and shipped transfers) with expected dates',
        querystring: listIncomingQuery.extend(pageQuery),
        response: { 200: pageOf(expectedReceiptSchema) },
      },
    },
    (request) => incoming.listIncoming(request.server.db, request.principal!, request.query),
  );

  app.post(
    '/inventory/incoming/:id/receive',
    {
      config: { access: STAFF },
      schema: {
        tags: incomingTags,
        operationId: 'receivePurchase',
        summary: 'Receive all or part of an expected purchase delivery',
        params: idParams,
        body: receivePurchaseBody,
        response: { 200: expectedReceiptSchema },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => incoming.receivePurchase(trx, request.principal!, request.params.id, request.body.quantity)),
  );

  app.post(
    '/inventory/incoming/:id/cancel',
    {
      config: { access: STAFF },
      schema: {
        tags: incomingTags,
        operationId: 'cancelPurchase',
        summary: 'Cancel what is still expected of a purchase delivery',
        params: idParams,
        response: { 200: expectedReceiptSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => incoming.cancelPurchase(trx, request.principal!, request.params.id)),
  );
}
