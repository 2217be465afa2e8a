import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import type { Register } from '../../session.tsx';
import { parseAmount } from './cart.ts';
import { words } from './words.ts';

type Report = components['schemas']['RegisterSessionReport'];

const reportPdf = (sessionId: string) => `/v1/register-sessions/${sessionId}/report/document`;

/** The register is closed: the associate counts the float into the drawer and opens it. */
export function OpenRegister({ register, currency, closed }: { register: Register; currency: string; closed: Report | null }) {
  const w = useWords(words);
  const queries = useQueryClient();
  const [float, setFloat] = useState('');
  const open = useMutation({
    mutationFn: (openingFloat: number) =>
      must(api.POST('/v1/registers/{id}/sessions', { params: { path: { id: register.id } }, body: { openingFloat, currency } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['registers'] }),
  });
  const amount = parseAmount(float);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount !== null) open.mutate(amount);
  };
  return (
    <section aria-labelledby="register-closed" className="stack register-open">
      {closed && <ClosedSummary report={closed} />}
      <h1 id="register-closed">
        {w.title} · {register.name}
      </h1>
      <p>{w.closed}</p>
      <form onSubmit={submit} className="row">
        <label className="grow">
          {w.float}
          <input value={float} onChange={(event) => setFloat(event.target.value)} inputMode="decimal" required autoComplete="off" />
        </label>
        <button type="submit" className="primary big" disabled={amount === null || open.isPending}>
          {w.open}
        </button>
      </form>
      {open.isError && (
        <p role="alert" className="error">
          {open.error.message}
        </p>
      )}
    </section>
  );
}

function ClosedSummary({ report }: { report: Report }) {
  const w = useWords(words);
  return (
    <div className="card" role="status">
      <p className="notice-ok">{w.closedSummary}</p>
      <Figures report={report} counted={report.countedCash ?? 0} />
      <a className="button" href={reportPdf(report.session.id)} target="_blank" rel="noreferrer">
        {w.zReport}
      </a>
    </div>
  );
}

/** Expected, counted and the difference (negative: cash missing). */
function Figures({ report, counted }: { report: Report; counted: number }) {
  const w = useWords(words);
  const { money } = useLanguage();
  const currency = report.session.currency;
  const difference = counted - report.expectedCash;
  return (
    <dl className="register-figures">
      <dt>{w.expected}</dt>
      <dd className="number">{money(report.expectedCash, currency)}</dd>
      <dt>{w.countedCash}</dt>
      <dd className="number">{money(counted, currency)}</dd>
      <dt>{w.difference}</dt>
      <dd className={`number ${difference === 0 ? 'ok' : 'error'}`} data-testid="cash-difference">
        {difference > 0 ? '+' : ''}
        {money(difference, currency)}
      </dd>
    </dl>
  );
}

/** While open: the X report, and the close with the counted cash (expected vs counted, then the Z report). */
export function SessionBar({ register, onClosed }: { register: Register; onClosed: (report: Report) => void }) {
  const w = useWords(words);
  const { dateTime } = useLanguage();
  const session = register.openSession!;
  const dialog = useRef<HTMLDialogElement>(null);
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const queries = useQueryClient();
  const report = useQuery({
    queryKey: ['register-report', session.id],
    enabled: false,
    queryFn: () => must(api.GET('/v1/register-sessions/{id}/report', { params: { path: { id: session.id } } })),
  });
  const close = useMutation({
    mutationFn: (countedCash: number) =>
      must(api.POST('/v1/register-sessions/{id}/close', { params: { path: { id: session.id } }, body: { countedCash, ...(note ? { note } : {}) } })),
    onSuccess: (z) => {
      dialog.current?.close();
      onClosed(z);
      void queries.invalidateQueries({ queryKey: ['registers'] });
    },
  });
  const amount = parseAmount(counted);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount !== null) close.mutate(amount);
  };
  return (
    <div className="row register-session">
      <span className="grow">
        {register.name} · {w.openSince} {dateTime(session.openedAt)}
      </span>
      <a className="button" href={reportPdf(session.id)} target="_blank" rel="noreferrer">
        {w.xReport}
      </a>
      <button
        type="button"
        onClick={() => {
          void report.refetch();
          dialog.current?.showModal();
        }}
      >
        {w.close}
      </button>
      <dialog ref={dialog} aria-labelledby="close-title" className="register-dialog">
        <form onSubmit={submit} className="stack">
          <h2 id="close-title">{w.close}</h2>
          <label>
            {w.counted}
            <input value={counted} onChange={(event) => setCounted(event.target.value)} inputMode="decimal" required autoComplete="off" />
          </label>
          {report.data && amount !== null && <Figures report={report.data} counted={amount} />}
          <label>
            {w.note}
            <input value={note} onChange={(event) => setNote(event.target.value)} autoComplete="off" />
          </label>
          {close.isError && (
            <p role="alert" className="error">
              {close.error.message}
            </p>
          )}
          <div className="row">
            <button type="button" onClick={() => dialog.current?.close()}>
              {w.cancel}
            </button>
            <button type="submit" className="primary" disabled={amount === null || close.isPending}>
              {w.confirmClose}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
