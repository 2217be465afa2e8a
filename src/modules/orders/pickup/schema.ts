import { z } from 'zod';
import { requestExample } from '../../../platform/http/openapi.ts';
import { counterTenderSchema } from '../../payments/counter.ts';

export const RELATIONS = ['customer', 'family', 'friend', 'colleague', 'courier', 'other'] as const;

export const handOverBody = z
  .object({
    payments: counterTenderSchema
      .optional()
      .describe('What is left to pay (pay at pickup), taken now: cash (tendered may exceed: change), the card terminal, or both. Refused when nothing is due.'),
    registerId: z.uuid().optional().describe("The pickup store's register the money is taken at (its session counts it)."),
    collectedBy: z
      .object({
        name: z.string().trim().min(1).max(200),
        relation: z.enum(RELATIONS).optional().describe('Who the person is to the customer; `customer` when omitted.'),
        idChecked: z.boolean().optional().describe('An identity document was checked.'),
        pickupCode: z
          .string()
          .regex(/^\d{6}$/, 'must be 6 digits')
          .optional()
          .describe('The code the person gave: refused (422 wrong-pickup-code) unless it is the group’s.'),
      })
      .describe('Who collected the goods.'),
    lines: z
      .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1) }))
      .min(1)
      .max(200)
      .optional()
      .describe('Partial pickup: the units taken; omit to hand over everything.'),
    rest: z
      .enum(['cancel', 'keep'])
      .optional()
      .describe('Partial pickup: the units not taken are cancelled (stock released, their share voided or refunded) or kept waiting at the counter.'),
  })
  .meta(
    requestExample({
      payments: [{ method: 'cash', amount: 4230, tendered: 5000 }],
      registerId: '0196f3a1-2b4c-7d5e-8f60-00000000e001',
      collectedBy: { name: 'Marie Dupont', relation: 'customer', idChecked: false, pickupCode: '482913' },
    }),
  );
export type HandOverInput = z.infer<typeof handOverBody>;

export const deadlineRunSchema = z.object({
  reminded: z.number().int().describe('Groups whose customer was reminded (order.pickup_reminder).'),
  expired: z.number().int().describe('Groups not collected in their window: cancelled, restocked, payment voided or refunded (order.pickup_expired).'),
  failed: z.number().int().describe('Groups left as they were for an error (logged); the next run tries again.'),
});
