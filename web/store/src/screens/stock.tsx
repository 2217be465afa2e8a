import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'wouter';
import { api, must } from '../../../api/client.ts';
import { useLanguage } from '../i18n/index.tsx';
import { itemByCode } from '../items.ts';
import { useScanner } from '../scanner.ts';
import { useSession } from '../session.tsx';

/** An item's stock in every location, nearest first: on hand, reserved and available (staff ask for on hand). */
export default function StockScreen() {
  const { t } = useLanguage();
  const { store } = useSession();
  const params = useParams<{ sku?: string }>();
  const [, navigate] = useLocation();
  const [code, setCode] = useState(params.sku ?? '');
  const sku = params.sku;
  const show = async (typed: string) => {
    const item = await itemByCode(typed);
    navigate(`/stock/${encodeURIComponent(item?.sku ?? typed.trim())}`);
  };
  useScanner((scanned) => void show(scanned));
  const nearby = useQuery({
    queryKey: ['nearby', sku, store.id],
    enabled: !!sku,
    queryFn: () => must(api.GET('/v1/stock/{sku}/nearby', { params: { path: { sku: sku! }, query: { from: store.id } } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void show(code);
  };
  return (
    <section aria-labelledby="stock-title">
      <h1 id="stock-title">{t.stock.title}</h1>
      <form onSubmit={submit} className="row">
        <label className="grow">
          <span className="visually-hidden">{t.stock.search}</span>
          <input value={code} onChange={(event) => setCode(event.target.value)} placeholder={t.stock.search} aria-label={t.stock.search} />
        </label>
        <button type="submit" className="primary">
          {t.stock.find}
        </button>
      </form>
      {nearby.isError && <p role="alert">{t.stock.notFound}</p>}
      {nearby.data && (
        <table>
          <caption className="visually-hidden">{nearby.data.sku}</caption>
          <thead>
            <tr>
              <th scope="col">{t.stock.location}</th>
              <th scope="col">{t.stock.distance}</th>
              <th scope="col" className="number">
                {t.stock.onHand}
              </th>
              <th scope="col" className="number">
                {t.stock.reserved}
              </th>
              <th scope="col" className="number">
                {t.stock.available}
              </th>
            </tr>
          </thead>
          <tbody>
            {nearby.data.items.map((row) => (
              <tr key={row.locationId} className={row.locationId === store.id ? 'here' : undefined}>
                <td>
                  {row.name}
                  {row.locationId === store.id && <small> ({t.stock.here})</small>}
                </td>
                <td>{row.locationId === store.id ? '—' : `${row.distanceKm.toLocaleString()} km`}</td>
                <td className="number">{row.onHand}</td>
                <td className="number">{row.reserved}</td>
                <td className="number">{row.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
