import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import type { Variant } from '../../items.ts';
import type { CartAction, CartLine } from './cart.ts';
import { LineDiscountControl } from './discount.tsx';
import { words } from './words.ts';

type Quote = components['schemas']['Quote'];

/** The search field: a code typed or scanned into it and Enter adds the item; a name lists the matches. */
export function ItemSearch({
  onCode,
  matches,
  onPick,
  message,
}: {
  onCode: (text: string) => void;
  matches: Variant[];
  onPick: (item: Variant) => void;
  message: string | null;
}) {
  const w = useWords(words);
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    onCode(text);
    setText('');
  };
  return (
    <div className="stack">
      <form onSubmit={submit} className="row">
        <label className="grow">
          <span className="visually-hidden">{w.search}</span>
          <input value={text} onChange={(event) => setText(event.target.value)} placeholder={w.search} aria-label={w.search} autoComplete="off" />
        </label>
        <button type="submit" className="primary">
          {w.add}
        </button>
      </form>
      {message && (
        <p role="alert" className="notice-bad">
          {message}
        </p>
      )}
      {matches.length > 0 && (
        <div>
          <p>{w.choose}</p>
          <ul className="register-choices">
            {matches.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => onPick(item)}>
                  <span>{item.productTitle === item.title ? item.title : `${item.productTitle} · ${item.title}`}</span>
                  <small>{item.sku}</small>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The cart's lines with the server's prices: quantity, remove, and "deliver" for a line sent from elsewhere. */
export function CartTable({
  lines,
  quote,
  dispatch,
  storeId,
}: {
  lines: CartLine[];
  quote: Quote | undefined;
  dispatch: (action: CartAction) => void;
  storeId: string;
}) {
  const w = useWords(words);
  const { money } = useLanguage();
  if (!lines.length) return <p className="register-empty">{w.emptyCart}</p>;
  const priced = (sku: string) => quote?.lines.find((line) => line.sku === sku);
  return (
    <table className="register-cart">
      <caption className="visually-hidden">{w.cart}</caption>
      <thead>
        <tr>
          <th scope="col">{w.item}</th>
          <th scope="col">{w.quantity}</th>
          <th scope="col" className="number">
            {w.lineTotal}
          </th>
          <th scope="col">
            <span className="visually-hidden">{w.remove}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const price = priced(line.sku);
          return (
            <tr key={line.sku} data-sku={line.sku} data-quantity={line.quantity}>
              <td>
                <div>{line.title}</div>
                <small>
                  {line.sku}
                  {price && ` · ${money(price.unitListPrice, quote!.currency)}`}
                </small>
                <div className="row register-mode">
                  {line.mode === 'shelf' ? (
                    <button type="button" onClick={() => dispatch({ type: 'mode', sku: line.sku, mode: 'deliver' })} aria-label={w.deliverLine(line.title)}>
                      {w.deliver}
                    </button>
                  ) : (
                    <>
                      <span className="badge">{w.toDeliver}</span>
                      <button type="button" onClick={() => dispatch({ type: 'mode', sku: line.sku, mode: 'shelf' })} aria-label={w.takeAwayLine(line.title)}>
                        {w.takeAway}
                      </button>
                    </>
                  )}
                </div>
                <LineDiscountControl line={line} priced={price} currency={quote?.currency ?? 'EUR'} dispatch={dispatch} />
                {line.mode === 'deliver' && <Elsewhere sku={line.sku} storeId={storeId} />}
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  max={10000}
                  className="register-quantity"
                  value={line.quantity}
                  aria-label={w.quantityOf(line.title)}
                  onChange={(event) => dispatch({ type: 'quantity', sku: line.sku, quantity: Number(event.target.value) || 1 })}
                />
              </td>
              <td className="number">{price ? money(price.lineTotal, quote!.currency) : '…'}</td>
              <td>
                <button type="button" className="danger" aria-label={w.removeLine(line.title)} onClick={() => dispatch({ type: 'remove', sku: line.sku })}>
                  ✕
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Where else the item is, nearest first (the other stores and the warehouse), for a line to deliver. */
function Elsewhere({ sku, storeId }: { sku: string; storeId: string }) {
  const w = useWords(words);
  const nearby = useNearby(sku, storeId);
  const rows = nearby.data?.items.filter((row) => row.locationId !== storeId && row.available > 0) ?? [];
  if (!rows.length) return null;
  return (
    <table className="register-elsewhere">
      <caption>{w.elsewhere}</caption>
      <thead>
        <tr>
          <th scope="col">{w.location}</th>
          <th scope="col" className="number">
            {w.distance}
          </th>
          <th scope="col" className="number">
            {w.available}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.locationId}>
            <td>{row.name}</td>
            <td className="number">{row.distanceKm.toLocaleString()} km</td>
            <td className="number">{row.available}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const nearbyQuery = (sku: string, storeId: string) => ({
  queryKey: ['nearby', sku, storeId],
  queryFn: () => must(api.GET('/v1/stock/{sku}/nearby', { params: { path: { sku }, query: { from: storeId } } })),
  staleTime: 30_000,
});

export const useNearby = (sku: string, storeId: string) => useQuery(nearbyQuery(sku, storeId));
