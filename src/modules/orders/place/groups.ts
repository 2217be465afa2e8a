import { InvalidInput, RuleViolation } from '../../../platform/errors.ts';
import type { PricingFacts } from '../../pricing/service.ts';
import type { SellingSetup } from '../selling-setup.ts';
import type { CreateOrder } from '../schema.ts';
import type { Channel, CheckedGroup } from './types.ts';

type Fulfilling = SellingSetup['fulfilling'];

const HOUR = 3600_000;

/**
 * Checks an order's lines and groups, before pricing and routing: every SKU exists and names a group, each group has
 * lines, its pickup store hands over the channel's orders, the location it names fulfils for the channel. A group keeps
 * the location it names (or, picked up in a store it names, that store's shelf); the others are routed (route.ts).
 * Problems are answered group by group, in order.
 */
export function checkGroups(
  input: Pick<CreateOrder, 'lines' | 'deliveryGroups'>,
  channel: Channel,
  facts: PricingFacts,
  fulfilling: Fulfilling,
  now: Date,
): CheckedGroup[] {
  const errors = input.lines.flatMap((line, index) => [
    ...(facts.variants.has(line.sku) ? [] : [{ field: `body.lines.${index}.sku`, message: `SKU ${line.sku} does not exist` }]),
    ...(line.deliveryGroup < input.deliveryGroups.length ? [] : [{ field: `body.lines.${index}.deliveryGroup`, message: 'names no delivery group' }]),
  ]);
  if (errors.length) throw new InvalidInput(errors);
  const usable = new Map(fulfilling.filter((row) => row.channel_id === channel.id).map((row) => [row.id, row]));
  return input.deliveryGroups.map((group, index) => checkedGroup(input, group, index, usable, facts, now));
}

function checkedGroup(
  input: Pick<CreateOrder, 'lines' | 'deliveryGroups'>,
  group: CreateOrder['deliveryGroups'][number],
  index: number,
  usable: Map<string, Fulfilling[number]>,
  facts: PricingFacts,
  now: Date,
): CheckedGroup {
  const lines = input.lines.flatMap((line, lineIndex) => {
    if (line.deliveryGroup !== index) return [];
    const variant = facts.variants.get(line.sku);
    if (!variant) return [];
    const title = [variant.product_title, variant.title].filter((part, i, all) => part && all.indexOf(part) === i).join(' – ');
    return [
      {
        index: lineIndex,
        requestIndex: lineIndex,
        sku: line.sku,
        variantId: variant.id,
        productId: variant.product_id,
        tags: variant.tags,
        quantity: line.quantity,
        value: 0,
        title,
      },
    ];
  });
  const field = `body.deliveryGroups.${index}`;
  if (!lines.length) throw new InvalidInput([{ field, message: 'has no lines' }]);
  if (group.pickupLocationId !== undefined) {
    const store = usable.get(group.pickupLocationId);
    if (!store?.capabilities.includes('click_and_collect')) {
      throw new RuleViolation('not-a-pickup-store', `Location ${group.pickupLocationId} does not hand over this channel's orders.`, {
        field: `${field}.pickupLocationId`,
      });
    }
  }
  const chosen = group.fulfilmentLocationId ?? (group.method === 'pickup_in_store' ? group.pickupLocationId : undefined);
  if (chosen !== undefined && !usable.has(chosen)) {
    throw new RuleViolation('location-not-in-channel', `Location ${chosen} does not fulfil this channel's orders.`, { field: `${field}.fulfilmentLocationId` });
  }
  if (group.method === 'ship_to_store' && chosen !== undefined && chosen === group.pickupLocationId) {
    throw new InvalidInput([
      { field: `${field}.fulfilmentLocationId`, message: 'is the pickup store itself: goods already there are picked up in store (pickup_in_store)' },
    ]);
  }
  return {
    index,
    method: group.method,
    pickupLocationId: group.pickupLocationId ?? null,
    address: group.address ?? null,
    recipient: group.recipient ?? '',
    promisedAt: promisedDate(group.method, now),
    lines,
    fulfilmentLocationId: chosen,
  };
}

/** The date promised to the customer per delivery method, from now or from when a backorder's stock is expected. */
export function promisedDate(method: CheckedGroup['method'], from: Date): Date {
  const hours = method === 'pickup_in_store' ? 2 : method === 'ship_to_address' ? 48 : 96;
  return new Date(from.getTime() + hours * HOUR);
}
