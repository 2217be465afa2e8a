import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, must } from '../../../../api/client.ts';
import { useWords } from '../../i18n/index.tsx';
import type { Customer } from './cart.ts';
import { words } from './words.ts';

/** The sale's customer: optional for a shelf sale, found by name, email or phone, or created on the spot. */
export function CustomerPanel({
  customer,
  onChange,
  required,
}: {
  customer: Customer | null;
  onChange: (customer: Customer | null) => void;
  required: boolean;
}) {
  const w = useWords(words);
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const search = useMutation({
    mutationFn: (q: string) => must(api.GET('/v1/customers', { params: { query: { q, limit: 8 } } })),
  });
  const find = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) search.mutate(text.trim());
  };
  if (customer)
    return (
      <section aria-labelledby="customer-title" className="card stack register-card">
        <h2 id="customer-title">{w.customer}</h2>
        <p>
          <strong>
            {customer.firstName} {customer.lastName}
          </strong>
          <br />
          <small>{[...customer.emails, ...customer.phones].join(' · ')}</small>
        </p>
        <button type="button" onClick={() => onChange(null)}>
          {w.forget}
        </button>
      </section>
    );
  return (
    <section aria-labelledby="customer-title" className="card stack register-card">
      <h2 id="customer-title">{w.customer}</h2>
      {required ? <p className="notice-bad">{w.needCustomer}</p> : <small>{w.walkIn}</small>}
      <form onSubmit={find} className="row">
        <label className="grow">
          <span className="visually-hidden">{w.customerSearch}</span>
          <input
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={w.customerSearch}
            aria-label={w.customerSearch}
            autoComplete="off"
          />
        </label>
        <button type="submit">{w.find}</button>
      </form>
      {search.data && search.data.items.length === 0 && <p role="status">{w.noCustomer}</p>}
      {search.data && search.data.items.length > 0 && (
        <ul className="register-choices">
          {search.data.items.map((found) => (
            <li key={found.id}>
              <button type="button" onClick={() => onChange(found)}>
                <span>
                  {found.firstName} {found.lastName}
                </span>
                <small>{found.emails[0] ?? found.phones[0]}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
      {search.isError && (
        <p role="alert" className="error">
          {search.error.message}
        </p>
      )}
      {creating ? (
        <QuickCreate onCreated={onChange} onCancel={() => setCreating(false)} />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          {w.newCustomer}
        </button>
      )}
    </section>
  );
}

/** Name and an email or a phone; an address when the goods are delivered. */
function QuickCreate({ onCreated, onCancel }: { onCreated: (customer: Customer) => void; onCancel: () => void }) {
  const w = useWords(words);
  const create = useMutation({
    mutationFn: (form: FormData) => {
      const value = (name: string) => String(form.get(name) ?? '').trim();
      const [firstName, lastName, email, phone, line1, postalCode, city] = ['firstName', 'lastName', 'email', 'phone', 'line1', 'postalCode', 'city'].map(
        value,
      );
      const addresses =
        line1 && postalCode && city ? [{ name: `${firstName} ${lastName}`.trim(), line1, postalCode, city, country: 'FR', isDefault: true }] : [];
      return must(
        api.POST('/v1/customers', {
          body: { firstName: firstName!, lastName: lastName!, emails: email ? [email] : [], phones: phone ? [phone] : [], addresses },
        }),
      );
    },
    onSuccess: onCreated,
  });
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const none = !String(form.get('email')).trim() && !String(form.get('phone')).trim();
    setMissing(none);
    if (!none) create.mutate(form);
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={w.newCustomer}>
      <div className="row">
        <label className="grow">
          {w.firstName}
          <input name="firstName" required autoComplete="off" />
        </label>
        <label className="grow">
          {w.lastName}
          <input name="lastName" autoComplete="off" />
        </label>
      </div>
      <div className="row">
        <label className="grow">
          {w.email}
          <input name="email" type="email" autoComplete="off" />
        </label>
        <label className="grow">
          {w.phone}
          <input name="phone" type="tel" autoComplete="off" />
        </label>
      </div>
      <label>
        {w.address}
        <input name="line1" autoComplete="off" />
      </label>
      <div className="row">
        <label className="grow">
          {w.postalCode}
          <input name="postalCode" autoComplete="off" />
        </label>
        <label className="grow">
          {w.city}
          <input name="city" autoComplete="off" />
        </label>
      </div>
      {missing && (
        <p role="alert" className="error">
          {w.emailOrPhone}
        </p>
      )}
      {create.isError && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={onCancel}>
          {w.cancel}
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          {w.create}
        </button>
      </div>
    </form>
  );
}
