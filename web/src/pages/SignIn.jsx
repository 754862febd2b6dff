import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";

function explain(error) {
  if (error.code === "UNAUTHENTICATED") {
    return "The server did not accept this credential. Check that it was pasted whole, or ask an admin for a new key (./dev apikey create --role reviewer).";
  }
  return `Could not sign in: ${error.message}`;
}

export function SignIn({ onSignIn }) {
  const [kind, setKind] = useState("apiKey");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    if (!secret.trim()) {
      setError(kind === "apiKey" ? "Paste your API key (it starts with pl_)." : "Paste your bearer token.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSignIn({ kind, secret: secret.trim() });
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box padding="xxl">
      <div style={{ maxWidth: 520, margin: "0 auto" }}>
        <form onSubmit={submit}>
          <Form actions={<Button variant="primary" formAction="submit" loading={busy}>Sign in</Button>}>
            <Container header={<Header variant="h1" description="Payroll files in, verified timecards out.">Sign in to Punchline</Header>}>
              <SpaceBetween size="l">
                <FormField label="Sign in with">
                  <RadioGroup
                    value={kind}
                    onChange={({ detail }) => setKind(detail.value)}
                    items={[
                      { value: "apiKey", label: "API key", description: "A key made with ./dev apikey create" },
                      { value: "bearer", label: "Bearer token", description: "A JWT from your identity provider (e.g. Cognito)" },
                    ]}
                  />
                </FormField>
                <FormField label={kind === "apiKey" ? "API key" : "Token"} errorText={error}>
                  <Input type="password" value={secret} onChange={({ detail }) => setSecret(detail.value)} placeholder={kind === "apiKey" ? "pl_…" : "eyJ…"} ariaLabel="credential" />
                </FormField>
                <Alert type="info">Your credential stays in this browser until you sign out, and is sent to this server alone.</Alert>
              </SpaceBetween>
            </Container>
          </Form>
        </form>
      </div>
    </Box>
  );
}
