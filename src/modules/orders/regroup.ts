import type { Selectable } from 'kysely';
import type { OrderLinesTable } from './tables.ts';

/**
 * Order lines cut to fit where routing sends them, in memory (no database): part of a line rejected by a store, or a
 * line the routing engine splits over two locations, becomes a line of its own with its share of the price, so that
 * the parts always add up to what the customer was charged.
 */

export type LineRow = Selectable<OrderLinesTable>;

/** The units of a line still to deliver: ordered less cancelled. */
export const openUnits = (line: Pick<LineRow, 'quantity' | 'cancelled_quantity'>) => line.quantity - line.cancelled_quantity;

/**
 * `units` of a line's open units become a new line (`id`, `position`) with their share of the line's total, tax and
 * discount (rounded; the line keeps what rounding leaves); the line keeps the rest, and its cancelled units.
 */
export function splitOff(line: LineRow, units: number, id: string, position: number): { kept: LineRow; part: LineRow } {
  if (units <= 0 || units >= openUnits(line)) throw new Error(`cannot split ${units} of line ${line.id}'s ${openUnits(line)} open units`);
  const share = (amount: number) => Math.round((amount * units) / line.quantity);
  const part: LineRow = {
    ...line,
    id,
    position,
    quantity: units,
    cancelled_quantity: 0,
    discount_total: share(line.discount_total),
    manual_discount: share(line.manual_discount),
    tax_amount: share(line.tax_amount),
    line_total: share(line.line_total),
    reservation_id: null,
  };
  const kept: LineRow = {
    ...line,
    quantity: line.quantity - units,
    discount_total: line.discount_total - part.discount_total,
    manual_discount: line.manual_discount - part.manual_discount,
    tax_amount: line.tax_amount - part.tax_amount,
    line_total: line.line_total - part.line_total,
  };
  return { kept, part };
}

export interface ShipmentOfLines {
  locationId: string;
  /** Each line by its position in the order, with the units sent from this location. */
  lines: { index: number; quantity: number }[];
}

/**
 * The line rows of each shipment a routing decision made: a line sent whole from one location moves as it is; a line
 * split over several keeps its first part, and each other part becomes a new line (numbered from `nextPosition`).
 * Answers the rows per shipment, and which of them are new.
 */
export function linesOfShipments(
  lines: LineRow[],
  shipments: ShipmentOfLines[],
  nextPosition: number,
  newId: () => string,
): { shipments: { locationId: string; lines: LineRow[] }[]; created: Set<string> } {
  const byPosition = new Map(lines.map((line) => [line.position, line]));
  const parts = new Map<number, { shipment: number; quantity: number }[]>();
  shipments.forEach((shipment, index) => {
    for (const part of shipment.lines) parts.set(part.index, [...(parts.get(part.index) ?? []), { shipment: index, quantity: part.quantity }]);
  });
  const out = shipments.map((shipment) => ({ locationId: shipment.locationId, lines: [] as LineRow[] }));
  const created = new Set<string>();
  let position = nextPosition;
  for (const [index, list] of parts) {
    let line = byPosition.get(index);
    if (!line) throw new Error(`the decision names line ${index}, which is not routed here`);
    const [first, ...others] = list;
    if (!first) continue;
    for (const other of others) {
      const { kept, part } = splitOff(line, other.quantity, newId(), position++);
      line = kept;
      created.add(part.id);
      out[other.shipment]!.lines.push(part);
    }
    out[first.shipment]!.lines.push(line);
  }
  for (const shipment of out) shipment.lines.sort((a, b) => a.position - b.position);
  return { shipments: out, created };
}
