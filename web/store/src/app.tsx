import { lazy, Suspense, useEffect } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { useLanguage, type Language } from './i18n/index.tsx';
import { useLiveUpdates } from './live.ts';
import { OfflineStatus } from './offline/offline-status.tsx';
import { startOfflineSync } from './offline/sync.ts';
import { SessionGate, useSession } from './session.tsx';

const RegisterScreen = lazy(() => import('./screens/register.tsx'));
const CounterScreen = lazy(() => import('./screens/counter.tsx'));
const WorkScreen = lazy(() => import('./screens/work.tsx'));
const StockScreen = lazy(() => import('./screens/stock.tsx'));

/** The store app: signed in, bound to a store and a register, one screen per job. */
export function App() {
  // Queued cash sales are sent when the server is back, even before anyone signs in again (the session cookie is kept).
  useEffect(startOfflineSync, []);
  return (
    <SessionGate>
      <Shell />
    </SessionGate>
  );
}

function Shell() {
  const { t, language, setLanguage } = useLanguage();
  const { store, register, signOut } = useSession();
  useLiveUpdates();
  const tabs = [
    ['/register', t.nav.register],
    ['/counter', t.nav.counter],
    ['/work', t.nav.work],
    ['/stock', t.nav.stock],
  ] as const;
  return (
    <>
      <header className="top">
        <span className="brand">
          {store.name}
          {register && <small> · {register.name}</small>}
        </span>
        <nav aria-label={t.appName}>
          {tabs.map(([path, label]) => (
            <Link key={path} href={path} className={(active) => (active ? 'tab active' : 'tab')}>
              {label}
            </Link>
          ))}
        </nav>
        <OfflineStatus />
        <label className="language">
          <span className="visually-hidden">{t.language}</span>
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" onClick={signOut}>
          {t.signOut}
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<p>{t.loading}</p>}>
          <Switch>
            <Route path="/register" component={RegisterScreen} />
            <Route path="/counter" component={CounterScreen} />
            <Route path="/counter/:orderId" component={CounterScreen} />
            <Route path="/work" component={WorkScreen} />
            <Route path="/work/:orderId/:groupId" component={WorkScreen} />
            <Route path="/stock" component={StockScreen} />
            <Route path="/stock/:sku" component={StockScreen} />
            <Route>
              <Redirect to="/register" />
            </Route>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
