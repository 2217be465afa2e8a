import { useState } from 'react';
import { useLanguage, useWords } from '../i18n/index.tsx';
import { dismissRefused, heldSales, type QueuedSale } from './sales-queue.ts';
import { useOffline } from './use-offline.ts';

const words = {
  en: {
    offline: 'Offline',
    waiting: (count: number) => (count === 1 ? '1 sale waiting to be sent' : `${count} sales waiting to be sent`),
    refused: (count: number) => (count === 1 ? '1 sale refused by the server' : `${count} sales refused by the server`),
    soldAt: 'Sold',
    units: (count: number) => (count === 1 ? '1 item' : `${count} items`),
    resolved: 'Mark as resolved',
    noReason: 'No reason given.',
    serverNeeded: 'The server cannot be reached: card payments, deliveries and hand-overs must wait. Cash sales of shelf stock go on.',
  },
  fr: {
    offline: 'Hors ligne',
    waiting: (count: number) => (count === 1 ? '1 vente en attente d’envoi' : `${count} ventes en attente d’envoi`),
    refused: (count: number) => (count === 1 ? '1 vente refusée par le serveur' : `${count} ventes refusées par le serveur`),
    soldAt: 'Vendue le',
    units: (count: number) => (count === 1 ? '1 article' : `${count} articles`),
    resolved: 'Marquer comme traitée',
    noReason: 'Aucune raison donnée.',
    serverNeeded:
      'Le serveur est injoignable : les paiements par carte, les livraisons et les remises de commande doivent attendre. Les ventes en espèces du rayon continuent.',
  },
};

/**
 * The register's connection in the shell header: "Hors ligne — 2 ventes en attente d'envoi" while the server cannot
 * be reached or sales wait to be sent, and the sales the server refused, each with its reason, to resolve.
 */
export function OfflineStatus() {
  const w = useWords(words);
  const { online, queued, refused } = useOffline();
  const said = [online ? undefined : w.offline, queued > 0 ? w.waiting(queued) : undefined].filter(Boolean).join(' — ');
  return (
    <span className="offline-status">
      <span role="status" className={said ? 'offline-badge' : undefined}>
        {said}
      </span>
      {refused > 0 && <RefusedSales title={w.refused(refused)} />}
    </span>
  );
}

function RefusedSales({ title }: { title: string }) {
  const w = useWords(words);
  const { dateTime } = useLanguage();
  const [sales, setSales] = useState<QueuedSale[]>([]);
  const load = async () => setSales((await heldSales()).filter((sale) => sale.refused));
  return (
    <details className="offline-refused" onToggle={(event) => event.currentTarget.open && void load()}>
      <summary>{title}</summary>
      <ul>
        {sales.map((sale) => (
          <li key={sale.seq}>
            {w.soldAt} {dateTime(sale.soldOfflineAt)}, {w.units(sale.body.lines.reduce((units, line) => units + line.quantity, 0))} —{' '}
            {sale.refused?.detail ?? w.noReason}{' '}
            <button type="button" onClick={() => void dismissRefused(sale.seq).then(load)}>
              {w.resolved}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * What a screen shows in place of an action that needs the server (card payment, delivery, hand-over) while it
 * cannot be reached; nothing when it can: `<ServerNeededNotice />` beside the disabled action.
 */
export function ServerNeededNotice() {
  const w = useWords(words);
  const { online } = useOffline();
  return online ? null : <p className="notice-bad">{w.serverNeeded}</p>;
}
