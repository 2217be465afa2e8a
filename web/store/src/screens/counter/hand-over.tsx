import { ServerNeededNotice } from '../../offline/offline-status.tsx';
import { useOffline } from '../../offline/use-offline.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, must } from '../../../../api/client.ts';
import type { components, operations } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { buzz } from '../../scanner.ts';
import { useSession } from '../../session.tsx';
import { amountText, changeFor, dueNow, openUnits, parseAmount, quickTenders, type Group } from './rules.ts';
import { words } from './words.ts';

type Order = components['schemas']['Order'];
type HandOver = operations['handOverPickup']['requestBody']['content']['application/json'];
type Tender = NonNullable<HandOver['payments']>[number];
type Relation = NonNullable<HandOver['collectedBy']['relation']>;
type Method = 'cash' | 'card' | 'split';
const OTHERS: Relation[] = ['family', 'friend', 'colleague', 'courier', 'other'];

/**
 * The hand-over in one request: what is left to pay (cash with change, the card terminal, or both), who collects
 * (the customer by default), the units taken and what becomes of the rest. Sent with an Idempotency-Key, kept while
 * the request is the same (a retry after a lost answer is not a second hand-over).
 */
export function HandOverForm({
  order,
  group,
  customerName,
  taken,
  onHandedOver,
}: {
  order: Order;
  group: Group;
  customerName: string;
  taken: Map<string, number>;
  onHandedOver: (order: Order) => void;
}) {
  const t = useWords(words);
  const { money, language } = useLanguage();
  const { store, register } = useSession();
  const registers = useQuery({
    queryKey: ['registers', store.id],
    queryFn: () => must(api.GET('/v1/locations/{id}/registers', { params: { path: { id: store.id } } })),
    refetchOnMount: 'always',
  });
  const till = registers.data?.items.find((item) => item.id === register?.id) ?? register;
  const [method, setMethod] = useState<Method>('cash');
  const [given, setGiven] = useState('');
  const [cardPart, setCardPart] = useState('');
  const [reference, setReference] = useState('');
  const [last4, setLast4] = useState('');
  const [who, setWho] = useState<'customer' | 'other'>('customer');
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<Relation>('family');
  const [idChecked, setIdChecked] = useState(false);
  const [code, setCode] = useState('');
  const [rest, setRest] = useState<'keep' | 'cancel' | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const queries = useQueryClient();

  const lines = group.lines.filter((line) => openUnits(line) > 0);
  const partial = lines.some((line) => (taken.get(line.id) ?? 0) < openUnits(line));
  const nothing = lines.every((line) => (taken.get(line.id) ?? 0) === 0);
  const due = dueNow(order, group, taken, partial ? rest : null);
  const decimal = language === 'fr' ? ',' : '.';
  const card = method === 'split' ? Math.min(parseAmount(cardPart) ?? 0, due) : method === 'card' ? due : 0;
  const inCash = due - card;
  const tendered = parseAmount(given);
  const change = method !== 'card' && tendered !== null ? changeFor(inCash, tendered) : null;
  const registerOpen = !!till?.openSession;

  const handOver = useMutation({
    mutationFn: (body: HandOver) => {
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
      return must(
        api.POST('/v1/orders/{id}/delivery-groups/{groupId}/hand-over', {
          params: { path: { id: order.id, groupId: group.id } },
          body,
          headers: { 'Idempotency-Key': attempt.current.key },
        }),
      );
    },
    onSuccess: (result) => {
      void queries.invalidateQueries({ queryKey: ['work', store.id] });
      queries.setQueryData(['order', order.id], result);
      onHandedOver(result);
    },
    onError: () => buzz(),
  });

  const payments = (): Tender[] | string => {
    const cash = (amount: number): Tender | string => {
      if (tendered === null || tendered < amount) return t.short(money(amount - (tendered ?? 0), order.currency));
      return tendered > amount ? { method: 'cash', amount, tendered } : { method: 'cash', amount };
    };
    const terminal = (amount: number): Tender => ({ method: 'card_register', amount, reference: reference.trim(), ...(last4 ? { cardLast4: last4 } : {}) });
    if (method === 'cash') {
      const tender = cash(due);
      return typeof tender === 'string' ? tender : [tender];
    }
    if (method === 'card') return [terminal(due)];
    const tenders: Tender[] = [];
    if (card > 0) tenders.push(terminal(card));
    if (inCash > 0) {
      const tender = cash(inCash);
      if (typeof tender === 'string') return tender;
      tenders.push(tender);
    }
    return tenders;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setInvalid(null);
    if (nothing) return setInvalid(t.nothingTaken);
    if (partial && !rest) return setInvalid(t.restRequired);
    const body: HandOver = {
      collectedBy: {
        name: who === 'customer' ? customerName || group.recipient : name.trim(),
        relation: who === 'customer' ? 'customer' : relation,
        idChecked,
        ...(code.trim() ? { pickupCode: code.trim() } : {}),
      },
    };
    if (due > 0) {
      const tenders = payments();
      if (typeof tenders === 'string') return setInvalid(tenders);
      body.payments = tenders;
      if (till) body.registerId = till.id;
    }
    if (partial) {
      body.lines = lines.filter((line) => (taken.get(line.id) ?? 0) > 0).map((line) => ({ lineId: line.id, quantity: taken.get(line.id)! }));
      body.rest = rest!;
    }
    handOver.mutate(body);
  };

  // A hand-over changes the order, the stock and the payments on the server: it waits for the server.
  const { online } = useOffline();
  const blocked = (due > 0 && !registerOpen) || !online;
  return (
    <form onSubmit={submit} className="stack counter-hand-over" aria-labelledby="counter-to-pay">
      <div className={due > 0 ? 'card counter-due' : 'card counter-due paid'}>
        <h2 id="counter-to-pay">{due > 0 ? t.leftToPay : t.paid}</h2>
        <p className="counter-amount" aria-live="polite">
          {due > 0 ? money(due, order.currency) : `✓ ${t.paid}`}
        </p>
        {due === 0 && <p>{t.paidOnline}</p>}
        <p>
          <small>
            {t.total} {money(order.totals.total, order.currency)}
          </small>
        </p>
      </div>

      {partial && (
        <fieldset className="card">
          <legend>{t.rest}</legend>
          {(['keep', 'cancel'] as const).map((choice) => (
            <label key={choice} className="counter-choice">
              <input type="radio" name="rest" checked={rest === choice} onChange={() => setRest(choice)} />
              {choice === 'keep' ? t.restKeep : t.restCancel}
            </label>
          ))}
        </fieldset>
      )}

      {blocked && (
        <p role="alert" className="notice-bad">
          {till ? t.registerClosed : t.noRegister}{' '}
          {till && (
            <Link href="/register" className="button">
              {t.openRegister}
            </Link>
          )}
        </p>
      )}

      {due > 0 && !blocked && (
        <fieldset className="card stack">
          <legend>{t.payment}</legend>
          <div className="row counter-methods" role="radiogroup" aria-label={t.payment}>
            {(['cash', 'card', 'split'] as const).map((choice) => (
              <label key={choice} className={method === choice ? 'counter-method chosen' : 'counter-method'}>
                <input type="radio" name="method" checked={method === choice} onChange={() => setMethod(choice)} />
                {choice === 'cash' ? t.cash : choice === 'card' ? t.card : t.split}
              </label>
            ))}
          </div>
          {method !== 'cash' && (
            <div className="row">
              {method === 'split' && (
                <label className="grow">
                  {t.cardAmount}
                  <input value={cardPart} onChange={(event) => setCardPart(event.target.value)} inputMode="decimal" autoComplete="off" />
                </label>
              )}
              <label className="grow">
                {t.cardReference}
                <input value={reference} onChange={(event) => setReference(event.target.value)} required autoComplete="off" />
              </label>
              <label className="grow">
                {t.cardLast4}
                <input value={last4} onChange={(event) => setLast4(event.target.value)} pattern="\d{4}" inputMode="numeric" maxLength={4} autoComplete="off" />
              </label>
            </div>
          )}
          {method !== 'card' && inCash > 0 && (
            <div className="stack">
              {method === 'split' && (
                <p>
                  {t.cashPart} : <strong>{money(inCash, order.currency)}</strong>
                </p>
              )}
              <fieldset className="row counter-quicks">
                <legend className="visually-hidden">{t.quickAmounts}</legend>
                {quickTenders(inCash).map((amount) => (
                  <button
                    type="button"
                    key={amount}
                    className={tendered === amount ? 'big counter-quick chosen' : 'big counter-quick'}
                    aria-pressed={tendered === amount}
                    onClick={() => setGiven(amountText(amount, decimal))}
                  >
                    {amount === inCash ? `${t.exact} · ${money(amount, order.currency)}` : money(amount, order.currency)}
                  </button>
                ))}
              </fieldset>
              <div className="row">
                <label className="grow">
                  {t.amountGiven}
                  <input value={given} onChange={(event) => setGiven(event.target.value)} inputMode="decimal" autoComplete="off" />
                </label>
                <p className="grow counter-change" aria-live="polite">
                  {tendered !== null &&
                    (change !== null ? (
                      <>
                        {t.change} <strong className="total">{money(change, order.currency)}</strong>
                      </>
                    ) : (
                      <span className="error">{t.short(money(inCash - tendered, order.currency))}</span>
                    ))}
                </p>
              </div>
            </div>
          )}
        </fieldset>
      )}

      <fieldset className="card stack">
        <legend>{t.collectedBy}</legend>
        <div className="row" role="radiogroup" aria-label={t.collectedBy}>
          {(['customer', 'other'] as const).map((choice) => (
            <label key={choice} className={who === choice ? 'counter-method chosen' : 'counter-method'}>
              <input type="radio" name="who" checked={who === choice} onChange={() => setWho(choice)} />
              {choice === 'customer' ? `${t.theCustomer}${customerName ? ` (${customerName})` : ''}` : t.someoneElse}
            </label>
          ))}
        </div>
        {who === 'other' && (
          <div className="row">
            <label className="grow">
              {t.name}
              <input value={name} onChange={(event) => setName(event.target.value)} required autoComplete="off" />
            </label>
            <label className="grow">
              {t.relation}
              <select value={relation} onChange={(event) => setRelation(event.target.value as Relation)}>
                {OTHERS.map((choice) => (
                  <option key={choice} value={choice}>
                    {t.relations[choice]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <div className="row">
          <label className="grow">
            {t.codeGiven}
            <input value={code} onChange={(event) => setCode(event.target.value)} pattern="\d{6}" inputMode="numeric" maxLength={6} autoComplete="off" />
          </label>
          <label className="counter-check">
            <input type="checkbox" checked={idChecked} onChange={(event) => setIdChecked(event.target.checked)} />
            {t.idChecked}
          </label>
        </div>
      </fieldset>

      {(invalid || handOver.isError) && (
        <p role="alert" className="notice-bad">
          {invalid ?? `${t.failed} ${handOver.error?.message}`}
        </p>
      )}
      {!online && <ServerNeededNotice />}
      <button type="submit" className="primary big" disabled={blocked || handOver.isPending}>
        {handOver.isPending ? t.handingOver : t.handOver}
      </button>
    </form>
  );
}
