import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, must } from '../../../../api/client.ts';
import type { operations } from '../../../../api/schema.ts';
import { useWords } from '../../i18n/index.tsx';
import { idempotent } from './use-queue.ts';
import { words } from './words.ts';

type Reason = NonNullable<operations['rejectDeliveryLines']['requestBody']>['content']['application/json']['lines'][number]['reason'];
const REASONS: Reason[] = ['not_found', 'damaged', 'missing_unit', 'count_wrong', 'customer_request', 'other'];

/** Reject a line with a reason: the store's stock follows the reason, the line is routed elsewhere (never back here). */
export function RejectLine(props: { orderId: string; groupId: string; line: { lineId: string; title: string; left: number }; onRejected: () => void }) {
  const { orderId, groupId, line, onRejected } = props;
  const w = useWords(words);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<Reason>('not_found');
  const [quantity, setQuantity] = useState(String(line.left));
  const reject = useMutation({
    mutationFn: () =>
      must(
        api.POST('/v1/orders/{id}/delivery-groups/{groupId}/reject', {
          params: { path: { id: orderId, groupId } },
          body: { lines: [{ lineId: line.lineId, reason, ...(reason === 'count_wrong' ? {} : { quantity: Number(quantity) }) }] },
          ...idempotent(),
        }),
      ),
    onSuccess: () => onRejected(),
  });
  if (!open)
    return (
      <button type="button" className="danger" aria-label={w.rejectLine(line.title)} onClick={() => setOpen(true)}>
        {w.reject}
      </button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reject.mutate();
  };
  return (
    <form onSubmit={submit} className="stack work-reject" aria-label={w.rejectLine(line.title)}>
      <label>
        {w.reason}
        <select value={reason} onChange={(event) => setReason(event.target.value as Reason)}>
          {REASONS.map((name) => (
            <option key={name} value={name}>
              {w.reasons[name]}
            </option>
          ))}
        </select>
      </label>
      {reason !== 'count_wrong' && line.left > 1 && (
        <label>
          {w.quantity}
          <input type="number" min={1} max={line.left} value={quantity} onChange={(event) => setQuantity(event.target.value)} required />
        </label>
      )}
      <div className="row">
        <button type="submit" className="danger" disabled={reject.isPending}>
          {w.reject}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {w.cancel}
        </button>
      </div>
      {reject.isError && (
        <p role="alert" className="error">
          {reject.error.message}
        </p>
      )}
    </form>
  );
}
