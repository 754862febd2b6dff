import BarChart from "@cloudscape-design/components/bar-chart";
import Box from "@cloudscape-design/components/box";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useQuery, useSubscription, useThrottled } from "../hooks.js";
import { JOB_EVENTS, QUEUE_STATS, STATUSES } from "../queries.js";

/** Jobs created in each hour of today, stacked by their status now. */
function jobsByHour(jobs) {
  const today = new Date().toDateString();
  const series = STATUSES.map((status) => ({ title: status, type: "bar", data: [] }));
  const counts = new Map();
  for (const job of jobs) {
    const created = new Date(job.createdAt);
    if (created.toDateString() !== today) continue;
    const key = `${created.getHours()}:${job.status}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const now = new Date().getHours();
  for (let hour = 0; hour <= now; hour++) {
    series.forEach((line) => line.data.push({ x: `${hour}:00`, y: counts.get(`${hour}:${line.title}`) || 0 }));
  }
  return series.filter((line) => line.data.some((point) => point.y > 0));
}

/** Seconds from start to finish of each finished job today, by hour: mean per hour. */
function processingByHour(jobs) {
  const buckets = new Map();
  for (const job of jobs) {
    if (!job.startedAt || !job.completedAt) continue;
    const hour = `${new Date(job.completedAt).getHours()}:00`;
    const seconds = (new Date(job.completedAt) - new Date(job.startedAt)) / 1000;
    const bucket = buckets.get(hour) || [];
    bucket.push(seconds);
    buckets.set(hour, bucket);
  }
  return [...buckets].map(([x, values]) => ({ x, y: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 }));
}

function Figure({ label, value }) {
  return (
    <div data-testid="figure" data-label={label}>
      <Box variant="awsui-key-label">{label}</Box>
      <Box variant="awsui-value-large">{value}</Box>
    </div>
  );
}

export function Dashboard() {
  const { data, reload } = useQuery(QUEUE_STATS);
  const refresh = useThrottled(reload, 1000);
  useSubscription(JOB_EVENTS, {}, refresh);
  const stats = data?.queueStats;
  const jobs = data?.jobs.nodes || [];
  const timing = processingByHour(jobs);
  return (
    <ContentLayout header={<Header variant="h1" description="Live: figures move as jobs do.">Dashboard</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Queue</Header>}>
          <ColumnLayout columns={4} variant="text-grid">
            <Figure label="Total jobs" value={stats?.totalJobs ?? "…"} />
            <Figure label="Waiting for review" value={stats?.reviewQueueSize ?? "…"} />
            <Figure label="Created today" value={stats?.jobsCreatedToday ?? "…"} />
            <Figure label="Success rate" value={stats?.successRate == null ? "—" : `${stats.successRate.toFixed(1)} %`} />
            {stats && Object.entries(stats.counts).map(([status, count]) => <Figure key={status} label={status} value={count} />)}
            <Figure label="Average processing" value={stats?.averageProcessingSeconds == null ? "—" : `${stats.averageProcessingSeconds.toFixed(1)} s`} />
          </ColumnLayout>
        </Container>
        <ColumnLayout columns={2}>
          <Container header={<Header variant="h2" description="Jobs created each hour today, by their status now (last 100 jobs)">Jobs by status</Header>}>
            <BarChart series={jobsByHour(jobs)} stackedBars hideFilter height={200} xTitle="hour" yTitle="jobs" empty={<Box>No jobs today yet</Box>} ariaLabel="jobs by status over the day" />
          </Container>
          <Container header={<Header variant="h2" description="Mean seconds from start to finish, by hour finished">Processing time</Header>}>
            <BarChart series={timing.length ? [{ title: "seconds", type: "bar", data: timing }] : []} hideFilter hideLegend height={200} xTitle="hour" yTitle="s" empty={<Box>No finished jobs yet</Box>} ariaLabel="processing time" />
          </Container>
        </ColumnLayout>
      </SpaceBetween>
    </ContentLayout>
  );
}
