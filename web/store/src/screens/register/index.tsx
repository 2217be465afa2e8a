import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useState } from 'react';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { itemByCode, searchItems, type Variant } from '../../items.ts';
import { rememberedItem, rememberItem, rememberPrices, shelfTotal } from '../../offline/price-book.ts';
import { serverReached } from '../../offline/sync.ts';
import { useOffline } from '../../offline/use-offline.ts';
import { buzz, useScanner } from '../../scanner.ts';
import { useSession } from '../../session.tsx';
import { cartReducer, deliveryOf, EMPTY_CART } from './cart.ts';
import { CartTable, ItemSearch, nearbyQuery } from './cart-view.tsx';
import { CustomerPanel } from './customer.tsx';
import { DeliveryPanel, type AddressChoice } from './delivery.tsx';
import { PaymentPanel } from './payment.tsx';
import { placeSale, type Order } from './place-sale.ts';
import { KeptOfflineView, ReceiptView } from './receipt.tsx';
import { orderOf, quoteOf, type Tender, type Where } from './sale.ts';
import { OpenRegister, SessionBar } from './session.tsx';
import { words } from './words.ts';

type Report = components['schemas']['RegisterSessionReport'];

/** The register: open it, ring up a sale (shelf or delivered), take the money, print the receipt, close it. */
export default function RegisterScreen() {
  const w = useWords(words);
  const { store, register } = useSession();
  const [closed, setClosed] = useState<Report | null>(null);
  const channel = useQuery({
    queryKey: ['register-channel', store.id],
    queryFn: async () =>
      (await must(api.GET('/v1/channels', { params: { query: { type: 'register' } } }))).items.find((each) => each.storeLocationId === store.id) ?? null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!register) return <p role="alert">{w.noRegister}</p>;
  if (channel.isPending) return null;
  if (!channel.data) return <p role="alert">{w.noRegister}</p>;
  const currency = channel.data.currency;
  if (!register.openSession) return <OpenRegister register={register} currency={currency} closed={closed} />;
  return (
    <section aria-labelledby="register-title" className="stack">
      <h1 id="register-title" className="visually-hidden">
        {w.title}
      </h1>
      <SessionBar register={register} onClosed={setClosed} />
      <Sale where={{ storeId: store.id, channelId: channel.data.id, registerId: register.id }} currency={currency} />
    </section>
  );
}

function Sale({ where, currency }: { where: Where; currency: string }) {
  const w = useWords(words);
  const { money } = useLanguage();
  const queries = useQueryClient();
  const [cart, dispatch] = useReducer(cartReducer, EMPTY_CART);
  const [matches, setMatches] = useState<Variant[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [address, setAddress] = useState<AddressChoice>(null);
  const [done, setDone] = useState<{ order: Order; change: number } | { queued: number; change: number; currency: string } | null>(null);
  const { online } = useOffline();
  const [saleId, setSaleId] = useState(() => crypto.randomUUID());
  const key = useRef<{ body: string; key: string } | null>(null);

  const newSale = () => {
    dispatch({ type: 'clear' });
    setDone(null);
    setAddress(null);
    setMessage(null);
    key.current = null;
    setSaleId(crypto.randomUUID());
  };
  const add = (item: Variant) => {
    setMatches([]);
    setMessage(null);
    rememberItem(item);
    const fresh = !cart.lines.some((line) => line.sku === item.sku);
    dispatch({ type: 'add', item });
    // An item this store has none of is delivered from where it is (Endless Aisle).
    if (fresh && online)
      void queries
        .fetchQuery(nearbyQuery(item.sku, where.storeId))
        .then((nearby) => {
          const here = nearby.items.find((row) => row.locationId === where.storeId);
          if (!here || here.available <= 0) dispatch({ type: 'mode', sku: item.sku, mode: 'deliver' });
        })
        .catch(() => undefined);
  };
  const addByCode = async (text: string) => {
    if (done) newSale();
    // Offline, the items this register has sold or priced before are known on the device.
    const offline = !online || !navigator.onLine;
    const known = offline ? rememberedItem(text) : undefined;
    if (known) return add(known.item);
    // An item scanned again is known: its line grows without asking the server.
    const item = await queries
      .fetchQuery({
        queryKey: ['item-by-code', text.trim()],
        queryFn: () => itemByCode(text),
        staleTime: (query) => (query.state.data ? 300_000 : 0),
        retry: false,
      })
      .catch(() => null);
    if (item) return add(item);
    // The server did not answer (not yet known to be away): what the device remembers.
    const remembered = rememberedItem(text);
    if (remembered) return add(remembered.item);
    const found = await searchItems(text).catch(() => []);
    if (found.length === 1) return add(found[0]!);
    setMatches(found);
    if (!found.length) {
      setMessage(`${w.notFound} (${text.trim()})`);
      buzz();
    }
  };
  useScanner((code) => void addByCode(code));

  const delivery = deliveryOf(cart);
  const quote = useQuery({
    queryKey: ['quote', quoteOf(cart, where)],
    queryFn: async () => {
      try {
        return await must(api.POST('/v1/quotes', { body: quoteOf(cart, where) }));
      } catch (error) {
        // fetch throws only when the server cannot be reached: the register is offline.
        if (error instanceof TypeError) serverReached(false);
        throw error;
      }
    },
    enabled: cart.lines.length > 0 && online,
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (quote.data) rememberPrices(quote.data.currency, quote.data.lines);
  }, [quote.data]);
  // Offline, a cash sale is priced at the shelf prices this device remembers (the server checks it on arrival).
  const offlineTotal = online ? null : shelfTotal(cart.lines);
  const current = quote.data && !quote.isPlaceholderData && cart.lines.length > 0 ? quote.data : undefined;
  const deliveryReady = delivery === 'none' || (delivery === 'all' && cart.customer !== null && address !== null);

  const place = useMutation({
    mutationFn: ({ tenders }: { tenders: Tender[] }) => {
      const body = orderOf(cart, where, tenders, address);
      const json = JSON.stringify(body);
      // One key per sale as charged: a retry of the same sale is recorded once; a changed sale is a new one.
      if (key.current?.body !== json) key.current = { body: json, key: crypto.randomUUID() };
      return placeSale(body, key.current.key);
    },
    onSuccess: (result, { tenders }) => {
      const cash = tenders.find((tender) => tender.method === 'cash');
      const change = cash && cash.method === 'cash' ? (cash.tendered ?? cash.amount) - cash.amount : 0;
      if (result.kind === 'queued') return setDone({ queued: result.position, change, currency: offlineTotal?.currency ?? currency });
      setDone({ order: result.order, change });
      void queries.invalidateQueries({ queryKey: ['nearby'] });
    },
  });

  if (done && 'queued' in done) return <KeptOfflineView position={done.queued} change={done.change} currency={done.currency} onNewSale={newSale} />;
  if (done) return <ReceiptView order={done.order} change={done.change} onNewSale={newSale} />;
  return (
    <div className="columns">
      <div className="stack">
        <ItemSearch onCode={(text) => void addByCode(text)} matches={matches} onPick={add} message={message} />
        <CartTable lines={cart.lines} quote={current ?? quote.data} dispatch={dispatch} storeId={where.storeId} />
        {delivery === 'mixed' && <p className="notice-bad">{w.mixed}</p>}
      </div>
      <div className="stack">
        <CustomerPanel
          customer={cart.customer}
          onChange={(customer) => {
            setAddress(null);
            dispatch({ type: 'customer', customer });
          }}
          required={delivery !== 'none'}
        />
        {delivery !== 'none' && cart.customer && <DeliveryPanel key={cart.customer.id} customer={cart.customer} value={address} onChange={setAddress} />}
        {cart.lines.length > 0 && (
          <section aria-labelledby="totals-title" className="card">
            <h2 id="totals-title" className="visually-hidden">
              {w.total}
            </h2>
            {online && (current ?? quote.data) && <Totals quote={(current ?? quote.data)!} />}
            {!online && (
              <p className="notice-bad" data-testid="offline-total">
                {offlineTotal ? w.offlineTotal(money(offlineTotal.total, offlineTotal.currency)) : w.offlineUnpriced}
              </p>
            )}
            {online && quote.isError && (
              <p role="alert" className="error">
                {quote.error.message}
              </p>
            )}
          </section>
        )}
        {cart.lines.length > 0 && (
          <PaymentPanel
            total={offlineTotal?.total ?? current?.totals.total ?? 0}
            currency={offlineTotal?.currency ?? current?.currency ?? currency}
            saleKey={saleId}
            cashOnly={!online}
            disabled={online ? !current || !deliveryReady : !offlineTotal || delivery !== 'none'}
            busy={place.isPending}
            onCharge={(tenders) => place.mutate({ tenders })}
          />
        )}
        {place.isError && (
          <p role="alert" className="error">
            {place.error.message}
          </p>
        )}
      </div>
    </div>
  );
}

function Totals({ quote }: { quote: components['schemas']['Quote'] }) {
  const w = useWords(words);
  const { money } = useLanguage();
  const { totals, currency } = quote;
  const rows: [string, number][] = [[w.subtotal, totals.subtotal]];
  if (totals.discountTotal) rows.push([w.discounts, -totals.discountTotal]);
  if (totals.shippingTotal || quote.deliveryGroups.some((group) => group.method === 'ship_to_address')) rows.push([w.shipping, totals.shippingTotal]);
  if (totals.packingTotal || quote.deliveryGroups.some((group) => group.method === 'ship_to_address')) rows.push([w.packing, totals.packingTotal]);
  return (
    <dl className="register-totals">
      {rows.map(([label, amount]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="number">{money(amount, currency)}</dd>
        </div>
      ))}
      <div className="total">
        <dt>{w.total}</dt>
        <dd className="number" data-testid="total">
          {money(totals.total, currency)}
        </dd>
      </div>
      <div>
        <dt>
          <small>{w.tax}</small>
        </dt>
        <dd className="number">
          <small>{money(totals.taxTotal, currency)}</small>
        </dd>
      </div>
    </dl>
  );
}
