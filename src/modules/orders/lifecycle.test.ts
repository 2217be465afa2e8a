import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DELIVERY_FLOW, nextDeliveryStatus, nextOrderStatus, ORDER_FLOW } from './lifecycle.ts';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/orders.md'), 'utf8');

describe('order and delivery group state machines', () => {
  it('are drawn in docs/orders.md exactly as the tables say', () => {
    for (const [action, transition] of Object.entries({ ...ORDER_FLOW })) {
      for (const from of transition.from) expect(docs).toMatch(new RegExp(`${from} --> ${transition.to}: ${action}`));
    }
    for (const [action, transition] of Object.entries(DELIVERY_FLOW)) {
      if (action === 'change_address') continue;
      for (const from of transition.from) expect(docs).toContain(`${from} --> ${transition.to}: ${action}`);
    }
  });

  it('moves a pickup from reserved to collected, and refuses what the table does not allow, naming the state', () => {
    expect(nextDeliveryStatus(nextDeliveryStatus('reserved', 'mark_ready'), 'hand_over')).toBe('collected');
    expect(nextDeliveryStatus('packed', 'change_address')).toBe('packed');
    expect(() => nextDeliveryStatus('shipped', 'cancel')).toThrow(expect.objectContaining({ status: 422, code: 'invalid-transition', details: { state: 'shipped', action: 'cancel' } }));
    expect(() => nextOrderStatus('cancelled', 'complete')).toThrow(expect.objectContaining({ details: { state: 'cancelled', action: 'complete' } }));
  });
});
