import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, must } from '../../../../api/client.ts';
import { useLanguage, useWords } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { Incoming } from './incoming.tsx';
import { PickListLink } from './pick-list.tsx';
import { idempotent, STAGES, useQueue, useRefreshWork, type Stage, type WorkItem } from './use-queue.ts';
import { words } from './words.ts';

/** The store's work: a tab per stage with its count, the groups oldest promise first, a pick list for a batch. */
export function QueueScreen() {
  const w = useWords(words);
  const { store } = useSession();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const stage = (STAGES as string[]).includes(search.get('stage') ?? '') ? (search.get('stage') as Stage) : 'all';
  const queue = useQueue(store.id, stage);
  const counts = queue.data?.counts;
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : undefined;
  const [selected, setSelected] = useState<string[]>([]);
  const [flash, setFlash] = useState<string | null>(null);
  const rejected = search.get('rejected');
  const notice = flash ?? (rejected ? w.rejected(rejected) : null);
  const refresh = useRefreshWork(store.id);
  const pickList = useMutation({
    mutationFn: (body: { groupIds: string[] } | { limit: number }) =>
      must(api.POST('/v1/locations/{id}/pick-lists', { params: { path: { id: store.id } }, body, ...idempotent() })),
    onSuccess: () => (setSelected([]), refresh()),
  });
  const pickable = (item: WorkItem) => ['to_pick', 'picking', 'to_prepare'].includes(item.stage);

  return (
    <section aria-labelledby="work-title" className="work">
      <h1 id="work-title">{w.title}</h1>
      {notice && (
        <p className="notice-ok" role="status">
          {notice}
        </p>
      )}
      <nav aria-label={w.stagesLabel} className="work-stages">
        {(['all', ...STAGES] as const).map((name) => (
          <button
            type="button"
            key={name}
            aria-pressed={stage === name}
            className={stage === name ? 'primary' : undefined}
            onClick={() => navigate(name === 'all' ? '/work' : `/work?stage=${name}`)}
          >
            {w.stages[name]} <span className="badge">{name === 'all' ? (total ?? '…') : (counts?.[name] ?? '…')}</span>
          </button>
        ))}
      </nav>

      <div className="row work-batch">
        <button type="button" disabled={selected.length === 0 || pickList.isPending} onClick={() => pickList.mutate({ groupIds: selected })}>
          {w.printSelected(selected.length)}
        </button>
        <button type="button" disabled={pickList.isPending} onClick={() => pickList.mutate({ limit: 10 })}>
          {w.printNext}
        </button>
        {pickList.data && <PickListLink list={pickList.data} />}
      </div>
      {pickList.isError && (
        <p role="alert" className="error">
          {pickList.error.message}
        </p>
      )}
      {queue.isError && (
        <p role="alert" className="error">
          {queue.error.message}
        </p>
      )}
      {queue.data && queue.data.items.length === 0 && <p>{w.empty}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <ul className="work-list">
          {queue.data.items.map((item) => (
            <li key={item.groupId} className="card work-item">
              {pickable(item) && (
                <label className="work-select">
                  <input
                    type="checkbox"
                    checked={selected.includes(item.groupId)}
                    onChange={(event) => setSelected((now) => (event.target.checked ? [...now, item.groupId] : now.filter((id) => id !== item.groupId)))}
                  />
                  <span className="visually-hidden">{w.select(item.orderNumber)}</span>
                </label>
              )}
              <ItemSummary item={item} />
              {item.stage === 'incoming' && <Incoming item={item} onReceived={setFlash} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ItemSummary({ item }: { item: WorkItem }) {
  const w = useWords(words);
  const { dateTime } = useLanguage();
  const units = item.lines.reduce((sum, line) => sum + line.quantity, 0);
  const picked = item.lines.reduce((sum, line) => sum + line.picked, 0);
  return (
    <div className="grow work-summary">
      <Link href={`/work/${item.orderId}/${item.groupId}`} aria-label={w.open(item.orderNumber)} className="work-open">
        <strong>{item.orderNumber}</strong>
      </Link>
      <span>{item.customerName}</span>
      <span>
        {w.promised} {item.promisedAt ? <time dateTime={item.promisedAt}>{dateTime(item.promisedAt)}</time> : w.noDate}
      </span>
      <span>
        {w.linesCount(item.lines.length)}
        {picked > 0 && ` · ${w.picked} ${picked}/${units}`}
      </span>
      <span className="work-tags">
        <span className="work-tag">{w.method[item.method]}</span>
        <span className="work-tag">{w.stages[item.stage]}</span>
      </span>
      <ul className="work-lines">
        {item.lines.map((line) => (
          <li key={line.lineId}>
            {line.quantity} × {line.title} <small>({line.sku})</small>{' '}
            <small>
              {w.onHand} {line.stock.onHand} · {w.reserved} {line.stock.reserved} · {w.available} {line.stock.available}
            </small>
          </li>
        ))}
      </ul>
    </div>
  );
}
