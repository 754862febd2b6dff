import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import FileDropzone from "@cloudscape-design/components/file-dropzone";
import FileInput from "@cloudscape-design/components/file-input";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { uploadRequest } from "../graphql.js";
import { PRIORITIES, UPLOAD } from "../queries.js";
import { follow } from "../router.js";
import { useCan, useSession } from "../session.jsx";

const ACCEPTED = ".xlsx,.xlsm,.xls,.csv";

function Outcome({ item }) {
  const answer = item.answer;
  if (item.error) return <StatusIndicator type="error">{item.error}</StatusIndicator>;
  if (!answer) return <StatusIndicator type="loading">uploading…</StatusIndicator>;
  const link = (job) => <Link href={`/jobs/${job.id}`} onFollow={follow}>{job.id}</Link>;
  switch (answer.__typename) {
    case "UploadAccepted":
      return <StatusIndicator type="success">queued — job {link(answer.job)}</StatusIndicator>;
    case "DuplicateFile":
      return <StatusIndicator type="info">already received — job {link(answer.job)} ({answer.job.status})</StatusIndicator>;
    default:
      return <StatusIndicator type="error">{answer.code}: {answer.message}</StatusIndicator>;
  }
}

export function Upload() {
  const { credential } = useSession();
  const canUpload = useCan("uploader");
  const [files, setFiles] = useState([]);
  const [priority, setPriority] = useState("NORMAL");
  const [results, setResults] = useState([]);
  const [busy, setBusy] = useState(false);

  const addFiles = (picked) => setFiles((current) => [...current, ...picked.filter((f) => !current.some((c) => c.name === f.name && c.size === f.size))]);

  async function send() {
    setBusy(true);
    const batch = files.map((file, index) => ({ key: `${Date.now()}-${index}`, name: file.name, file }));
    setResults((current) => [...batch, ...current]);
    setFiles([]);
    for (const item of batch) {
      let update;
      try {
        const data = await uploadRequest(credential, UPLOAD, { priority }, item.file);
        update = { answer: data.uploadFile };
      } catch (error) {
        update = { error: error.message };
      }
      setResults((current) => current.map((r) => (r.key === item.key ? { ...r, ...update } : r)));
    }
    setBusy(false);
  }

  if (!canUpload) {
    return <Box padding="l">Your role may look but not upload: ask an admin for an uploader key.</Box>;
  }
  return (
    <ContentLayout header={<Header variant="h1" description="Timecards (xlsx, xlsm, xls, csv) and onboarding CSVs. Each file becomes a job.">Upload</Header>}>
      <SpaceBetween size="l">
        <Container>
          <SpaceBetween size="m">
            <FileDropzone onChange={({ detail }) => addFiles(detail.value)}>
              <SpaceBetween size="xs" alignItems="center">
                <Box color="inherit">Drop files here, or</Box>
                <FileInput multiple accept={ACCEPTED} value={[]} onChange={({ detail }) => addFiles(detail.value)}>Choose files</FileInput>
              </SpaceBetween>
            </FileDropzone>
            {files.length > 0 && (
              <Box>
                <b>{files.length} file(s) ready:</b> {files.map((f) => f.name).join(", ")}{" "}
                <Button variant="inline-link" onClick={() => setFiles([])}>clear</Button>
              </Box>
            )}
            <FormField label="Priority" description="Workers take URGENT first, first come first served within a priority.">
              <Select
                selectedOption={{ value: priority, label: priority }}
                options={PRIORITIES.map((p) => ({ value: p, label: p }))}
                onChange={({ detail }) => setPriority(detail.selectedOption.value)}
                ariaLabel="priority"
              />
            </FormField>
            <Button variant="primary" disabled={!files.length || busy} loading={busy} onClick={send}>Upload {files.length || ""}</Button>
          </SpaceBetween>
        </Container>
        <Table
          header={<Header variant="h2">Sent from this page</Header>}
          items={results}
          columnDefinitions={[
            { id: "name", header: "File", cell: (item) => item.name },
            { id: "outcome", header: "Outcome", cell: (item) => <Outcome item={item} /> },
          ]}
          empty={<Box>Nothing sent yet</Box>}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
