import { useState } from 'react';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { parseAmount } from './cart.ts';
import type { Tender } from './sale.ts';
import { words } from './words.ts';

type Method = 'cash' | 'card' | 'split';
const NOTES = [500, 1000, 2000, 5000, 10000];

/**
 * How the customer pays the total: cash (amount given, change shown big), the card terminal, or part card and the rest
 * in cash. `onCharge` gets the tenders once they cover the total.
 */
export function PaymentPanel({
  total,
  currency,
  saleKey,
  cashOnly,
  disabled,
  busy,
  onCharge,
}: {
  total: number;
  currency: string;
  saleKey: string;
  /** Offline: the card terminal's answer needs the server, so only cash is taken. */
  cashOnly: boolean;
  disabled: boolean;
  busy: boolean;
  onCharge: (tenders: Tender[]) => void;
}) {
  const w = useWords(words);
  const { money } = useLanguage();
  const [method, setMethod] = useState<Method | null>(null);
  const [given, setGiven] = useState('');
  const [cardPart, setCardPart] = useState('');
  const [reference, setReference] = useState('');
  const card = method === 'card' ? total : method === 'split' ? Math.min(parseAmount(cardPart) ?? 0, total) : 0;
  const cashDue = total - card;
  const tendered = method === 'card' ? 0 : (parseAmount(given) ?? 0);
  const change = tendered - cashDue;
  const ready = method !== null && !disabled && total > 0 && (cashDue === 0 || tendered >= cashDue) && (method !== 'split' || card > 0);
  const tenders = (): Tender[] => {
    const out: Tender[] = [];
    if (card > 0) out.push({ method: 'card_register', amount: card, reference: reference.trim() || `TPE-${saleKey.slice(0, 8)}` });
    if (cashDue > 0) out.push({ method: 'cash', amount: cashDue, tendered: Math.max(tendered, cashDue) });
    return out;
  };
  const choose = (next: Method) => {
    setMethod(next);
    setGiven('');
  };
  return (
    <section aria-labelledby="payment-title" className="card stack register-card">
      <h2 id="payment-title">{w.payment}</h2>
      <fieldset className="row register-methods">
        <legend className="visually-hidden">{w.method}</legend>
        {(['cash', 'card', 'split'] as const).map((each) => (
          <button key={each} type="button" className="grow" aria-pressed={method === each} disabled={cashOnly && each !== 'cash'} onClick={() => choose(each)}>
            {w[each]}
          </button>
        ))}
      </fieldset>
      {cashOnly && <p className="notice-bad">{w.cashOnlyOffline}</p>}
      {method === 'card' && <p>{w.cardAtTerminal}</p>}
      {method === 'split' && (
        <label>
          {w.cardPart}
          <input value={cardPart} onChange={(event) => setCardPart(event.target.value)} inputMode="decimal" autoComplete="off" />
        </label>
      )}
      {(method === 'card' || method === 'split') && (
        <label>
          {w.terminalRef}
          <input value={reference} onChange={(event) => setReference(event.target.value)} autoComplete="off" />
        </label>
      )}
      {(method === 'cash' || method === 'split') && cashDue > 0 && (
        <>
          {method === 'split' && (
            <p>
              {w.cashPart} <strong>{money(cashDue, currency)}</strong>
            </p>
          )}
          <label>
            {w.given}
            <input value={given} onChange={(event) => setGiven(event.target.value)} inputMode="decimal" autoComplete="off" />
          </label>
          <div className="row register-notes">
            <button type="button" onClick={() => setGiven(String(cashDue / 100))}>
              {w.exact}
            </button>
            {NOTES.filter((note) => note >= cashDue || note >= 2000).map((note) => (
              <button type="button" key={note} onClick={() => setGiven(String(note / 100))}>
                {money(note, currency)}
              </button>
            ))}
          </div>
          {tendered > 0 &&
            (change >= 0 ? (
              <p className="register-change" role="status">
                {w.change} <output data-testid="change">{money(change, currency)}</output>
              </p>
            ) : (
              <p className="notice-bad">{w.short}</p>
            ))}
        </>
      )}
      <button type="button" className="primary big" disabled={!ready || busy} onClick={() => onCharge(tenders())}>
        {busy ? w.placing : `${w.charge} ${money(total, currency)}`}
      </button>
    </section>
  );
}
