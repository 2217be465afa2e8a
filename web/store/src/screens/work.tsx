import { useParams } from 'wouter';
import { ItemScreen } from './work/item.tsx';
import { QueueScreen } from './work/queue.tsx';

/** The store's work queue (`/work`) and one order of it (`/work/:orderId/:groupId`). */
export default function WorkScreen() {
  const params = useParams<{ orderId?: string; groupId?: string }>();
  if (params.orderId && params.groupId) return <ItemScreen key={params.groupId} orderId={params.orderId} groupId={params.groupId} />;
  return <QueueScreen />;
}
