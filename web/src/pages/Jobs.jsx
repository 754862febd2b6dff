import { useEffect, useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Flashbar from "@cloudscape-design/components/flashbar";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Multiselect from "@cloudscape-design/components/multiselect";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { JobActions, JobStatus, shortId, when } from "../components.jsx";
import { useQuery, useSubscription, useThrottled } from "../hooks.js";
import { JOB_EVENTS, JOBS, STATUSES } from "../queries.js";
import { follow } from "../router.js";

const KINDS = [
  { value: "", label: "Any kind" },
  { value: "timecard", label: "timecard" },
  { value: "onboarding", label: "onboarding" },
];

export function Jobs() {
  const [statuses, setStatuses] = useState([]);
  const [kind, setKind] = useState(KINDS[0]);
  const [selected, setSelected] = useState([]);
  const [flash, setFlash] = useState([]);
  const variables = { first: 50, status: statuses.length ? statuses.map((s) => s.value) : null, kind: kind.value || null };
  const { data, loading, error, reload } = useQuery(JOBS, variables);
  const [rows, setRows] = useState([]);
  useEffect(() => setRows(data?.jobs.nodes || []), [data]);
  const reloadSoon = useThrottled(reload, 1500);

  // Every job's events: move the row's bar at once, reload for rows not on this page yet.
  useSubscription(JOB_EVENTS, {}, ({ jobEvents: event }) => {
    setRows((current) => {
      if (!current.some((job) => job.id === event.jobId)) {
        reloadSoon();
        return current;
      }
      return current.map((job) => (job.id === event.jobId && event.seq > job.lastSeq
        ? { ...job, status: event.status, progress: event.progress, stage: event.stage, lastSeq: event.seq }
        : job));
    });
  });

  const current = rows.find((job) => job.id === selected[0]?.id);
  return (
    <SpaceBetween size="m">
      {flash.length > 0 && <Flashbar items={flash.map((f, i) => ({ ...f, dismissible: true, onDismiss: () => setFlash([]), id: String(i) }))} />}
      <Table
        header={
          <Header
            variant="h1"
            counter={`(${rows.length})`}
            description="Newest first; progress moves live."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <JobActions job={current} onDone={reload} onMessage={(m) => setFlash([m])} />
                <Button iconName="refresh" ariaLabel="reload" onClick={reload} />
              </SpaceBetween>
            }
          >
            Jobs
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="s">
            <Multiselect
              placeholder="Any status"
              selectedOptions={statuses}
              options={STATUSES.map((s) => ({ value: s, label: s }))}
              onChange={({ detail }) => setStatuses(detail.selectedOptions)}
              ariaLabel="filter by status"
            />
            <Select selectedOption={kind} options={KINDS} onChange={({ detail }) => setKind(detail.selectedOption)} ariaLabel="filter by kind" />
          </SpaceBetween>
        }
        loading={loading && !rows.length}
        items={rows}
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        trackBy="id"
        columnDefinitions={[
          { id: "id", header: "Job", cell: (job) => <Link href={`/jobs/${job.id}`} onFollow={follow} ariaLabel={`job ${job.id}`}>{shortId(job.id)}</Link> },
          { id: "file", header: "File", cell: (job) => job.file?.name || "—" },
          { id: "kind", header: "Kind", cell: (job) => job.kind },
          { id: "status", header: "Status", cell: (job) => <JobStatus status={job.status} /> },
          { id: "priority", header: "Priority", cell: (job) => job.priority },
          { id: "progress", header: "Progress", minWidth: 160, cell: (job) => <ProgressBar value={job.progress} additionalInfo={job.stage} ariaLabel={`progress of ${job.id}`} /> },
          { id: "created", header: "Created", cell: (job) => when(job.createdAt) },
        ]}
        empty={<Box>{error ? error.message : "No jobs match"}</Box>}
      />
    </SpaceBetween>
  );
}
