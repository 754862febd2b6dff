import { useCallback, useEffect, useRef, useState } from "react";
import { request, subscribe } from "./graphql.js";
import { useSession } from "./session.jsx";

/** Runs a query now and on reload(); data stays while a reload is under way. */
export function useQuery(query, variables) {
  const { credential } = useSession();
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const key = JSON.stringify(variables || {});
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await request(credential, query, JSON.parse(key));
      if (ticket === latest.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ ...previous, error, loading: false }));
    }
  }, [credential, query, key]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { ...state, reload };
}

/** A subscription for as long as the component is shown (and `enabled`). */
export function useSubscription(query, variables, onData, enabled = true) {
  const { ws } = useSession();
  const handler = useRef(onData);
  handler.current = onData;
  const key = JSON.stringify(variables || {});
  useEffect(() => {
    if (!enabled || !ws) return undefined;
    return subscribe(ws, query, JSON.parse(key), { onData: (data) => handler.current(data), onError: () => {} });
  }, [ws, query, key, enabled]);
}

/** Calls fn at most once per `ms`, trailing call kept: live feeds can be busy. */
export function useThrottled(fn, ms) {
  const timer = useRef(null);
  const target = useRef(fn);
  target.current = fn;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      target.current();
    }, ms);
  }, [ms]);
}
