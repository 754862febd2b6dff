// The signed-in credential, shared by the console's tabs and GraphiQL (same origin), kept in
// localStorage until "Sign out" removes it. Pages serve no inline or foreign script (CSP), which
// is what keeps other code from reading it.
const STORAGE_KEY = "punchline.credential";

export const ROLES = ["viewer", "uploader", "reviewer", "admin"];

/** kind: "apiKey" | "bearer"; secret: the key or the token. */
export function saveCredential(credential) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(credential));
}

export function loadCredential() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
    return stored && stored.secret ? stored : null;
  } catch {
    return null;
  }
}

export function clearCredential() {
  localStorage.removeItem(STORAGE_KEY);
}

/** The header the API reads: x-api-key for a key, Authorization for a JWT. The same object
 * is the graphql-ws connection_init payload (browsers cannot set WebSocket headers). */
export function credentialHeaders(credential) {
  if (!credential) return {};
  return credential.kind === "bearer"
    ? { Authorization: `Bearer ${credential.secret}` }
    : { "x-api-key": credential.secret };
}

/** Roles form a ladder: a role may do all that the roles below it may. */
export function roleAtLeast(role, needed) {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
