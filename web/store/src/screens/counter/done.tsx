import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { FinderAnswer, type useOrderFinder } from './find.tsx';
import { words } from './words.ts';

type Order = components['schemas']['Order'];

/**
 * After the hand-over: the change to give (cash), who collected, the receipt (the printer's text, to print, and the
 * PDF) and "next customer". `embedded`: an order found already collected, shown inside its order view.
 */
export function Done({
  order,
  groupId,
  finder,
  embedded = false,
}: {
  order: Order;
  groupId: string;
  finder: ReturnType<typeof useOrderFinder>;
  embedded?: boolean;
}) {
  const t = useWords(words);
  const { money } = useLanguage();
  const [, navigate] = useLocation();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!embedded) title.current?.focus();
  }, [embedded]);
  const receipt = useQuery({
    queryKey: ['receipt', order.id, order.updatedAt],
    queryFn: () =>
      must(api.GET('/v1/orders/{id}/receipt', { params: { path: { id: order.id }, query: { format: 'text' } }, parseAs: 'text' })) as Promise<string>,
  });
  const collected = order.deliveryGroups.filter((group) => group.status === 'collected').at(-1);
  const waiting = order.deliveryGroups.some((group) => group.id === groupId && group.status === 'ready_for_pickup');
  const cash = order.payments.filter((payment) => payment.method === 'cash' && payment.changeGiven !== null).at(-1);
  const Heading = embedded ? 'h2' : 'h1';
  return (
    <section aria-labelledby="counter-done" className="counter stack">
      <Heading id="counter-done" ref={title} tabIndex={-1} className="notice-ok counter-done">
        ✓ {t.doneTitle} — {order.number}
      </Heading>
      {!embedded && <FinderAnswer finder={finder} />}
      <div className="columns">
        <div className="stack">
          {!embedded && cash && (cash.changeGiven ?? 0) > 0 && (
            <div className="card counter-due">
              <h2>{t.giveChange}</h2>
              <p className="counter-amount">{money(cash.changeGiven!, order.currency)}</p>
            </div>
          )}
          {collected?.collectedBy && (
            <p>
              {t.collectedBy} : <strong>{collected.collectedBy.name}</strong>
              {collected.collectedBy.relation && collected.collectedBy.relation !== 'customer' && ` (${t.relations[collected.collectedBy.relation]})`}
              {collected.collectedBy.idChecked && ` · ${t.idChecked}`}
            </p>
          )}
          {waiting && <p className="notice-ok">{t.restWaiting}</p>}
          <div className="row">
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
            <a className="button" href={`/v1/orders/${order.id}/receipt`} target="_blank" rel="noreferrer">
              {t.pdf}
            </a>
          </div>
          {!embedded && (
            <button type="button" className="primary big" onClick={() => navigate('/counter')}>
              {t.nextCustomer}
            </button>
          )}
        </div>
        <section aria-labelledby="counter-receipt" className="card counter-receipt">
          <h2 id="counter-receipt">{t.receipt}</h2>
          {receipt.isError && (
            <p role="alert" className="notice-bad">
              {receipt.error.message}
            </p>
          )}
          {receipt.data && (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the receipt scrolls; the keyboard must reach it.
            <pre tabIndex={0}>{receipt.data}</pre>
          )}
        </section>
      </div>
    </section>
  );
}
