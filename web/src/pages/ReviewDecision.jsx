import { useState } from "react";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { request } from "../graphql.js";
import { APPROVE, REJECT } from "../queries.js";
import { useCan, useSession } from "../session.jsx";

/** Approve or reject a job in REVIEW. Reviewers and admins only; the server checks again. */
export function ReviewDecision({ job, onDecided }) {
  const { credential } = useSession();
  const canReview = useCan("reviewer");
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  if (!canReview) return null;

  async function decide(query, verb) {
    if (verb === "reject" && !comment.trim()) {
      setProblem("Say why it is rejected: the uploader reads this comment.");
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { result } = await request(credential, query, { id: job.id, comment: comment.trim() || null });
      if (result.__typename !== "Job") setProblem(result.message);
      else {
        setComment("");
        onDecided?.(result);
      }
    } catch (error) {
      setProblem(error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container header={<Header variant="h2" description="Your decision and comment are kept in the job's audit trail.">Review</Header>}>
      <SpaceBetween size="s">
        <FormField label="Comment" errorText={problem}>
          <Textarea value={comment} onChange={({ detail }) => setComment(detail.value)} placeholder="e.g. hours confirmed with the site manager" ariaLabel="review comment" />
        </FormField>
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="primary" loading={busy} onClick={() => decide(APPROVE, "approve")}>Approve</Button>
          <Button loading={busy} onClick={() => decide(REJECT, "reject")}>Reject</Button>
        </SpaceBetween>
      </SpaceBetween>
    </Container>
  );
}
