import { useEffect, useState } from "react";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Flashbar from "@cloudscape-design/components/flashbar";
import Grid from "@cloudscape-design/components/grid";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { JobActions, JobStatus, when } from "../components.jsx";
import { download, toCsv, toXlsx } from "../exports.js";
import { explainFinding, findingFor } from "../findings.js";
import { useQuery, useSubscription } from "../hooks.js";
import { FINISHED, JOB_PROGRESS, jobQuery } from "../queries.js";
import { follow } from "../router.js";
import { useSession } from "../session.jsx";
import { ReviewDecision } from "./ReviewDecision.jsx";

const SEVERITY_BADGE = { error: "red", warning: "severity-medium", info: "blue" };

/** Where an issue points: sheet (1-based position), row, cells, when the server says. */
export function issueLocation(issue) {
  const parts = [];
  if (issue.sheet != null) parts.push(`sheet ${issue.sheet}`);
  if (issue.row != null) parts.push(`row ${issue.row}`);
  if (issue.cells?.length) parts.push(`cells ${issue.cells.join(", ")}`);
  return parts.join(" · ");
}

function money(value) {
  return value == null ? "—" : value.toFixed(2);
}

function TimecardTable({ timecards }) {
  const rows = [];
  for (const card of timecards) {
    card.entries.forEach((day, index) => rows.push({ key: `${card.employee}|${card.employeeId}|${day.date}|${index}`, employee: card.employee, date: day.date, hours: day.hours, pay: day.pay }));
    rows.push({ key: `${card.employee}|${card.employeeId}|total`, employee: card.employee, date: "Total", hours: card.totalHours, pay: card.totalPay, total: true });
  }
  const bold = (row, text) => (row.total ? <b>{text}</b> : text);
  return (
    <Table
      header={<Header variant="h2" counter={`(${timecards.length} employees)`}>Extracted timecards</Header>}
      items={rows}
      trackBy="key"
      variant="container"
      wrapLines
      columnDefinitions={[
        { id: "employee", header: "Employee", cell: (row) => bold(row, row.employee) },
        { id: "date", header: "Date", cell: (row) => bold(row, row.date) },
        { id: "hours", header: "Hours", cell: (row) => bold(row, row.hours ?? "—") },
        { id: "pay", header: "Pay", cell: (row) => bold(row, money(row.pay)) },
      ]}
      empty={<Box>No timecards (yet): they appear when processing ends.</Box>}
    />
  );
}

function IssueList({ issues, findings }) {
  return (
    <Container header={<Header variant="h2" counter={`(${issues.length})`}>Issues</Header>}>
      <SpaceBetween size="m">
        {issues.length === 0 && <Box>No issues.</Box>}
        {issues.map((issue, index) => {
          const finding = findingFor(issue, findings);
          const location = issueLocation(issue);
          return (
            <div key={index} data-testid="issue">
              <SpaceBetween size="xxs">
                <Box>
                  <Badge color={SEVERITY_BADGE[issue.severity] || "grey"}>{issue.severity}</Badge> <b>{issue.code}</b>
                  {issue.employee ? ` — ${issue.employee}` : ""}
                  {issue.date ? `, ${issue.date}` : ""}
                </Box>
                <Box>{issue.message}</Box>
                {location && <Box color="text-body-secondary" data-testid="issue-location">{location}</Box>}
                {finding && (
                  <ExpandableSection headerText="Why: the check behind it" variant="footer">
                    {explainFinding(finding).map((line, i) => <Box key={i}>{line}</Box>)}
                  </ExpandableSection>
                )}
              </SpaceBetween>
            </div>
          );
        })}
      </SpaceBetween>
    </Container>
  );
}

function History({ events }) {
  return (
    <Table
      header={<Header variant="h2">Stage history</Header>}
      variant="container"
      items={events}
      trackBy="seq"
      columnDefinitions={[
        { id: "seq", header: "#", cell: (e) => e.seq },
        { id: "at", header: "When", cell: (e) => when(e.at) },
        { id: "type", header: "Event", cell: (e) => e.type },
        { id: "stage", header: "Stage", cell: (e) => e.stage },
        { id: "status", header: "Status", cell: (e) => <JobStatus status={e.status} /> },
        { id: "progress", header: "Progress", cell: (e) => `${e.progress} %` },
        { id: "message", header: "Note", cell: (e) => e.message || "" },
      ]}
    />
  );
}

