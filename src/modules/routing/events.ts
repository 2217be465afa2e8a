import { z } from 'zod';
import { defineEvent } from '../../platform/events/event.ts';

/** The events routing writes to the outbox (the catalog: platform/events/catalog.ts, docs/events.md). */

export const ruleSetActivated = defineEvent({
  type: 'routing.rule_set_activated',
  version: 1,
  description:
    "A version of a channel's routing rules became its active one: a new version, or an archived one again (a rollback). The version " +
    'active before was archived in the same change. Orders the channel takes from now on are routed by it.',
  subject: 'channel:<channelId>',
  payload: z.strictObject({
    ruleSetId: z.uuid(),
    channelId: z.uuid(),
    version: z.number().int().describe('The version of the channel’s rule set now active (1, 2, …).'),
  }),
});

export const ROUTING_EVENTS = [ruleSetActivated] as const;
