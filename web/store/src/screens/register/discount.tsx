import { useState, type FormEvent } from 'react';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { parseAmount, type CartAction, type CartLine } from './cart.ts';
import { words } from './words.ts';

type PricedLine = components['schemas']['Quote']['lines'][number];

/**
 * A discount by hand on a line, with its reason: the server applies it last and never under the minimum price, so the
 * line shows the floor and what the floor held back.
 */
export function LineDiscountControl({
  line,
  priced,
  currency,
  dispatch,
}: {
  line: CartLine;
  priced: PricedLine | undefined;
  currency: string;
  dispatch: (action: CartAction) => void;
}) {
  const w = useWords(words);
  const { money } = useLanguage();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const manual = priced?.discounts.find((discount) => discount.source === 'manual');
  const parsed = parseAmount(value);
  const valid = parsed !== null && parsed > 0 && reason.trim().length > 0 && (kind === 'amount' || parsed <= 10_000);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    dispatch({
      type: 'discount',
      sku: line.sku,
      discount: kind === 'percent' ? { percentBasisPoints: parsed, reason: reason.trim() } : { amount: parsed, reason: reason.trim() },
    });
    setOpen(false);
  };
  return (
    <div className="stack register-discount">
      {line.discount && (
        <p>
          {w.discountGiven} <strong>{manual ? `−${money(manual.amount, currency)}` : '…'}</strong> ({line.discount.reason})
          {priced && priced.cappedBy > 0 && (
            <>
              <br />
              <small className="error">
                {money(priced.cappedBy, currency)} {w.capped}
              </small>
            </>
          )}
        </p>
      )}
      {priced?.minimumPrice != null && (line.discount || open) && (
        <small>
          {w.floor} {money(priced.minimumPrice, currency)} {w.perUnit}
        </small>
      )}
      {open ? (
        <form onSubmit={apply} className="stack" aria-label={w.discountOn(line.title)}>
          <div className="row">
            <label className="grow">
              {w.kind}
              <select value={kind} onChange={(event) => setKind(event.target.value as 'percent' | 'amount')}>
                <option value="percent">{w.percent}</option>
                <option value="amount">{w.amountOff}</option>
              </select>
            </label>
            <label className="grow">
              {w.value}
              <input value={value} onChange={(event) => setValue(event.target.value)} inputMode="decimal" autoComplete="off" required />
            </label>
          </div>
          <label>
            {w.reason}
            <input value={reason} onChange={(event) => setReason(event.target.value)} autoComplete="off" required maxLength={200} />
          </label>
          <div className="row">
            <button type="button" onClick={() => setOpen(false)}>
              {w.cancel}
            </button>
            <button type="submit" className="primary" disabled={!valid}>
              {w.apply}
            </button>
          </div>
        </form>
      ) : (
        <div className="row">
          <button type="button" onClick={() => setOpen(true)} aria-label={w.discountOn(line.title)}>
            {w.discount}
          </button>
          {line.discount && (
            <button type="button" onClick={() => dispatch({ type: 'discount', sku: line.sku, discount: null })}>
              {w.removeDiscount}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
