import { useParams } from 'wouter';
import { FindOrder } from './counter/find.tsx';
import { OrderAtCounter } from './counter/order.tsx';

/**
 * The Click & Collect counter: /counter finds the order (scanner, camera, pickup code or number; the orders waiting
 * here), /counter/:orderId shows it and hands it over, money taken, in one request.
 */
export default function CounterScreen() {
  const { orderId } = useParams<{ orderId?: string }>();
  return orderId ? <OrderAtCounter key={orderId} orderId={orderId} /> : <FindOrder />;
}
