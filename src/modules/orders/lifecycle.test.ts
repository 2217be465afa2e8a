import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMoves } from '../../../test/support/machines.ts';
import { DELIVERY_MACHINE, isOpen, nextDeliveryStatus, nextOrderStatus, ORDER_MACHINE } from './lifecycle.ts';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/orders.md'), 'utf8');

describe('the order state machine', () => {
  it('given an order, when it is started, completed or cancelled, then it moves as the table says and refuses the rest', () => {
    expectMoves(ORDER_MACHINE, [
      ['placed', 'start', 'in_progress'],
      ['placed', 'complete', 'completed'],
      ['in_progress', 'complete', 'completed'],
      ['placed', 'cancel', 'cancelled'],
      ['in_progress', 'cancel', 'cancelled'],
    ]);
  });

  it('when a cancelled order is completed, then the 422 names its state and that nothing is allowed', () => {
    expect(() => nextOrderStatus('cancelled', 'complete')).toThrow(
      expect.objectContaining({
        message: 'Cannot complete an order that is cancelled.',
        details: { state: 'cancelled', action: 'complete', allowed: [] },
      }),
    );
  });
});

describe('the delivery group state machine', () => {
  it('given a group, when each step is taken, then it moves as the table says and refuses the rest', () => {
    const open = ['backordered', 'parked', 'awaiting_transfer', 'reserved', 'picking', 'packed', 'ready_for_pickup'] as const;
    expectMoves(DELIVERY_MACHINE, [
      ['backordered', 'allocate', 'reserved'],
      ['parked', 'allocate', 'reserved'],
      ['reserved', 'reroute', 'reserved'],
      ['picking', 'reroute', 'reserved'],
      ['backordered', 'reroute', 'reserved'],
      ['reserved', 'backorder', 'backordered'],
      ['picking', 'backorder', 'backordered'],
      ['parked', 'backorder', 'backordered'],
      ['reserved', 'park', 'parked'],
      ['picking', 'park', 'parked'],
      ['backordered', 'park', 'parked'],
      ['reserved', 'send_to_store', 'awaiting_transfer'],
      ['awaiting_transfer', 'receive_transfer', 'reserved'],
      ['reserved', 'start_picking', 'picking'],
      ['picking', 'pack', 'packed'],
      ['reserved', 'ship', 'shipped'],
      ['picking', 'ship', 'shipped'],
      ['packed', 'ship', 'shipped'],
      ['shipped', 'deliver', 'delivered'],
      ['reserved', 'mark_ready', 'ready_for_pickup'],
      ['picking', 'mark_ready', 'ready_for_pickup'],
      ['packed', 'mark_ready', 'ready_for_pickup'],
      ['ready_for_pickup', 'hand_over', 'collected'],
      ['reserved', 'hand_over_at_register', 'collected'],
      // A new address keeps the state: it is only allowed, not a move.
      ...open.map((state) => [state, 'change_address', state] as const),
      ...open.map((state) => [state, 'cancel', 'cancelled'] as const),
    ]);
    for (const state of DELIVERY_MACHINE.states) expect(isOpen(state), state).toBe((open as readonly string[]).includes(state));
  });

  it('when a shipped group is cancelled, then the 422 names its state and the actions it allows', () => {
    expect(nextDeliveryStatus(nextDeliveryStatus('reserved', 'mark_ready'), 'hand_over')).toBe('collected');
    expect(() => nextDeliveryStatus('shipped', 'cancel')).toThrow(
      expect.objectContaining({
        kind: 'rule-violation',
        code: 'invalid-transition',
        message: 'Cannot cancel a delivery group that is shipped.',
        details: { state: 'shipped', action: 'cancel', allowed: ['deliver'] },
      }),
    );
  });

  it('says which events the moves publish', () => {
    const emitted = Object.fromEntries(DELIVERY_MACHINE.moves.filter((move) => move.emits).map((move) => [move.on, move.emits]));
    expect(emitted).toEqual({
      allocate: 'order.allocated',
      receive_transfer: 'order.arrived_at_store',
      ship: 'order.shipped',
      deliver: 'order.delivered',
      mark_ready: 'order.ready_for_pickup',
      hand_over: 'order.collected',
    });
  });
});

describe('docs/orders.md', () => {
  it('draws both machines exactly as the tables say', () => {
    for (const move of [...ORDER_MACHINE.moves, ...DELIVERY_MACHINE.moves]) {
      if (move.on === 'change_address') continue;
      expect(docs).toContain(`${move.from} --> ${move.to}: ${move.on}`);
    }
  });
});
