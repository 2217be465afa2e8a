import { describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '../orders/lifecycle.ts';
import { stageOf } from './stages.ts';

const HERE = 'here';
const ELSEWHERE = 'elsewhere';
const shipment = (status: DeliveryStatus, scanned = false, from = HERE) => ({
  method: 'ship_to_address',
  status,
  fulfilmentLocationId: from,
  pickupLocationId: null,
  scanned,
});
const pickup = (status: DeliveryStatus, method = 'pickup_in_store', at = HERE) => ({
  method,
  status,
  fulfilmentLocationId: method === 'ship_to_store' ? ELSEWHERE : at,
  pickupLocationId: at,
  scanned: false,
});

describe('what a store has to do with a delivery group', () => {
  it('a shipment it sends is to pick, picking, to pack once every unit is scanned, then to ship; gone once shipped', () => {
    expect(stageOf(shipment('reserved'), HERE)).toBe('to_pick');
    expect(stageOf(shipment('picking'), HERE)).toBe('picking');
    expect(stageOf(shipment('picking', true), HERE)).toBe('to_pack');
    expect(stageOf(shipment('packed', true), HERE)).toBe('to_ship');
    for (const status of ['shipped', 'delivered', 'cancelled', 'backordered', 'parked'] as const) expect(stageOf(shipment(status), HERE)).toBeNull();
  });

  it('a pickup at the store is incoming while its transfer travels, to prepare, then ready; gone once collected', () => {
    expect(stageOf(pickup('awaiting_transfer', 'ship_to_store'), HERE)).toBe('incoming');
    expect(stageOf(pickup('reserved', 'ship_to_store'), HERE)).toBe('to_prepare');
    expect(stageOf(pickup('reserved'), HERE)).toBe('to_prepare');
    expect(stageOf(pickup('picking'), HERE)).toBe('to_prepare');
    expect(stageOf(pickup('ready_for_pickup'), HERE)).toBe('ready_for_pickup');
    expect(stageOf(pickup('collected'), HERE)).toBeNull();
  });

  it("is nothing of another location's: a shipment sent from elsewhere, the sender of a ship-to-store pickup", () => {
    expect(stageOf(shipment('reserved', false, ELSEWHERE), HERE)).toBeNull();
    expect(stageOf(pickup('awaiting_transfer', 'ship_to_store'), ELSEWHERE)).toBeNull();
  });
});
