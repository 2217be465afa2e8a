import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { useScanner } from '../../scanner.ts';
import { useSession } from '../../session.tsx';
import { Done } from './done.tsx';
import { FinderAnswer, useOrderFinder } from './find.tsx';
import { HandOverForm } from './hand-over.tsx';
import { openUnits, type Group } from './rules.ts';
import { words } from './words.ts';

type Order = components['schemas']['Order'];
const FINISHED: readonly Group['status'][] = ['collected', 'shipped', 'delivered', 'cancelled'];

/** /counter/:orderId — the order at the counter: who, what, the code and window, what is left to pay, and the hand-over. */
export function OrderAtCounter({ orderId }: { orderId: string }) {
  const t = useWords(words);
  const { store } = useSession();
  const finder = useOrderFinder();
  // The next customer's QR code opens their order, whatever this view shows.
  useScanner((code) => void finder.find(code));
  const [handed, setHanded] = useState<{ order: Order; groupId: string } | null>(null);
  const order = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => must(api.GET('/v1/orders/{id}', { params: { path: { id: orderId } } })),
  });
  const customerId = order.data?.customerId;
  const customer = useQuery({
    queryKey: ['customer', customerId],
    enabled: !!customerId,
    queryFn: () => must(api.GET('/v1/customers/{id}', { params: { path: { id: customerId! } } })),
  });
  const title = useRef<HTMLHeadingElement>(null);
  const loaded = !!order.data;
  useEffect(() => {
    if (loaded) title.current?.focus();
  }, [loaded]);

  if (order.isPending) return <p>{t.title}…</p>;
  if (order.isError)
    return (
      <section className="stack">
        <p role="alert" className="notice-bad">
          {order.error.message}
        </p>
        <Link href="/counter">{t.back}</Link>
      </section>
    );
  const data = order.data;
  if (handed) return <Done order={handed.order} groupId={handed.groupId} finder={finder} />;

  const groups = data.deliveryGroups.filter((group) => group.pickupLocationId === store.id && group.method !== 'ship_to_address');
  const open = groups.filter((group) => !FINISHED.includes(group.status) && group.lines.some((line) => openUnits(line) > 0));
  const customerName = customer.data ? `${customer.data.firstName} ${customer.data.lastName}` : (groups[0]?.recipient ?? '');
  const collected = groups.find((group) => group.status === 'collected');

  return (
    <section aria-labelledby="counter-order" className="counter stack">
      <div className="row counter-head">
        <h1 id="counter-order" ref={title} tabIndex={-1} className="grow">
          {t.order} {data.number}
          {customerName && <span className="counter-customer"> · {customerName}</span>}
        </h1>
        <Link href="/counter" className="button">
          {t.back}
        </Link>
      </div>
      <FinderAnswer finder={finder} />
      {open.length === 0 &&
        (collected ? (
          <Done order={data} groupId={collected.id} finder={finder} embedded />
        ) : (
          <p role="alert" className="notice-bad">
            {groups.length ? `${t.statuses[groups[0]!.status] ?? groups[0]!.status}.` : t.nothingHere}
          </p>
        ))}
      {open.map((group) => (
        <GroupAtCounter
          key={group.id}
          order={data}
          group={group}
          customerName={customerName}
          onHandedOver={(result) => setHanded({ order: result, groupId: group.id })}
        />
      ))}
    </section>
  );
}

function GroupAtCounter({
  order,
  group,
  customerName,
  onHandedOver,
}: {
  order: Order;
  group: Group;
  customerName: string;
  onHandedOver: (order: Order) => void;
}) {
  const t = useWords(words);
  const { dateTime } = useLanguage();
  const [taken, setTaken] = useState<Map<string, number>>(() => new Map(group.lines.map((line) => [line.id, openUnits(line)])));
  const resend = useMutation({
    mutationFn: () =>
      must(
        api.POST('/v1/orders/{id}/delivery-groups/{groupId}/resend-ready-email', {
          params: { path: { id: order.id, groupId: group.id } },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
  });
  const ready = group.status === 'ready_for_pickup';
  return (
    <div className="columns">
      <div className="stack">
        <dl className="card counter-facts">
          <div>
            <dt>{t.status}</dt>
            <dd>
              <span className={ready ? 'counter-status ready' : 'counter-status'}>{t.statuses[group.status] ?? group.status}</span>
            </dd>
          </div>
          <div>
            <dt>{t.customer}</dt>
            <dd>{customerName}</dd>
          </div>
          <div>
            <dt>{t.pickupCode}</dt>
            <dd className="counter-code">{group.pickupCode ?? '—'}</dd>
          </div>
          {group.readyAt && (
            <div>
              <dt>{t.readyAt}</dt>
              <dd>{dateTime(group.readyAt)}</dd>
            </div>
          )}
          {group.pickupBy && (
            <div>
              <dt>{t.window}</dt>
              <dd>{dateTime(group.pickupBy)}</dd>
            </div>
          )}
        </dl>
        {!ready && <p className="notice-bad">{t.notReady}</p>}
        <Lines order={order} group={group} taken={taken} onChange={setTaken} />
        {ready && (
          <div className="row">
            <button type="button" onClick={() => resend.mutate()} disabled={resend.isPending}>
              {t.resend}
            </button>
            <span aria-live="polite">
              {resend.isSuccess && <span className="ok">{t.resent}</span>}
              {resend.isError && <span className="error">{resend.error.message}</span>}
            </span>
          </div>
        )}
      </div>
      <HandOverForm order={order} group={group} customerName={customerName} taken={taken} onHandedOver={onHandedOver} />
    </div>
  );
}

/** The group's lines, each ticked as handed over (untick what the customer does not take; fewer units of a line). */
function Lines({ order, group, taken, onChange }: { order: Order; group: Group; taken: Map<string, number>; onChange: (taken: Map<string, number>) => void }) {
  const t = useWords(words);
  const { money } = useLanguage();
  const set = (lineId: string, quantity: number) => onChange(new Map(taken).set(lineId, quantity));
  return (
    <table>
      <caption className="visually-hidden">{t.lines}</caption>
      <thead>
        <tr>
          <th scope="col">{t.take}</th>
          <th scope="col">{t.item}</th>
          <th scope="col" className="number">
            {t.quantity}
          </th>
          <th scope="col" className="number">
            {t.lineTotal}
          </th>
        </tr>
      </thead>
      <tbody>
        {group.lines
          .filter((line) => openUnits(line) > 0)
          .map((line) => {
            const open = openUnits(line);
            const count = taken.get(line.id) ?? 0;
            return (
              <tr key={line.id} className={count === 0 ? 'counter-not-taken' : undefined}>
                <td>
                  <span className="row counter-take">
                    <input
                      type="checkbox"
                      checked={count > 0}
                      onChange={(event) => set(line.id, event.target.checked ? open : 0)}
                      aria-label={t.takeLine(line.title)}
                    />
                    {open > 1 && count > 0 && (
                      <input
                        type="number"
                        min={1}
                        max={open}
                        value={count}
                        onChange={(event) => set(line.id, Math.max(1, Math.min(open, Number(event.target.value) || 1)))}
                        aria-label={t.takeCount(line.title)}
                        className="counter-count"
                      />
                    )}
                  </span>
                </td>
                <td>
                  {line.title}
                  <br />
                  <small>{line.sku}</small>
                </td>
                <td className="number">{open}</td>
                <td className="number">{money(Math.round((line.lineTotal * open) / line.quantity), order.currency)}</td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
