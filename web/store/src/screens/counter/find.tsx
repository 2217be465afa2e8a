import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { buzz, useScanner } from '../../scanner.ts';
import { useSession } from '../../session.tsx';
import { CameraScan } from './camera.tsx';
import { lookupsFor } from './rules.ts';
import { words } from './words.ts';

type Order = components['schemas']['Order'];

/** A pickup of this order waits (or waited) at this store's counter. */
export const atThisCounter = (order: Order, storeId: string) =>
  order.deliveryGroups.some((group) => group.pickupLocationId === storeId && group.method !== 'ship_to_address');

/**
 * Finds an order from what was scanned or typed (QR payload, pickup code, order number) and opens it at
 * /counter/:orderId; several matches are offered to choose from; nothing, or an order for another counter, is said.
 */
export function useOrderFinder() {
  const t = useWords(words);
  const { store } = useSession();
  const [, navigate] = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const [choices, setChoices] = useState<Order[]>([]);
  const [busy, setBusy] = useState(false);
  const find = async (typed: string) => {
    setProblem(null);
    setChoices([]);
    const lookups = lookupsFor(typed);
    if (!lookups.length) return;
    setBusy(true);
    try {
      let found: Order[] = [];
      for (const query of lookups) {
        found = (await must(api.GET('/v1/orders', { params: { query: { ...query, limit: 10 } } }))).items;
        if (found.length) break;
      }
      const here = found.filter((order) => atThisCounter(order, store.id));
      if (here.length === 1) return navigate(`/counter/${here[0]!.id}`);
      buzz();
      if (here.length > 1) setChoices(here);
      else setProblem(found.length ? t.notHere : t.notFound(typed.trim()));
    } catch (error) {
      buzz();
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return { find, problem, choices, busy };
}

/** The counter's first view: scan or type to find the order, or tap one of those waiting here. */
export function FindOrder() {
  const t = useWords(words);
  const finder = useOrderFinder();
  const [typed, setTyped] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useScanner((code) => void finder.find(code));
  // At a till (mouse, keyboard, wedge scanner) the field waits for the scan or the code; a tablet keeps its keyboard down.
  useEffect(() => {
    if (matchMedia('(pointer: fine)').matches) field.current?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void finder.find(typed);
  };
  return (
    <section aria-labelledby="counter-title" className="counter">
      <h1 id="counter-title">{t.title}</h1>
      <div className="columns">
        <div className="stack">
          <h2>{t.findTitle}</h2>
          <p>{t.scanHint}</p>
          <form onSubmit={submit} className="row">
            <label className="grow">
              {t.codeOrNumber}
              <input ref={field} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" inputMode="text" />
            </label>
            <button type="submit" className="primary" disabled={finder.busy}>
              {t.find}
            </button>
          </form>
          <CameraScan onScan={(code) => void finder.find(code)} />
          <FinderAnswer finder={finder} />
        </div>
        <ReadyList />
      </div>
    </section>
  );
}

/** What the search found when it is not one order: a refusal, or the orders to choose from. */
export function FinderAnswer({ finder }: { finder: ReturnType<typeof useOrderFinder> }) {
  const t = useWords(words);
  const { money } = useLanguage();
  return (
    <>
      {finder.problem && (
        <p role="alert" className="notice-bad">
          {finder.problem}
        </p>
      )}
      {finder.choices.length > 0 && (
        <div role="alert">
          <p>{t.several}</p>
          <ul className="counter-list">
            {finder.choices.map((order) => (
              <li key={order.id}>
                <Link href={`/counter/${order.id}`} className="button">
                  {t.order} {order.number} · {money(order.totals.total, order.currency)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** The pickups waiting at this counter (the work queue's ready_for_pickup stage), oldest promise first. */
function ReadyList() {
  const t = useWords(words);
  const { store } = useSession();
  const ready = useQuery({
    queryKey: ['work', store.id, 'ready_for_pickup'],
    queryFn: () => must(api.GET('/v1/locations/{id}/work', { params: { path: { id: store.id }, query: { stage: 'ready_for_pickup', limit: 50 } } })),
    refetchInterval: 60_000,
  });
  return (
    <section aria-labelledby="counter-ready" className="card">
      <h2 id="counter-ready">
        {t.readyTitle} {ready.data && <span className="badge">{ready.data.items.length}</span>}
      </h2>
      {ready.isError && (
        <p role="alert" className="notice-bad">
          {ready.error.message}
        </p>
      )}
      {ready.data?.items.length === 0 && <p>{t.readyNone}</p>}
      <ul className="counter-list">
        {ready.data?.items.map((item) => (
          <li key={item.groupId}>
            <Link href={`/counter/${item.orderId}`} className="button counter-ready">
              <strong>{item.customerName}</strong>
              <span>
                {t.order} {item.orderNumber} · {t.items(item.lines.reduce((sum, line) => sum + line.quantity, 0))}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
