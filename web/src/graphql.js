// The console's only way to the server: the public GraphQL endpoint, over HTTP POST for
// queries and mutations (multipart for uploads) and graphql-ws for subscriptions.
import { createClient } from "graphql-ws";
import { credentialHeaders } from "./credentials.js";

export const GRAPHQL_PATH = "/graphql";

export class GraphQLError extends Error {
  constructor(errors, status) {
    const first = errors[0] || {};
    super(first.message || `request failed (HTTP ${status})`);
    this.errors = errors;
    this.code = first.extensions?.code || (status === 401 ? "UNAUTHENTICATED" : "ERROR");
  }
}

async function parse(response) {
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError([{ message: `the server answered HTTP ${response.status} without JSON` }], response.status);
  }
  if (body.errors?.length) throw new GraphQLError(body.errors, response.status);
  if (!response.ok) throw new GraphQLError([], response.status);
  return body.data;
}

export async function request(credential, query, variables = {}) {
  const response = await fetch(GRAPHQL_PATH, {
    method: "POST",
    headers: { "content-type": "application/json", ...credentialHeaders(credential) },
    body: JSON.stringify({ query, variables }),
  });
  return parse(response);
}

/** The GraphQL multipart request spec: operations, map, then the file part. */
export async function uploadRequest(credential, query, variables, file) {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append("map", JSON.stringify({ 0: ["variables.file"] }));
  form.append("0", file, file.name);
  const response = await fetch(GRAPHQL_PATH, { method: "POST", headers: credentialHeaders(credential), body: form });
  return parse(response);
}

export function websocketUrl() {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${GRAPHQL_PATH}`;
}

/** One graphql-transport-ws connection per signed-in session; the server's connection_ack
 * payload carries the caller's role, which is how the console learns it. */
export function createSubscriptionClient(credential, { onRole, onClosed } = {}) {
  return createClient({
    url: websocketUrl(),
    connectionParams: credentialHeaders(credential),
    lazy: false,
    retryAttempts: 5,
    on: {
      connected: (_socket, payload) => onRole?.(payload?.role || null),
      closed: (event) => onClosed?.(event),
    },
  });
}

/** Calls onData with each `data`; returns the function that stops the subscription. */
export function subscribe(client, query, variables, { onData, onError, onComplete }) {
  return client.subscribe(
    { query, variables },
    {
      next: (result) => (result.errors ? onError?.(new GraphQLError(result.errors, 200)) : onData(result.data)),
      error: (error) => onError?.(error instanceof Error ? error : new Error(error?.reason || "subscription closed")),
      complete: () => onComplete?.(),
    },
  );
}
