import type { RegisterTakings } from '../payments/register-totals.ts';
import type { SessionReport, SessionView } from './schema.ts';

/**
 * A register session's report, from what it is made of (no database, no clock): the X report while the session is
 * open, the Z report once it is closed. The cash the drawer should hold is
 *   opening float + cash taken (net of change) − cash refunded + paid in − paid out;
 * at the close it is worked out and kept with the count, so a Z report reads the same whenever it is asked for.
 * A difference (counted − expected) is reported, never refused: negative when cash is missing.
 */

export interface ReportFacts {
  session: SessionView & { expectedCash: number | null };
  register: { id: string; name: string; locationId: string };
  takings: RegisterTakings;
  movements: SessionReport['cashMovements'];
  generatedAt: Date;
}

export function expectedCash(openingFloat: number, takings: RegisterTakings, movements: { kind: 'paid_in' | 'paid_out'; amount: number }[]): number {
  return openingFloat + cashOf(takings.taken) - cashOf(takings.refunded) + sumOf(movements, 'paid_in') - sumOf(movements, 'paid_out');
}

export function sessionReport({ session, register, takings, movements, generatedAt }: ReportFacts): SessionReport {
  const { expectedCash: kept, ...view } = session;
  const closed = session.closedAt !== null;
  const expected = closed && kept !== null ? kept : expectedCash(session.openingFloat, takings, movements);
  const counted = closed ? session.countedCash : null;
  return {
    kind: closed ? 'Z' : 'X',
    session: view,
    register,
    generatedAt: generatedAt.toISOString(),
    sales: takings.sales,
    tenders: takings.taken,
    refunds: takings.refunded,
    cash: {
      openingFloat: session.openingFloat,
      taken: cashOf(takings.taken),
      refunded: cashOf(takings.refunded),
      tendered: takings.cashTendered,
      changeGiven: takings.changeGiven,
      paidIn: sumOf(movements, 'paid_in'),
      paidOut: sumOf(movements, 'paid_out'),
    },
    cashMovements: movements,
    expectedCash: expected,
    countedCash: counted,
    difference: counted === null ? null : counted - expected,
  };
}

const cashOf = (totals: RegisterTakings['taken']) => totals.filter((total) => total.method === 'cash').reduce((sum, total) => sum + total.amount, 0);
const sumOf = (movements: { kind: 'paid_in' | 'paid_out'; amount: number }[], kind: 'paid_in' | 'paid_out') =>
  movements.filter((movement) => movement.kind === kind).reduce((sum, movement) => sum + movement.amount, 0);
