// GraphiQL served by Punchline itself (no CDN): the editor's workers and styles are bundled.
// Headers start with the console's credential (or an empty x-api-key to fill in); the same
// headers authenticate subscriptions, sent as graphql-transport-ws connection_init payload.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./graphiql.css";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createClient } from "graphql-ws";
import { credentialHeaders, loadCredential } from "../credentials.js";
import { GRAPHQL_PATH, websocketUrl } from "../graphql.js";
import { fetcherFor } from "./fetcher.js";

const EXAMPLE = `# Punchline's GraphQL API. Ctrl+Enter runs; the Docs button lists every type.
# Headers (below) carry your credential: x-api-key, or Authorization: Bearer <token>.
query RecentJobs {
  queueStats { totalJobs reviewQueueSize successRate }
  jobs(first: 5) { nodes { id status priority progress stage file { name } } }
}

# Live progress of one job (paste its id):
# subscription Follow { jobProgress(jobId: "...") { seq status progress stage } }
`;

// A link can carry a query: /graphiql?query=... opens with it (handy in docs and bug reports).
const linkedQuery = new URLSearchParams(window.location.search).get("query");

const startingHeaders = JSON.stringify(
  Object.keys(credentialHeaders(loadCredential())).length ? credentialHeaders(loadCredential()) : { "x-api-key": "" },
  null,
  2,
);

const fetcher = fetcherFor({ url: GRAPHQL_PATH, defaultHeaders: () => credentialHeaders(loadCredential()), createWsClient: (params) => createClient({ url: websocketUrl(), connectionParams: params, lazy: true }) });

createRoot(document.getElementById("graphiql")).render(
  <GraphiQL fetcher={fetcher} initialQuery={linkedQuery || EXAMPLE} initialHeaders={startingHeaders} shouldPersistHeaders={false} />,
);
