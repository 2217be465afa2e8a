import { z } from 'zod';
import { ANY_ROLE, STAFF } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { languageOfLocale } from '../documents/language.ts';
import { messagesFor } from '../documents/messages/index.ts';
import type { Retailer } from '../orders/emails.ts';
import { stockNearby } from './nearby.ts';
import { receiptOf } from './receipt.ts';
import { renderReceiptPdf } from './receipt-document.ts';
import { receiptText } from './receipt-text.ts';
import { createRegister, listRegisters } from './registers.ts';
import { renderReportPdf } from './report-document.ts';
import {
  cashMovementBody,
  cashMovementSchema,
  closeSessionBody,
  createRegisterBody,
  nearbyQuery,
  nearbySchema,
  openSessionBody,
  receiptQuery,
  registerSchema,
  sessionReportSchema,
  sessionSchema,
} from './schema.ts';
import { addCashMovement, closeSession, listSessions, openSession, reportOf } from './sessions.ts';

const tags = ['Register'];
const PDF = { description: 'The PDF document.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } };

export interface RegisterRouteOptions {
  /** Whose name heads receipts; the language, locale and time zone of X/Z reports and of receipts by default. */
  retailer: Retailer;
}

/** The register's API: registers, sessions with their X/Z reports, receipts, and an item's stock nearby. */
export async function registerRoutes(app: AisleApp, { retailer }: RegisterRouteOptions) {
  app.post(
    '/locations/:id/registers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'createRegister',
        summary: 'Add a register to a store (admins, or the store itself)',
        params: idParams,
        body: createRegisterBody,
        response: { 201: registerSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => createRegister(trx, request.principal!, request.params.id, request.body)),
  );

  app.get(
    '/locations/:id/registers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listRegisters',
        summary: "A store's registers, each with its open session if any",
        params: idParams,
        response: { 200: z.object({ items: z.array(registerSchema) }) },
      },
    },
    (request) => listRegisters(request.server.db, request.principal!, request.params.id),
  );

  app.post(
    '/registers/:id/sessions',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'openRegisterSession',
        summary: 'Open the register with a cash float (409 when a session is already open)',
        params: idParams,
        body: openSessionBody,
        response: { 201: sessionSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => openSession(trx, request.principal!, request.params.id, request.body)),
  );

  app.get(
    '/registers/:id/sessions',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listRegisterSessions',
        summary: "A register's sessions, newest first (each one's X or Z report: GET /v1/register-sessions/{id}/report)",
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: pageOf(sessionSchema) },
      },
    },
    (request) => listSessions(request.server.db, request.principal!, request.params.id, request.query),
  );

  app.post(
    '/register-sessions/:id/cash-movements',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'addRegisterCashMovement',
        summary: 'Put cash into the drawer (paid_in) or take it out (paid_out), with the reason',
        params: idParams,
        body: cashMovementBody,
        response: { 201: cashMovementSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => addCashMovement(trx, request.principal!, request.params.id, request.body)),
  );

  app.post(
    '/register-sessions/:id/close',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'closeRegisterSession',
        summary: 'Close the session with the cash counted: answers the Z report (a difference is reported, not refused)',
        params: idParams,
        body: closeSessionBody,
        response: { 200: sessionReportSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => closeSession(trx, request.principal!, request.params.id, request.body)),
  );

  app.get(
    '/register-sessions/:id/report',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getRegisterSessionReport',
        summary: 'The X report of an open session, the Z report of a closed one: sales, totals per tender, refunds, cash expected and counted',
        params: idParams,
        response: { 200: sessionReportSchema },
      },
    },
    (request) => reportOf(request.server.db, request.principal!, request.params.id),
  );

  app.get(
    '/register-sessions/:id/report/document',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getRegisterSessionReportDocument',
        summary: 'The X or Z report as a PDF',
        params: idParams,
        response: { 200: PDF },
      },
    },
    async (request, reply) => {
      const report = await reportOf(request.server.db, request.principal!, request.params.id);
      const pdf = await renderReportPdf(report, retailer);
      const fileName = messagesFor(languageOfLocale(retailer.locale)).report.fileName(report.kind === 'X' ? 'x' : 'z', request.params.id);
      reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`);
      // Sent as is (Fastify never serialises a Buffer); the schema says "binary string", which is what a client receives.
      return reply.send(pdf as unknown as string);
    },
  );

  app.get(
    '/orders/:id/receipt',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'getOrderReceipt',
        summary:
          "The receipt of an order, in the customer's language (?language= for another): a narrow PDF, or ?format=text for a receipt printer (42 columns)",
        params: idParams,
        querystring: receiptQuery,
        response: {
          200: {
            description: 'The receipt.',
            content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) }, 'text/plain': { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      const receipt = await receiptOf(request.server.db, request.principal!, request.params.id, retailer, request.query.language);
      if (request.query.format === 'text') {
        reply.type('text/plain; charset=utf-8');
        return reply.send(receiptText(receipt));
      }
      reply.type('application/pdf').header('content-disposition', `inline; filename="${messagesFor(receipt.language).receipt.fileName(receipt.orderNumber)}"`);
      return reply.send((await renderReceiptPdf(receipt)) as unknown as string);
    },
  );

  app.get(
    '/stock/:sku/nearby',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getStockNearby',
        summary: "An item's stock at every location (on hand, reserved, available), nearest to a store first",
        params: z.object({ sku: z.string().min(1).max(100) }),
        querystring: nearbyQuery,
        response: { 200: nearbySchema },
      },
    },
    (request) => stockNearby(request.server.db, request.principal!, request.params.sku, request.query.from),
  );
}
