// The GraphQL documents the console sends. Issue and sheet selections come from the server's
// schema (see schema.js), so new fields show up without a console release.
const JOB_ROW = "id kind status priority progress stage attempts maxAttempts createdAt updatedAt lastSeq file { name format kind size } error { code message }";

export const HEALTH = "{ health { ok } }";

export const JOBS = `query Jobs($status: [JobStatus!], $kind: String, $first: Int, $after: String) {
  jobs(status: $status, kind: $kind, first: $first, after: $after) { nodes { ${JOB_ROW} } pageInfo { endCursor hasNextPage } }
}`;

export function jobQuery(shape) {
  const issue = shape.selection("Issue", 1);
  const sheets = shape.optionalField("Job", "sheets", 3);
  return `query Job($id: ID!) { job(id: $id) {
    ${JOB_ROW} startedAt completedAt decision
    file { name format kind size sha256 uploadedAt source }
    issues { ${issue} }
    findings
    timecards { employee employeeId totalHours totalPay entries { date hours pay } }
    reviews { decision reviewer comment at fromStatus toStatus }
    events(afterSeq: 0, first: 500) { seq type status progress stage message at }
    ${sheets}
  } }`;
}

export const JOB_PROGRESS = `subscription Follow($id: ID!, $after: Int) {
  jobProgress(jobId: $id, afterSeq: $after) { seq type status progress stage message at }
}`;

export const JOB_EVENTS = "subscription { jobEvents { jobId seq type status progress stage at } }";

export const REVIEW_QUEUE = `query ReviewQueue($first: Int) {
  reviewQueue(first: $first) { nodes { ${JOB_ROW} decision issues { code severity } reviews { decision reviewer comment at } } }
}`;

export const REVIEW_QUEUE_CHANGED = "subscription { reviewQueueChanged { jobId change } }";

export const UPLOAD = `mutation Upload($file: Upload!, $priority: JobPriority) {
  uploadFile(file: $file, priority: $priority) {
    __typename
    ... on UploadAccepted { job { id status priority } file { name } }
    ... on DuplicateFile { job { id status } file { name } }
    ... on InvalidUpload { code message }
  }
}`;

const ACTION_RESULT = `__typename
  ... on Job { id status priority progress stage }
  ... on JobNotFound { message }
  ... on InvalidJobTransition { message }`;

export const CANCEL = `mutation($id: ID!) { result: cancelJob(id: $id) { ${ACTION_RESULT} } }`;
export const RETRY = `mutation($id: ID!) { result: retryJob(id: $id) { ${ACTION_RESULT} } }`;
export const SET_PRIORITY = `mutation($id: ID!, $priority: JobPriority!) { result: setJobPriority(id: $id, priority: $priority) { ${ACTION_RESULT} } }`;

export const APPROVE = `mutation($id: ID!, $comment: String) { result: approveReview(jobId: $id, comment: $comment) { ${ACTION_RESULT} } }`;
export const REJECT = `mutation($id: ID!, $comment: String!) { result: rejectReview(jobId: $id, comment: $comment) { ${ACTION_RESULT} } }`;

export const CONFIRM_MAPPING = `mutation($id: ID!, $sheet: String!, $columns: [ColumnRoleInput!]!) {
  confirmMapping(jobId: $id, sheet: $sheet, columns: $columns) { fingerprint mapping }
}`;

export const QUEUE_STATS = `{ queueStats { counts { pending processing review completed failed cancelled } reviewQueueSize totalJobs averageProcessingSeconds successRate jobsCreatedToday }
  jobs(first: 100) { nodes { id status createdAt startedAt completedAt } } }`;

export function settingsQuery(shape) {
  return `{ settings { ${shape.selection("Settings", 1)} } }`;
}

export const SETTING_HISTORY = `query($key: String!) { settingHistory(key: $key, first: 20) { key oldValue newValue changedBy changedAt } }`;

export function updateSettingsMutation(shape) {
  return `mutation($input: SettingsInput!) { updateSettings(input: $input) {
    __typename ... on Settings { ${shape.selection("Settings", 1)} } ... on InvalidSettings { message problems { key message } }
  } }`;
}

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"];
export const STATUSES = ["PENDING", "PROCESSING", "REVIEW", "COMPLETED", "FAILED", "CANCELLED"];
export const FINISHED = new Set(["COMPLETED", "FAILED", "CANCELLED"]);
