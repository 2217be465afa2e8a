import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, must } from '../../../../api/client.ts';
import { useWords } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { idempotent, useCarriers, useRefreshWork } from './use-queue.ts';
import { words } from './words.ts';

const BOXES = ['S', 'M', 'L', 'envelope'] as const;
type Parcel = { box: string; weight: string };
type Group = { orderId: string; groupId: string };

/** Pack a shipment: one or more parcels, each with its box and weight; the packing slip to put in. */
export function PackPanel({ orderId, groupId }: Group) {
  const w = useWords(words);
  const { store } = useSession();
  const refresh = useRefreshWork(store.id);
  const [parcels, setParcels] = useState<Parcel[]>([{ box: 'M', weight: '' }]);
  const pack = useMutation({
    mutationFn: () =>
      must(
        api.POST('/v1/orders/{id}/delivery-groups/{groupId}/parcels', {
          params: { path: { id: orderId, groupId } },
          body: { parcels: parcels.map((parcel) => ({ box: parcel.box, weightGrams: Number(parcel.weight) })) },
          ...idempotent(),
        }),
      ),
    onSuccess: () => refresh(),
  });
  const change = (index: number, patch: Partial<Parcel>) => setParcels((now) => now.map((parcel, at) => (at === index ? { ...parcel, ...patch } : parcel)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pack.mutate();
  };
  return (
    <section aria-labelledby="pack-title" className="card stack">
      <h2 id="pack-title">{w.pack}</h2>
      <form onSubmit={submit} className="stack">
        {parcels.map((parcel, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parcels have no identity before they are packed
          <fieldset key={index} className="row work-parcel">
            <legend>{w.parcel(index + 1)}</legend>
            <label className="grow">
              {w.box}
              <select value={parcel.box} onChange={(event) => change(index, { box: event.target.value })}>
                {BOXES.map((box) => (
                  <option key={box} value={box}>
                    {w.boxes[box]}
                  </option>
                ))}
              </select>
            </label>
            <label className="grow">
              {w.weight}
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={100000}
                required
                value={parcel.weight}
                onChange={(event) => change(index, { weight: event.target.value })}
              />
            </label>
            {parcels.length > 1 && (
              <button type="button" onClick={() => setParcels((now) => now.filter((_, at) => at !== index))}>
                {w.removeParcel}
              </button>
            )}
          </fieldset>
        ))}
        <div className="row">
          <button type="button" onClick={() => setParcels((now) => [...now, { box: 'M', weight: '' }])}>
            {w.addParcel}
          </button>
          <button type="submit" className="primary" disabled={pack.isPending}>
            {w.packSubmit}
          </button>
        </div>
        {pack.isError && (
          <p role="alert" className="error">
            {pack.error.message}
          </p>
        )}
      </form>
    </section>
  );
}

/** Ship a packed shipment with a carrier: a typed carrier and tracking number (manual), or the carrier's own. */
export function ShipPanel({ orderId, groupId }: Group) {
  const w = useWords(words);
  const { store } = useSession();
  const refresh = useRefreshWork(store.id);
  const carriers = useCarriers();
  const [carrier, setCarrier] = useState('');
  const [service, setService] = useState('');
  const [carrierName, setCarrierName] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const chosen = carriers.data?.items.find((item) => item.name === carrier) ?? carriers.data?.items[0];
  const ship = useMutation({
    mutationFn: async () => {
      const path = { id: orderId, groupId };
      if (!chosen) throw new Error('No carrier');
      // A tracking link typed by the associate: shipped as such (the carrier step cannot take a link).
      if (chosen.typedByStaff && trackingUrl.trim())
        return must(
          api.POST('/v1/orders/{id}/delivery-groups/{groupId}/ship', {
            params: { path },
            body: { carrier: carrierName.trim(), trackingNumber: trackingNumber.trim(), trackingUrl: trackingUrl.trim() },
            ...idempotent(),
          }),
        );
      return must(
        api.POST('/v1/orders/{id}/delivery-groups/{groupId}/dispatch', {
          params: { path },
          body: {
            carrier: chosen.name,
            ...(service ? { service } : {}),
            ...(chosen.typedByStaff ? { carrierName: carrierName.trim(), trackingNumber: trackingNumber.trim() } : {}),
          },
          ...idempotent(),
        }),
      );
    },
    onSuccess: () => refresh(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ship.mutate();
  };
  return (
    <section aria-labelledby="ship-title" className="card stack">
      <h2 id="ship-title">{w.ship}</h2>
      <form onSubmit={submit} className="stack">
        <div className="row">
          <label className="grow">
            {w.carrier}
            <select value={chosen?.name ?? ''} onChange={(event) => (setCarrier(event.target.value), setService(''))}>
              {carriers.data?.items.map((item) => (
                <option key={item.name} value={item.name}>
                  {item.name === 'manual' ? w.manualCarrier : item.title}
                </option>
              ))}
            </select>
          </label>
          {chosen && chosen.services.length > 0 && (
            <label className="grow">
              {w.service}
              <select value={service} onChange={(event) => setService(event.target.value)}>
                <option value="">—</option>
                {chosen.services.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {chosen?.typedByStaff && (
          <div className="row">
            <label className="grow">
              {w.carrierName}
              <input value={carrierName} onChange={(event) => setCarrierName(event.target.value)} required placeholder="Colissimo" />
            </label>
            <label className="grow">
              {w.trackingNumber}
              <input value={trackingNumber} onChange={(event) => setTrackingNumber(event.target.value)} required autoComplete="off" />
            </label>
            <label className="grow">
              {w.trackingUrl}
              <input type="url" value={trackingUrl} onChange={(event) => setTrackingUrl(event.target.value)} placeholder="https://" />
            </label>
          </div>
        )}
        <div className="row">
          <button type="submit" className="primary big" disabled={ship.isPending || !chosen}>
            {w.ship}
          </button>
        </div>
        {ship.isError && (
          <p role="alert" className="error">
            {ship.error.message}
          </p>
        )}
      </form>
    </section>
  );
}

/** The paper of a shipment: the packing slip (always) and the label (once it has a carrier). */
export function Paperwork({ orderId, groupId, label }: Group & { label: boolean }) {
  const w = useWords(words);
  const base = `/v1/orders/${orderId}/delivery-groups/${groupId}`;
  return (
    <p className="row">
      <a className="button" href={`${base}/packing-slip`} target="_blank" rel="noreferrer">
        {w.packingSlip} (PDF)
      </a>
      {label && (
        <a className="button" href={`${base}/label`} target="_blank" rel="noreferrer">
          {w.label} (PDF)
        </a>
      )}
    </p>
  );
}
