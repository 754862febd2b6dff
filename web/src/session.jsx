// Who is signed in: the credential, the role the server gave it, and the one WebSocket that
// every live view subscribes through.
import { createContext, useContext } from "react";
import { roleAtLeast } from "./credentials.js";

export const SessionContext = createContext(null);

export function useSession() {
  return useContext(SessionContext);
}

/** The console hides what a role may not do; the server still refuses it (FORBIDDEN). */
export function useCan(needed) {
  const session = useSession();
  return Boolean(session?.role && roleAtLeast(session.role, needed));
}
