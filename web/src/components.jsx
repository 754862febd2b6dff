import { useState } from "react";
import Button from "@cloudscape-design/components/button";
import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { request } from "./graphql.js";
import { CANCEL, PRIORITIES, RETRY, SET_PRIORITY } from "./queries.js";
import { useCan, useSession } from "./session.jsx";

const STATUS_LOOK = {
  PENDING: "pending",
  PROCESSING: "in-progress",
  REVIEW: "warning",
  COMPLETED: "success",
  FAILED: "error",
  CANCELLED: "stopped",
};

export function JobStatus({ status }) {
  return <StatusIndicator type={STATUS_LOOK[status] || "info"}>{status}</StatusIndicator>;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "—";
}

export function shortId(id) {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** What the API allows from each status (docs/api.md); the server decides in the end. */
export const ALLOWED = {
  cancel: new Set(["PENDING", "PROCESSING", "REVIEW"]),
  retry: new Set(["FAILED", "CANCELLED"]),
  priority: new Set(["PENDING"]),
};

/** Cancel / retry / change priority for one job, shown to uploaders and above. */
export function JobActions({ job, onDone, onMessage }) {
  const { credential } = useSession();
  const canAct = useCan("uploader");
  const [busy, setBusy] = useState(false);
  if (!canAct || !job) return null;

  async function run(query, variables, verb) {
    setBusy(true);
    try {
      const { result } = await request(credential, query, variables);
      if (result.__typename === "Job") onMessage?.({ type: "success", content: `${verb}: job ${result.id} is ${result.status}` });
      else onMessage?.({ type: "error", content: result.message });
      onDone?.(result);
    } catch (error) {
      onMessage?.({ type: "error", content: error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button disabled={busy || !ALLOWED.cancel.has(job.status)} onClick={() => run(CANCEL, { id: job.id }, "Cancelled")}>Cancel</Button>
      <Button disabled={busy || !ALLOWED.retry.has(job.status)} onClick={() => run(RETRY, { id: job.id }, "Queued again")}>Retry</Button>
      <ButtonDropdown
        disabled={busy || !ALLOWED.priority.has(job.status)}
        items={PRIORITIES.map((p) => ({ id: p, text: p, disabled: p === job.priority }))}
        onItemClick={({ detail }) => run(SET_PRIORITY, { id: job.id, priority: detail.id }, `Priority ${detail.id}`)}
      >
        Priority
      </ButtonDropdown>
    </SpaceBetween>
  );
}
