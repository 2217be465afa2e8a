import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError, InvalidInput, RuleViolation } from '../../platform/errors.ts';
import { checkedChannel } from '../channels/service.ts';
import { checkGroups } from '../orders/place/groups.ts';
import { assertMaySeeOrder, getOrder, orderPriorities } from '../orders/read.ts';
import { priceWith, pricingFacts } from '../pricing/service.ts';
import type { DryRunBody, SampleOrder } from './explain-schema.ts';
import { decisionsOf } from './explanation.ts';
import {
  currentSetup,
  dryRunDecision,
  namedGroups,
  ownUnits,
  placedGroups,
  reroutingFacts,
  routeAgain,
  ruleSetRef,
  ruleSetToTry,
  type Rerouting,
  type RuleSetToTry,
} from './rerouting.ts';

/**
 * A dry run: where a rule set (a draft, or any) would send an order now, with every candidate and why. A sample order
 * is checked and priced as the order path does (its line values count for a minimum shipment value); an order placed
 * already is routed again as placed, the units it holds counting as free. Reads only: nothing is reserved, written or
 * counted against any location's capacity.
 */
export async function dryRun(db: Db, principal: Principal, ruleSetId: string, body: DryRunBody, now: Date) {
  const ruleSet = await ruleSetToTry(db, principal, ruleSetId);
  const setup = await currentSetup(db);
  const channel = checkedChannel(setup.channels.get(ruleSet.channelId), ruleSet.channelId);
  const { orderId, groups, notRouted, priority, own } =
    'orderId' in body ? await placedOrder(db, principal, ruleSet, setup, channel, body.orderId, now) : await sampleOrder(db, setup, channel, body.order, now);
  const rerouting = await reroutingFacts(db, setup, ruleSet, [{ groups }], now);
  const decisions = routeAgain(rerouting, { priority, groups }, own).map((rerouted) => dryRunDecision(rerouted, ruleSet, codes(rerouting)));
  return {
    ruleSet: ruleSetRef(ruleSet),
    orderId,
    decisions,
    notRouted,
    note:
      'Nothing was written. Routed on the stock available now' +
      (orderId === null ? '.' : ', plus the units the order holds itself (they were free when it was placed).'),
  };
}

type Setup = Rerouting['setup'];
type Channel = ReturnType<typeof checkedChannel>;

async function placedOrder(db: Db, principal: Principal, ruleSet: RuleSetToTry, setup: Setup, channel: Channel, orderId: string, now: Date) {
  const order = await getOrder(db, orderId);
  await assertMaySeeOrder(db, principal, { id: order.id, channel_id: order.channelId });
  if (order.channelId !== ruleSet.channelId) {
    throw new RuleViolation('order-of-another-channel', `Order ${order.number} was placed through another channel than rule set ${ruleSet.name}'s.`, {
      field: 'body.orderId',
    });
  }
  const [decisions, priorities] = await Promise.all([decisionsOf(db, [order.id]), orderPriorities(db, [order.id])]);
  const lines = order.deliveryGroups.flatMap((group) => group.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })));
  const { variants } = await pricingFacts(db, [{ channel, lines }], setup);
  const stored = decisions.get(order.id) ?? [];
  return {
    orderId: order.id,
    groups: placedGroups(order, stored, variants, now),
    notRouted: namedGroups(order, stored),
    priority: priorities.get(order.id) ?? 0,
    own: ownUnits(order, variants),
  };
}

/** A sample order, checked and priced as an order would be (its problems name `body.order.…`). */
async function sampleOrder(db: Db, setup: Setup, channel: Channel, input: SampleOrder, now: Date) {
  try {
    const facts = await pricingFacts(
      db,
      [{ channel, lines: input.lines, deliveryGroups: input.deliveryGroups.map((group) => ({ method: group.method })) }],
      setup,
    );
    const checked = checkGroups(input, channel, facts, setup.fulfilling, now);
    const quote = priceWith(
      { ...facts, customers: new Map() },
      {
        channelId: channel.id,
        lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
        deliveryGroups: checked.map((group) => ({
          method: group.method,
          lineIndexes: group.lines.map((line) => line.index),
          locationId: group.pickupLocationId ?? undefined,
        })),
      },
      channel,
      now,
    );
    const valued = checked.map((group) => ({ ...group, lines: group.lines.map((line) => ({ ...line, value: quote.lines[line.index]?.lineTotal ?? 0 })) }));
    return {
      orderId: null,
      // A group picked up in the store it names is served from that store's shelf: the order path does not route it.
      groups: valued.filter((group) => group.fulfilmentLocationId === undefined),
      notRouted: valued.flatMap((group) =>
        group.fulfilmentLocationId === undefined
          ? []
          : [{ deliveryGroup: group.index, locationId: group.fulfilmentLocationId, reason: 'picked up from the shelf of the store it names: not routed' }],
      ),
      priority: input.priority ?? 0,
      own: new Map(),
    };
  } catch (error) {
    throw underOrder(error);
  }
}

/** The order path names a sample's fields `body.lines.0.sku`; in a dry run they are under `body.order`. */
function underOrder(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const moved = (field: string) => field.replace(/^body\./, 'body.order.');
  if (error instanceof InvalidInput && error.errors)
    return new InvalidInput(
      error.errors.map((entry) => ({ ...entry, field: moved(entry.field) })),
      error.message,
    );
  const field = error.details.field;
  if (error instanceof RuleViolation && typeof field === 'string')
    return new RuleViolation(error.code, error.message, { ...error.details, field: moved(field) });
  return error;
}

const codes = (rerouting: Rerouting) => (locationId: string) => rerouting.routing.network.get(locationId)?.code ?? null;
