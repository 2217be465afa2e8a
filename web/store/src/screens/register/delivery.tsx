import { useEffect, useState } from 'react';
import { useWords } from '../../i18n/index.tsx';
import type { Address, Customer } from './cart.ts';
import { words } from './words.ts';

export type AddressChoice = Address | null;

const toAddress = (address: Customer['addresses'][number]): Address => ({
  line1: address.line1,
  ...(address.line2 ? { line2: address.line2 } : {}),
  postalCode: address.postalCode,
  city: address.city,
  country: address.country,
});

/** Home delivery: one of the customer's addresses (the default one first), or another typed here. */
export function DeliveryPanel({ customer, value, onChange }: { customer: Customer; value: AddressChoice; onChange: (address: AddressChoice) => void }) {
  const w = useWords(words);
  const known = [...customer.addresses].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  const [chosen, setChosen] = useState<string>(() => known[0]?.id ?? 'other');
  const [other, setOther] = useState({ line1: '', postalCode: '', city: '' });
  const pick = (id: string, typed = other) => {
    setChosen(id);
    const address = known.find((each) => each.id === id);
    if (address) onChange(toAddress(address));
    else onChange(typed.line1 && typed.postalCode && typed.city ? { ...typed, country: 'FR' } : null);
  };
  // The customer's default address is the delivery address until the associate picks another.
  const first = known[0];
  useEffect(() => {
    if (first) onChange(toAddress(first));
  }, [first, onChange]);
  const type = (field: keyof typeof other, text: string) => {
    const typed = { ...other, [field]: text };
    setOther(typed);
    pick('other', typed);
  };
  return (
    <section aria-labelledby="delivery-title" className="card stack register-card">
      <h2 id="delivery-title">{w.delivery}</h2>
      <fieldset className="stack register-addresses">
        <legend>{w.deliveryAddress}</legend>
        {known.map((address) => (
          <label key={address.id} className="register-radio">
            <input type="radio" name="delivery-address" checked={chosen === address.id} onChange={() => pick(address.id)} />
            <span>
              {address.line1}, {address.postalCode} {address.city}
            </span>
          </label>
        ))}
        <label className="register-radio">
          <input type="radio" name="delivery-address" checked={chosen === 'other'} onChange={() => pick('other')} />
          <span>{w.otherAddress}</span>
        </label>
        {chosen === 'other' && (
          <>
            <label>
              {w.address}
              <input value={other.line1} onChange={(event) => type('line1', event.target.value)} autoComplete="off" />
            </label>
            <div className="row">
              <label className="grow">
                {w.postalCode}
                <input value={other.postalCode} onChange={(event) => type('postalCode', event.target.value)} autoComplete="off" />
              </label>
              <label className="grow">
                {w.city}
                <input value={other.city} onChange={(event) => type('city', event.target.value)} autoComplete="off" />
              </label>
            </div>
          </>
        )}
      </fieldset>
      {value === null && <p className="notice-bad">{w.needAddress}</p>}
    </section>
  );
}
