import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { api, must } from '../../../../api/client.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { Incoming } from './incoming.tsx';
import { PackPanel, Paperwork, ShipPanel } from './pack.tsx';
import { PickListLink } from './pick-list.tsx';
import { RejectLine } from './reject.tsx';
import { ScanPanel } from './scan.tsx';
import { idempotent, useRefreshWork, useWorkItem, workKeys } from './use-queue.ts';
import { words } from './words.ts';

const PICKING = ['to_pick', 'picking', 'to_prepare'];
const SCANNING = [...PICKING, 'to_pack'];
const REJECTABLE = ['to_pick', 'picking', 'to_pack', 'to_prepare'];

/** One delivery group of the queue: its lines and what is picked, then the step its stage calls for. */
export function ItemScreen({ orderId, groupId }: { orderId: string; groupId: string }) {
  const w = useWords(words);
  const { dateTime, t } = useLanguage();
  const { store } = useSession();
  const [, navigate] = useLocation();
  const queries = useQueryClient();
  const refresh = useRefreshWork(store.id);
  const { queue, order, pick, item, lastSeen, group } = useWorkItem(store.id, orderId, groupId);
  const pickList = useMutation({
    mutationFn: () => must(api.POST('/v1/locations/{id}/pick-lists', { params: { path: { id: store.id } }, body: { groupIds: [groupId] }, ...idempotent() })),
    onSuccess: () => refresh(),
  });
  const ready = useMutation({
    mutationFn: () =>
      must(api.POST('/v1/orders/{id}/delivery-groups/{groupId}/ready-for-pickup', { params: { path: { id: orderId, groupId } }, ...idempotent() })),
    onSuccess: (updated) => (queries.setQueryData(workKeys.order(store.id, orderId), updated), refresh()),
  });

  if (order.isError)
    return (
      <section>
        <BackLink />
        <p role="alert" className="error">
          {order.error.message}
        </p>
      </section>
    );
  if (!order.data || !group || queue.isPending) return <p>{t.loading}</p>;

  const stage = item?.stage ?? null;
  const orderNumber = order.data.number;
  const lines =
    item?.lines.map((line) => ({ ...line, required: line.quantity })) ??
    pick.data?.lines.map((line) => ({ ...line, quantity: line.required, stock: null })) ??
    [];
  const pickedOf = (lineId: string) =>
    pick.data?.lines.find((line) => line.lineId === lineId)?.picked ?? lines.find((line) => line.lineId === lineId)?.picked ?? 0;
  const address = group.address ? [group.address.line1, group.address.postalCode, group.address.city].filter(Boolean).join(', ') : null;

  return (
    <section aria-labelledby="item-title" className="work stack">
      <BackLink />
      <h1 id="item-title">
        {w.order} {orderNumber}
      </h1>
      <p className="work-facts">
        <span>
          <small>{w.customer}</small> {lastSeen?.customerName ?? group.recipient}
        </span>
        <span className="work-tag">{w.method[group.method]}</span>
        {stage && <span className="work-tag">{w.stages[stage]}</span>}
        {group.promisedAt && (
          <span>
            <small>{w.promised}</small> {dateTime(group.promisedAt)}
          </span>
        )}
        {address && (
          <span>
            <small>{w.address}</small> {group.recipient || lastSeen?.customerName} — {address}
          </span>
        )}
      </p>
      {group.mergedShipmentId && <p className="notice-ok">{w.mergedShipment}</p>}

      <table>
        <caption className="visually-hidden">{w.lines}</caption>
        <thead>
          <tr>
            <th scope="col">{w.sku}</th>
            <th scope="col">{w.item}</th>
            <th scope="col" className="number">
              {w.picked}
            </th>
            <th scope="col" className="number">
              {w.onHand}
            </th>
            <th scope="col" className="number">
              {w.reserved}
            </th>
            <th scope="col" className="number">
              {w.available}
            </th>
            {stage && REJECTABLE.includes(stage) && (
              <th scope="col">
                <span className="visually-hidden">{w.reject}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const picked = pickedOf(line.lineId);
            return (
              <tr key={line.lineId} className={picked >= line.quantity ? 'work-done' : undefined}>
                <td>{line.sku}</td>
                <td>{line.title}</td>
                <td className="number">
                  <span className="work-progress">
                    {picked}/{line.quantity}
                  </span>
                  {picked >= line.quantity && <span aria-hidden="true"> ✓</span>}
                </td>
                <td className="number">{line.stock?.onHand ?? '—'}</td>
                <td className="number">{line.stock?.reserved ?? '—'}</td>
                <td className="number">{line.stock?.available ?? '—'}</td>
                {stage && REJECTABLE.includes(stage) && (
                  <td>
                    <RejectLine
                      orderId={orderId}
                      groupId={groupId}
                      line={{ lineId: line.lineId, title: line.title, left: line.quantity }}
                      onRejected={() => (void refresh(), navigate(`/work?rejected=${encodeURIComponent(orderNumber)}`))}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      {stage && PICKING.includes(stage) && (
        <>
          <div className="row">
            <button type="button" onClick={() => pickList.mutate()} disabled={pickList.isPending}>
              {w.printPickList}
            </button>
            {pickList.data && <PickListLink list={pickList.data} />}
          </div>
          {pickList.isError && (
            <p role="alert" className="error">
              {pickList.error.message}
            </p>
          )}
        </>
      )}
      {/* Kept at to_pack: the last scan's words stay on screen, and one more is refused as one too many. */}
      {stage && SCANNING.includes(stage) && <ScanPanel orderId={orderId} groupId={groupId} />}

      {stage === 'to_prepare' && (
        <section aria-labelledby="ready-title" className="card stack">
          <h2 id="ready-title">{w.markReady}</h2>
          <p>
            <small>{w.markReadyHint}</small>
          </p>
          <div className="row">
            <button type="button" className={pick.data?.complete ? 'primary big' : 'big'} disabled={ready.isPending} onClick={() => ready.mutate()}>
              {w.markReady}
            </button>
          </div>
          {ready.isError && (
            <p role="alert" className="error">
              {ready.error.message}
            </p>
          )}
        </section>
      )}

      {stage === 'to_pack' && (
        <>
          <Paperwork orderId={orderId} groupId={groupId} label={false} />
          <PackPanel orderId={orderId} groupId={groupId} />
        </>
      )}
      {stage === 'to_ship' && (
        <>
          <Paperwork orderId={orderId} groupId={groupId} label={false} />
          <ShipPanel orderId={orderId} groupId={groupId} />
        </>
      )}
      {stage === 'incoming' && item && <Incoming item={item} onReceived={() => void refresh()} />}

      {group.status === 'ready_for_pickup' && group.pickupCode && (
        <div className="notice-ok" role="status">
          <p>{w.ready(group.pickupCode)}</p>
          {group.pickupBy && (
            <p>
              {w.pickupBy} {dateTime(group.pickupBy)}
            </p>
          )}
        </div>
      )}
      {(group.status === 'shipped' || group.status === 'delivered') && (
        <>
          <p className="notice-ok" role="status">
            {w.shipped(group.carrier ?? '', group.trackingNumber ?? '')}{' '}
            {group.trackingUrl && (
              <a href={group.trackingUrl} target="_blank" rel="noreferrer">
                {group.trackingUrl}
              </a>
            )}
          </p>
          <Paperwork orderId={orderId} groupId={groupId} label />
        </>
      )}
      {!stage && group.status !== 'shipped' && group.status !== 'delivered' && group.status !== 'ready_for_pickup' && <p>{w.done}</p>}
    </section>
  );
}

function BackLink() {
  const w = useWords(words);
  return (
    <p>
      <Link href="/work">← {w.back}</Link>
    </p>
  );
}
