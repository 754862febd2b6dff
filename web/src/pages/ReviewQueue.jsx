import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { JobStatus, shortId, when } from "../components.jsx";
import { useQuery, useSubscription, useThrottled } from "../hooks.js";
import { REVIEW_QUEUE, REVIEW_QUEUE_CHANGED } from "../queries.js";
import { follow } from "../router.js";
import { ReviewDecision } from "./ReviewDecision.jsx";

function issueSummary(issues) {
  const counts = {};
  issues.forEach((i) => (counts[i.code] = (counts[i.code] || 0) + 1));
  return Object.entries(counts).map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(", ") || "—";
}

export function ReviewQueue() {
  const { data, loading, reload } = useQuery(REVIEW_QUEUE, { first: 50 });
  const [selected, setSelected] = useState([]);
  const reloadSoon = useThrottled(reload, 500);
  useSubscription(REVIEW_QUEUE_CHANGED, {}, reloadSoon);
  const jobs = data?.reviewQueue.nodes || [];
  const current = jobs.find((job) => job.id === selected[0]?.id);
  return (
    <SpaceBetween size="l">
      <Table
        header={<Header variant="h1" counter={`(${jobs.length})`} description="Oldest first. The list follows the queue live.">Review queue</Header>}
        loading={loading && !jobs.length}
        items={jobs}
        trackBy="id"
        selectionType="single"
        selectedItems={current ? [current] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        columnDefinitions={[
          { id: "id", header: "Job", cell: (job) => <Link href={`/jobs/${job.id}`} onFollow={follow}>{shortId(job.id)}</Link> },
          { id: "file", header: "File", cell: (job) => job.file?.name || "—" },
          { id: "status", header: "Status", cell: (job) => <JobStatus status={job.status} /> },
          { id: "issues", header: "Why it waits", cell: (job) => issueSummary(job.issues) },
          { id: "since", header: "Waiting since", cell: (job) => when(job.updatedAt) },
        ]}
        empty={<Box>Nothing waits for a person.</Box>}
      />
      {current && (
        <SpaceBetween size="s">
          <Box variant="h3">{current.file?.name}: <Link href={`/jobs/${current.id}`} onFollow={follow}>open the job</Link> to see its timecards and issues</Box>
          <ReviewDecision job={current} onDecided={() => { setSelected([]); reload(); }} />
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}
