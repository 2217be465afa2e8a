import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem, api, must } from '../../api/client.ts';
import type { components } from '../../api/schema.ts';
import { useLanguage } from './i18n/index.tsx';

export type Register = components['schemas']['Register'];
type Location = components['schemas']['Location'];

/** Who is signed in, for which store, at which register of this device. */
export interface StoreSession {
  role: 'admin' | 'store' | 'channel';
  userId: string | null;
  store: Location;
  /** The register this device is (kept on the device: a till does not move); null when the store has none. */
  register: Register | null;
  signOut: () => void;
}

const Context = createContext<StoreSession | null>(null);
const STORE_KEY = 'aisle.store.location';
const REGISTER_KEY = 'aisle.store.register';

export function useSession(): StoreSession {
  const session = useContext(Context);
  if (!session) throw new Error('useSession outside SessionGate');
  return session;
}

/** Signs the staff member in, then binds the app to their store (an admin picks one) and to this device's register. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  const queries = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const { data, response } = await api.GET('/v1/auth/me');
      if (response.status === 401) return null;
      if (!data) throw new ApiProblem({ status: response.status });
      return data;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [storeId, setStoreId] = useState(() => localStorage.getItem(STORE_KEY));
  const locationId = me.data?.role === 'store' ? me.data.locationId : storeId;
  const store = useQuery({
    queryKey: ['location', locationId],
    enabled: !!locationId,
    queryFn: () => must(api.GET('/v1/locations/{id}', { params: { path: { id: locationId! } } })),
  });
  const registers = useQuery({
    queryKey: ['registers', locationId],
    enabled: !!locationId,
    queryFn: () => must(api.GET('/v1/locations/{id}/registers', { params: { path: { id: locationId! } } })),
  });
  const [registerId, setRegisterId] = useState(() => localStorage.getItem(REGISTER_KEY));
  const signOut = async () => {
    await api.POST('/v1/auth/logout');
    localStorage.removeItem(STORE_KEY);
    queries.clear();
    setStoreId(null);
  };

  if (me.isPending) return <p className="centered">{t.loading}</p>;
  if (me.isError) return <Retry onRetry={() => me.refetch()} />;
  if (!me.data) return <SignIn />;
  if (!locationId) return <ChooseStore onChoose={(id) => (localStorage.setItem(STORE_KEY, id), setStoreId(id))} />;
  if (store.isPending || registers.isPending) return <p className="centered">{t.loading}</p>;
  if (store.isError || registers.isError) return <Retry onRetry={() => (store.refetch(), registers.refetch())} />;
  const tills = registers.data.items;
  const register = tills.find((till) => till.id === registerId) ?? (tills.length === 1 ? tills[0]! : null);
  if (!register && tills.length > 1)
    return (
      <main className="centered panel">
        <h1>{t.chooseRegister}</h1>
        {tills.map((till) => (
          <button type="button" key={till.id} className="big" onClick={() => (localStorage.setItem(REGISTER_KEY, till.id), setRegisterId(till.id))}>
            {till.name}
          </button>
        ))}
      </main>
    );
  const session: StoreSession = { role: me.data.role, userId: me.data.userId, store: store.data, register, signOut };
  return <Context.Provider value={session}>{children}</Context.Provider>;
}

function Retry({ onRetry }: { onRetry: () => void }) {
  const { t } = useLanguage();
  return (
    <p className="centered">
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    </p>
  );
}

function SignIn() {
  const { t } = useLanguage();
  const queries = useQueryClient();
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => must(api.POST('/v1/auth/login', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me'] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
  };
  return (
    <main className="centered panel">
      <h1>{t.signIn.title}</h1>
      <form onSubmit={submit} className="stack">
        <label>
          {t.signIn.email}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t.signIn.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {signIn.isError && (
          <p role="alert" className="error">
            {t.signIn.failed}
          </p>
        )}
        <button type="submit" className="primary big" disabled={signIn.isPending}>
          {t.signIn.submit}
        </button>
      </form>
    </main>
  );
}

function ChooseStore({ onChoose }: { onChoose: (id: string) => void }) {
  const { t } = useLanguage();
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => must(api.GET('/v1/locations', { params: { query: { type: 'store' } } })) });
  return (
    <main className="centered panel">
      <h1>{t.chooseStore}</h1>
      {stores.data?.items.map((store) => (
        <button type="button" key={store.id} className="big" onClick={() => onChoose(store.id)}>
          {store.name}
        </button>
      ))}
    </main>
  );
}
