import { useCallback, useEffect, useMemo, useState } from "react";
import AppLayout from "@cloudscape-design/components/app-layout";
import SideNavigation from "@cloudscape-design/components/side-navigation";
import TopNavigation from "@cloudscape-design/components/top-navigation";
import { clearCredential, loadCredential, roleAtLeast, saveCredential } from "./credentials.js";
import { createSubscriptionClient, request } from "./graphql.js";
import { follow, navigate, usePath } from "./router.js";
import { SCHEMA_QUERY, SchemaShape } from "./schema.js";
import { SessionContext } from "./session.jsx";
import { SignIn } from "./pages/SignIn.jsx";
import { Dashboard } from "./pages/Dashboard.jsx";
import { Upload } from "./pages/Upload.jsx";
import { Jobs } from "./pages/Jobs.jsx";
import { JobPage } from "./pages/JobPage.jsx";
import { ReviewQueue } from "./pages/ReviewQueue.jsx";
import { Mapping } from "./pages/Mapping.jsx";
import { SettingsPage } from "./pages/SettingsPage.jsx";

/** Checks the credential over HTTP, then opens the WebSocket whose ack names the role. */
async function openSession(credential) {
  const schema = await request(credential, SCHEMA_QUERY);
  const live = await new Promise((resolve, reject) => {
    const ws = createSubscriptionClient(credential, {
      onRole: (role) => resolve({ ws, role }),
      // Only the first settle counts: a close after the ack is a reconnect, not a refusal.
      onClosed: (event) => reject(new Error(`live updates refused (${event?.code || "closed"})`)),
    });
  });
  return { credential, role: live.role, ws: live.ws, shape: new SchemaShape(schema.__schema.types) };
}

function screenFor(path) {
  const job = path.match(/^\/jobs\/([^/]+)(\/mapping)?$/);
  if (job) return job[2] ? <Mapping jobId={decodeURIComponent(job[1])} /> : <JobPage jobId={decodeURIComponent(job[1])} />;
  switch (path) {
    case "/upload":
      return <Upload />;
    case "/jobs":
      return <Jobs />;
    case "/review":
      return <ReviewQueue />;
    case "/settings":
      return <SettingsPage />;
    default:
      return <Dashboard />;
  }
}

export function App() {
  const path = usePath();
  const [session, setSession] = useState(null);
  const [restoring, setRestoring] = useState(Boolean(loadCredential()));

  const signIn = useCallback(async (credential) => {
    const opened = await openSession(credential);
    saveCredential(credential);
    setSession(opened);
  }, []);

  const signOut = useCallback(() => {
    session?.ws?.dispose();
    clearCredential();
    setSession(null);
    navigate("/");
  }, [session]);

  useEffect(() => {
    const stored = loadCredential();
    if (!stored) return;
    signIn(stored).catch(() => clearCredential()).finally(() => setRestoring(false));
  }, [signIn]);

  const navigation = useMemo(() => {
    const items = [
      { type: "link", text: "Dashboard", href: "/" },
      { type: "link", text: "Upload", href: "/upload" },
      { type: "link", text: "Jobs", href: "/jobs" },
      { type: "link", text: "Review queue", href: "/review" },
      { type: "link", text: "Settings", href: "/settings" },
      { type: "divider" },
      { type: "link", text: "GraphiQL", href: "/graphiql", external: true },
    ];
    return session && !roleAtLeast(session.role, "uploader") ? items.filter((i) => i.href !== "/upload") : items;
  }, [session]);

  if (restoring && !session) return null;
  if (!session) return <SignIn onSignIn={signIn} />;

  const activeHref = path.startsWith("/jobs") ? "/jobs" : path;
  return (
    <SessionContext.Provider value={session}>
      <div id="top-nav">
        <TopNavigation
          identity={{ title: "Punchline", href: "/", onFollow: follow }}
          utilities={[
            { type: "button", text: `Role: ${session.role}`, ariaLabel: `signed in as ${session.role}` },
            { type: "button", text: "GraphiQL", href: "/graphiql", external: true },
            { type: "button", text: "Sign out", onClick: signOut },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        navigation={<SideNavigation header={{ text: "Console", href: "/" }} activeHref={activeHref} items={navigation} onFollow={follow} />}
        content={screenFor(path)}
      />
    </SessionContext.Provider>
  );
}
