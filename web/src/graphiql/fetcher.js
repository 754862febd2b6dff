// GraphiQL's fetcher: HTTP POST for queries and mutations, graphql-ws for subscriptions.
// The headers typed in GraphiQL's header editor are used for both; one WebSocket is kept per
// distinct set of headers, since the credential is fixed when the connection opens.
import { parse } from "graphql";

function isSubscription(query, operationName) {
  try {
    const operations = parse(query).definitions.filter((d) => d.kind === "OperationDefinition");
    const chosen = operations.find((d) => d.name?.value === operationName) || operations[0];
    return chosen?.operation === "subscription";
  } catch {
    return false; // let the server report the syntax error
  }
}

export function fetcherFor({ url, createWsClient, defaultHeaders = () => ({}) }) {
  const sockets = new Map();

  function wsClient(headers) {
    const key = JSON.stringify(headers);
    if (!sockets.has(key)) sockets.set(key, createWsClient(headers));
    return sockets.get(key);
  }

  return async function fetcher(params, options = {}) {
    // The header editor wins; the console's credential fills in when it is empty.
    const headers = { ...defaultHeaders(), ...(options.headers || {}) };
    if (isSubscription(params.query, params.operationName)) {
      return wsClient(headers).iterate({ query: params.query, variables: params.variables, operationName: params.operationName });
    }
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}
