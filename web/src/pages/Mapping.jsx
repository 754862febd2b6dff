import { useMemo, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { request } from "../graphql.js";
import { useQuery } from "../hooks.js";
import { CONFIRM_MAPPING, RETRY, jobQuery } from "../queries.js";
import { follow } from "../router.js";
import { useCan, useSession } from "../session.jsx";

// The column roles confirmMapping accepts (processing/layout/roles.py); "" = plays no role.
export const COLUMN_ROLES = ["employee", "first_name", "last_name", "employee_id", "date", "weekday", "time_in", "time_out", "break",
  "hours", "straight_hours", "overtime_hours", "double_time_hours", "hourly_rate", "day_rate", "weekly_rate", "salary",
  "wage_amount", "per_diem", "reimbursement", "deduction", "bonus", "total_due", "work_state", "city", "position", "exempt",
  "notes", "day_type", "ssn"];
const ROLE_OPTIONS = [{ value: "", label: "— no role —" }, ...COLUMN_ROLES.map((r) => ({ value: r, label: r }))];

function columnLetter(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The sheet's columns as the server describes them, when it does (Job.sheets). */
function columnsOf(sheet) {
  return (sheet?.columns || []).map((column, index) => ({
    column: column.column || column.letter || columnLetter(column.index ?? index),
    header: column.header ?? column.name ?? "",
    role: column.role || "",
    samples: column.samples || column.sample_values || column.sampleValues || [],
  }));
}

export function Mapping({ jobId }) {
  const { credential, shape } = useSession();
  const canMap = useCan("reviewer");
  const { data } = useQuery(jobQuery(shape), { id: jobId });
  const sheets = useMemo(() => data?.job?.sheets || [], [data]);
  const [sheetName, setSheetName] = useState("");
  const [rows, setRows] = useState(null);
  const [message, setMessage] = useState(null);
  const [saved, setSaved] = useState(false);

  const chosen = sheets.find((s) => (s.sheet ?? s.name) === sheetName);
  const shown = rows || (chosen ? columnsOf(chosen) : [{ column: "A", header: "", role: "", samples: [] }]);
  const setRole = (index, role) => setRows(shown.map((row, i) => (i === index ? { ...row, role } : row)));
  const setColumn = (index, column) => setRows(shown.map((row, i) => (i === index ? { ...row, column: column.toUpperCase() } : row)));

  async function save() {
    setMessage(null);
    try {
      const columns = shown.filter((row) => row.column).map((row) => ({ column: row.column, role: row.role || null }));
      const { confirmMapping } = await request(credential, CONFIRM_MAPPING, { id: jobId, sheet: sheetName, columns });
      setSaved(true);
      setMessage({ type: "success", text: `Saved for this layout (${confirmMapping.fingerprint.slice(0, 12)}…): the next file like it is read the same way.` });
    } catch (error) {
      setMessage({ type: "error", text: `${error.code}: ${error.message}` });
    }
  }

  async function retry() {
    const { result } = await request(credential, RETRY, { id: jobId });
    setMessage(result.__typename === "Job" ? { type: "success", text: `Job queued again (${result.status}).` } : { type: "error", text: result.message });
  }

  return (
    <ContentLayout header={<Header variant="h1" description={<>Say which role each column of a sheet plays. Job <Link href={`/jobs/${jobId}`} onFollow={follow}>{jobId}</Link>.</>}>Match columns</Header>}>
      <SpaceBetween size="l">
        {!canMap && <Alert type="info">Only reviewers and admins can save a mapping.</Alert>}
        {message && <Alert type={message.type}>{message.text}</Alert>}
        <Container>
          <FormField label="Sheet" description={sheets.length ? "The sheets the server read" : "The sheet's name as it appears in the workbook (a CSV has one, named after the file)"}>
            {sheets.length ? (
              <Select
                selectedOption={sheetName ? { value: sheetName, label: sheetName } : null}
                options={sheets.map((s) => ({ value: s.sheet ?? s.name, label: `${s.sheet ?? s.name}${s.confidence != null ? ` (confidence ${s.confidence})` : ""}` }))}
                onChange={({ detail }) => { setSheetName(detail.selectedOption.value); setRows(null); }}
                ariaLabel="sheet"
              />
            ) : (
              <Input value={sheetName} onChange={({ detail }) => setSheetName(detail.value)} ariaLabel="sheet name" />
            )}
          </FormField>
        </Container>
        <Table
          header={<Header variant="h2" actions={<Button onClick={() => setRows([...shown, { column: columnLetter(shown.length), header: "", role: "", samples: [] }])}>Add column</Button>}>Columns</Header>}
          items={shown}
          columnDefinitions={[
            { id: "column", header: "Column", cell: (row) => <Input value={row.column} onChange={({ detail }) => setColumn(shown.indexOf(row), detail.value)} ariaLabel="column letter" /> },
            { id: "header", header: "Source header", cell: (row) => row.header || "—" },
            { id: "samples", header: "Sample values", cell: (row) => (row.samples.length ? row.samples.slice(0, 3).join(" · ") : "—") },
            { id: "role", header: "Role", minWidth: 200, cell: (row) => (
              <Select selectedOption={ROLE_OPTIONS.find((o) => o.value === row.role) || ROLE_OPTIONS[0]} options={ROLE_OPTIONS} onChange={({ detail }) => setRole(shown.indexOf(row), detail.selectedOption.value)} ariaLabel={`role of column ${row.column}`} filteringType="auto" expandToViewport />
            ) },
          ]}
        />
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="primary" disabled={!canMap || !sheetName} onClick={save}>Save mapping</Button>
          <Button disabled={!saved} onClick={retry}>Retry the job with it</Button>
        </SpaceBetween>
        {!sheets.length && <Box color="text-body-secondary">This server does not list the sheets' columns yet: type the sheet name and the column letters.</Box>}
      </SpaceBetween>
    </ContentLayout>
  );
}
