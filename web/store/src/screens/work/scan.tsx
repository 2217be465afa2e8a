import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, api, must } from '../../../../api/client.ts';
import { useWords } from '../../i18n/index.tsx';
import { buzz, useScanner } from '../../scanner.ts';
import { useSession } from '../../session.tsx';
import { idempotent, useRefreshWork, workKeys, type PickState } from './use-queue.ts';
import { words } from './words.ts';

type Feedback = { ok: true; text: string; seq: number } | { ok: false; title: string; text: string; seq: number };

/**
 * Picking by scanning: a scan anywhere on the screen (or a code typed in the field, then Enter) proves a unit picked.
 * The server refuses a wrong item, one too many or an unknown code and records nothing; the refusal is shown in the
 * problem's words and sounded.
 */
export function ScanPanel({ orderId, groupId }: { orderId: string; groupId: string }) {
  const w = useWords(words);
  const { store } = useSession();
  const queries = useQueryClient();
  const refresh = useRefreshWork(store.id);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const scanOne = useMutation({
    mutationFn: (scanned: string) =>
      must(
        api.POST('/v1/orders/{id}/delivery-groups/{groupId}/scans', {
          params: { path: { id: orderId, groupId } },
          body: { code: scanned, quantity: 1 },
          ...idempotent(),
        }),
      ),
    onSuccess: (state: PickState) => {
      const previous = queries.getQueryData<PickState>(workKeys.pick(store.id, groupId));
      const line = state.lines.find((row) => row.picked > (previous?.lines.find((was) => was.lineId === row.lineId)?.picked ?? 0));
      queries.setQueryData(workKeys.pick(store.id, groupId), state);
      const parts = [line ? w.scannedOk(line.title, line.picked, line.required) : null, state.complete ? w.allPicked : null].filter(Boolean);
      setFeedback((now) => ({ ok: true, text: parts.join(' — ') || w.allPicked, seq: (now?.seq ?? 0) + 1 }));
      void refresh();
    },
    onError: (error) => {
      buzz();
      const code = error instanceof ApiProblem ? error.problem.code : undefined;
      setFeedback((now) => ({ ok: false, title: (code && w.problems[code]) || w.refused, text: error.message, seq: (now?.seq ?? 0) + 1 }));
    },
  });
  useScanner((scanned) => scanOne.mutate(scanned));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    scanOne.mutate(code.trim());
    setCode('');
  };
  return (
    <section aria-labelledby="scan-title" className="card stack work-scan">
      <h2 id="scan-title">{w.scan}</h2>
      <p>
        <small>{w.scanHint}</small>
      </p>
      <form onSubmit={submit} className="row">
        <label className="grow">
          {w.scanCode}
          <input value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" inputMode="text" />
        </label>
        <button type="submit" className="primary">
          {w.scanSubmit}
        </button>
      </form>
      <div aria-live="polite">
        {feedback?.ok && (
          <p key={feedback.seq} className="notice-ok" role="status">
            {feedback.text}
          </p>
        )}
      </div>
      {feedback && !feedback.ok && (
        <div key={feedback.seq} role="alert" className="notice-bad work-refused">
          <strong>{feedback.title}</strong> — {feedback.text}
        </div>
      )}
    </section>
  );
}
