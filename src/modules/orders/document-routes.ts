import { z } from 'zod';
import { ANY_ROLE } from '../../platform/auth/principal.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { languageSchema } from '../documents/language.ts';
import type { Retailer } from '../documents/retailer.ts';
import { invoicePdf } from './customer-documents.ts';
import { assertMaySeeOrder, getOrder } from './read.ts';

export interface OrderDocumentRouteOptions {
  /** Who the documents come from: name, address, legal mentions, locale and time zone. */
  retailer: Retailer;
}

const invoiceQuery = z.object({
  language: languageSchema.optional().describe("Print in this language instead of the customer's (else the channel's, else the retailer's)."),
});

/** The customer documents of an order, as PDFs: the invoice (the receipt is the register's, the packing slip fulfilment's). */
export async function orderDocumentRoutes(app: AisleApp, options: OrderDocumentRouteOptions) {
  const { retailer } = options;

  app.get(
    '/orders/:id/invoice',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['Orders'],
        operationId: 'getOrderInvoice',
        summary: "The order's invoice, as emailed with the confirmation: a PDF in the customer's language, with the QR code the register scans",
        params: idParams,
        querystring: invoiceQuery,
        response: {
          200: { description: 'The PDF document.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        },
      },
    },
    async (request, reply) => {
      const { db } = request.server;
      const order = await getOrder(db, request.params.id);
      // Whoever may read the order may read its invoice: admins, the order's channel, the stores it touches.
      await assertMaySeeOrder(db, request.principal!, { id: order.id, channel_id: order.channelId });
      const pdf = await invoicePdf(db, order, retailer, request.query.language);
      reply.type('application/pdf').header('content-disposition', `inline; filename="invoice-${order.number}.pdf"`);
      // Sent as is (Fastify never serialises a Buffer); the schema says "binary string", which is what a client receives.
      return reply.send(pdf as unknown as string);
    },
  );
}
