import { useMutation } from '@tanstack/react-query';
import { api, must } from '../../../../api/client.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { idempotent, useRefreshWork, type WorkItem } from './use-queue.ts';
import { words } from './words.ts';

/**
 * A ship-to-store order whose goods travel here on a transfer: its status, and "receive" once it has left. Receiving
 * every unit makes the order ready for pickup (the server emails the customer).
 */
export function Incoming({ item, onReceived }: { item: WorkItem; onReceived: (notice: string) => void }) {
  const w = useWords(words);
  const { dateTime } = useLanguage();
  const { store } = useSession();
  const refresh = useRefreshWork(store.id);
  const transfer = item.transfer;
  const receive = useMutation({
    mutationFn: async () => {
      const sent = await must(api.GET('/v1/transfers/{id}', { params: { path: { id: transfer!.id } } }));
      const lines = sent.lines.filter((line) => line.quantity > line.received).map((line) => ({ sku: line.sku, quantity: line.quantity - line.received }));
      return must(api.POST('/v1/transfers/{id}/receive', { params: { path: { id: transfer!.id } }, body: { lines }, ...idempotent() }));
    },
    onSuccess: () => (onReceived(w.received(item.orderNumber)), refresh()),
  });
  if (!transfer) return null;
  const canReceive = transfer.status === 'shipped' || transfer.status === 'partially_received';
  return (
    <div className="row work-incoming">
      <p className="grow">
        {w.transfer} {transfer.number} — {w.transferStatus[transfer.status] ?? transfer.status}
        {transfer.expectedAt && (
          <>
            {' '}
            · {w.expected} {dateTime(transfer.expectedAt)}
          </>
        )}
      </p>
      {canReceive && (
        <button type="button" className="primary" aria-label={w.receiveOrder(item.orderNumber)} disabled={receive.isPending} onClick={() => receive.mutate()}>
          {w.receive}
        </button>
      )}
      {receive.isError && (
        <p role="alert" className="error">
          {receive.error.message}
        </p>
      )}
    </div>
  );
}