export function AuditTrail({ reviews }) {
  return (
    <Table
      header={<Header variant="h2">Review decisions</Header>}
      variant="container"
      items={reviews}
      columnDefinitions={[
        { id: "at", header: "When", cell: (r) => when(r.at) },
        { id: "decision", header: "Decision", cell: (r) => r.decision },
        { id: "reviewer", header: "Reviewer", cell: (r) => r.reviewer },
        { id: "comment", header: "Comment", cell: (r) => r.comment || "" },
        { id: "change", header: "Status", cell: (r) => `${r.fromStatus} → ${r.toStatus}` },
      ]}
      empty={<Box>No decision yet.</Box>}
    />
  );
}

function needsMapping(job) {
  const uncertain = (job.sheets || []).some((sheet) => typeof sheet.confidence === "number" && sheet.confidence < 0.6);
  return uncertain || job.error?.code === "UNRECOGNIZED_LAYOUT" || job.issues.some((i) => /LAYOUT|MAPPING|UNMAPPED/.test(i.code));
}

export function JobPage({ jobId }) {
  const { shape } = useSession();
  const { data, error, reload } = useQuery(jobQuery(shape), { id: jobId });
  const [job, setJob] = useState(null);
  const [flash, setFlash] = useState([]);
  useEffect(() => setJob(data?.job || null), [data]);

  // Follow the job live until it stops for a person or finishes; reload the result then.
  const following = Boolean(job) && !FINISHED.has(job.status);
  useSubscription(JOB_PROGRESS, { id: jobId, after: data?.job?.lastSeq ?? 0 }, ({ jobProgress: event }) => {
    setJob((current) => current && event.seq > current.lastSeq
      ? { ...current, status: event.status, progress: event.progress, stage: event.stage, lastSeq: event.seq, events: [...current.events, event] }
      : current);
    if (event.status === "REVIEW" || FINISHED.has(event.status)) reload();
  }, following);

  if (error && !job) return <Box padding="l">Could not load the job: {error.message}</Box>;
  if (data && !data.job) return <Box padding="l">No job has the id {jobId}: it may have been deleted.</Box>;
  if (!job) return <Box padding="l">Loading…</Box>;

  const base = (job.file?.name || job.id).replace(/\.[^.]+$/, "");
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`Job ${job.id} · ${job.kind} · priority ${job.priority} · created ${when(job.createdAt)}`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="download" disabled={!job.timecards.length} onClick={() => download(`${base}.csv`, toCsv(job.timecards), "text/csv")}>CSV</Button>
              <Button iconName="download" disabled={!job.timecards.length} onClick={() => download(`${base}.xlsx`, toXlsx(job.timecards), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}>XLSX</Button>
              <JobActions job={job} onDone={reload} onMessage={(m) => setFlash([m])} />
            </SpaceBetween>
          }
        >
          {job.file?.name || job.id}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {flash.length > 0 && <Flashbar items={flash.map((f) => ({ ...f, dismissible: true, onDismiss: () => setFlash([]) }))} />}
        <Container>
          <KeyValuePairs
            columns={4}
            items={[
              { label: "Status", value: <span data-testid="job-status"><JobStatus status={job.status} /></span> },
              { label: "Progress", value: <ProgressBar value={job.progress} additionalInfo={job.stage} ariaLabel="job progress" /> },
              { label: "Decision", value: job.decision || "—" },
              { label: "Attempts", value: `${job.attempts} of ${job.maxAttempts}` },
              ...(job.error ? [{ label: "Error", value: `${job.error.code}: ${job.error.message}` }] : []),
            ]}
          />
          {needsMapping(job) && (
            <Box margin={{ top: "s" }}>
              The layout of this file was not read with confidence. <Link href={`/jobs/${job.id}/mapping`} onFollow={follow}>Match its columns</Link>, then retry.
            </Box>
          )}
        </Container>
        {job.status === "REVIEW" && <ReviewDecision job={job} onDecided={reload} />}
        <Grid gridDefinition={[{ colspan: { default: 12, l: 7 } }, { colspan: { default: 12, l: 5 } }]}>
          <TimecardTable timecards={job.timecards} />
          <IssueList issues={job.issues} findings={job.findings} />
        </Grid>
        <AuditTrail reviews={job.reviews} />
        <History events={job.events} />
      </SpaceBetween>
    </ContentLayout>
  );
}
