import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../../../api/client.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import type { Order } from './place-sale.ts';
import { words } from './words.ts';

/** The sale is recorded: the change to give, the receipt as the printer prints it (and its PDF), then a new sale. */
export function ReceiptView({ order, change, onNewSale }: { order: Order; change: number; onNewSale: () => void }) {
  const w = useWords(words);
  const { money, language } = useLanguage();
  const text = useQuery({
    queryKey: ['receipt', order.id, language],
    queryFn: () => must(api.GET('/v1/orders/{id}/receipt', { params: { path: { id: order.id }, query: { format: 'text' } }, parseAs: 'text' })),
  });
  return (
    <section aria-labelledby="receipt-title" className="stack register-receipt">
      <p className="notice-ok" role="status">
        {w.sold(order.number)}
      </p>
      {change > 0 && (
        <p className="register-change">
          {w.change} <output data-testid="change">{money(change, order.currency)}</output>
        </p>
      )}
      <div className="row">
        <button type="button" className="primary big" onClick={onNewSale}>
          {w.newSale}
        </button>
        <button type="button" className="big" onClick={() => window.print()}>
          {w.print}
        </button>
        <a className="button big" href={`/v1/orders/${order.id}/receipt`} target="_blank" rel="noreferrer">
          {w.pdf}
        </a>
      </div>
      <h2 id="receipt-title">{w.receipt}</h2>
      {text.data !== undefined && (
        <pre className="register-ticket" data-testid="receipt">
          {String(text.data)}
        </pre>
      )}
      {text.isError && (
        <p role="alert" className="error">
          {text.error.message}
        </p>
      )}
    </section>
  );
}

/** A cash sale made offline: kept on this device and sent when the server is back; the change to give now. */
export function KeptOfflineView({ position, change, currency, onNewSale }: { position: number; change: number; currency: string; onNewSale: () => void }) {
  const w = useWords(words);
  const { money } = useLanguage();
  return (
    <section aria-labelledby="kept-title" className="stack register-receipt">
      <h2 id="kept-title" className="notice-bad" role="status">
        {w.keptOffline(position)}
      </h2>
      {change > 0 && (
        <p className="register-change">
          {w.change} <output data-testid="change">{money(change, currency)}</output>
        </p>
      )}
      <div className="row">
        <button type="button" className="primary big" onClick={onNewSale}>
          {w.newSale}
        </button>
      </div>
    </section>
  );
}
