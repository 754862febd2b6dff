import { useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Toggle from "@cloudscape-design/components/toggle";
import { when } from "../components.jsx";
import { request } from "../graphql.js";
import { useQuery } from "../hooks.js";
import { SETTING_HISTORY, settingsQuery, updateSettingsMutation } from "../queries.js";
import { useCan, useSession } from "../session.jsx";

export const snakeCase = (name) => name.replace(/[A-Z0-9]+/g, (part) => `_${part.toLowerCase()}`);

/** Settings flattened to editable fields; nested groups (reviewTriggers) become "group.field". */
function flatten(settings, prefix = "") {
  return Object.entries(settings).flatMap(([name, value]) => (value && typeof value === "object"
    ? flatten(value, `${prefix}${name}.`)
    : [[`${prefix}${name}`, value]]));
}

function typeOf(shape, path) {
  const parts = path.split(".");
  let typeName = "Settings";
  for (const part of parts.slice(0, -1)) typeName = shape.fieldType(typeName, part)?.name;
  return shape.fieldType(typeName, parts.at(-1))?.name;
}

function coerce(type, text) {
  if (type === "Int") return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
  if (type === "Float") return text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text;
  return text === "" ? null : text;
}

function changedInput(original, edited, shape) {
  const input = {};
  for (const [path, value] of Object.entries(edited)) {
    if (value === original[path]) continue;
    const parts = path.split(".");
    const typed = typeof value === "boolean" ? value : coerce(typeOf(shape, path), String(value));
    if (parts.length === 1) input[path] = typed;
    else input[parts[0]] = { ...(input[parts[0]] || {}), [parts[1]]: typed };
  }
  return input;
}

function HistoryPanel({ keys, version }) {
  const { credential } = useSession();
  const [key, setKey] = useState(keys[0]);
  const [changes, setChanges] = useState([]);
  useEffect(() => {
    if (!key) return;
    request(credential, SETTING_HISTORY, { key: snakeCase(key.split(".")[0]) }).then((d) => setChanges(d.settingHistory)).catch(() => setChanges([]));
  }, [credential, key, version]);
  return (
    <Table
      header={<Header variant="h2" actions={<Select selectedOption={{ value: key, label: key }} options={keys.map((k) => ({ value: k, label: k }))} onChange={({ detail }) => setKey(detail.selectedOption.value)} filteringType="auto" ariaLabel="setting for history" />}>Change history</Header>}
      items={changes}
      columnDefinitions={[
        { id: "at", header: "When", cell: (c) => when(c.changedAt) },
        { id: "by", header: "Who", cell: (c) => c.changedBy },
        { id: "old", header: "From", cell: (c) => JSON.stringify(c.oldValue) },
        { id: "new", header: "To", cell: (c) => JSON.stringify(c.newValue) },
      ]}
      empty={<Box>Never changed: the default applies.</Box>}
    />
  );
}

export function SettingsPage() {
  const { credential, shape } = useSession();
  const isAdmin = useCan("admin");
  const { data, reload } = useQuery(settingsQuery(shape));
  const [original, setOriginal] = useState({});
  const [edited, setEdited] = useState({});
  const [problems, setProblems] = useState({});
  const [notice, setNotice] = useState(null);
  const [saves, setSaves] = useState(0);
  useEffect(() => {
    if (!data) return;
    const flat = Object.fromEntries(flatten(data.settings));
    setOriginal(flat);
    setEdited(flat);
  }, [data]);

  async function save() {
    setNotice(null);
    setProblems({});
    const input = changedInput(original, edited, shape);
    if (!Object.keys(input).length) return setNotice({ type: "info", text: "Nothing changed." });
    try {
      const { updateSettings } = await request(credential, updateSettingsMutation(shape), { input });
      if (updateSettings.__typename === "InvalidSettings") {
        setProblems(Object.fromEntries(updateSettings.problems.map((p) => [p.key, p.message])));
        setNotice({ type: "error", text: `${updateSettings.message.replace(/\.?$/, ".")} Nothing was changed.` });
      } else {
        setNotice({ type: "success", text: "Saved: the next job uses the new values." });
        setSaves((n) => n + 1);
        reload();
      }
    } catch (error) {
      setNotice({ type: "error", text: error.message });
    }
  }

  const keys = Object.keys(edited);
  return (
    <ContentLayout header={<Header variant="h1" description={isAdmin ? "A change applies to the next job; no restart." : "Read only: admins change settings."} actions={isAdmin && <Button variant="primary" onClick={save}>Save changes</Button>}>Settings</Header>}>
      <SpaceBetween size="l">
        {notice && <Alert type={notice.type}>{notice.text}</Alert>}
        <Container>
          <ColumnLayout columns={3}>
            {keys.map((path) => {
              const value = edited[path];
              const problem = problems[snakeCase(path.split(".").at(-1))] || problems[snakeCase(path.split(".")[0])];
              return (
                <FormField key={path} label={path} errorText={problem}>
                  {typeof value === "boolean" ? (
                    <Toggle checked={value} disabled={!isAdmin} onChange={({ detail }) => setEdited({ ...edited, [path]: detail.checked })}>{value ? "on" : "off"}</Toggle>
                  ) : (
                    <Input value={value == null ? "" : String(value)} disabled={!isAdmin} onChange={({ detail }) => setEdited({ ...edited, [path]: detail.value })} ariaLabel={path} />
                  )}
                </FormField>
              );
            })}
          </ColumnLayout>
        </Container>
        {keys.length > 0 && <HistoryPanel keys={keys} version={saves} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
