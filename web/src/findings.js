// A finding is the formal check behind an issue: premises (what the file says), the claim
// (what the rule requires), and, when the claim fails, a counterexample. Said in plain words.
const OUTCOME_WORDS = {
  VALID: "holds: the file's figures guarantee it",
  INVALID: "does not hold: the file's figures contradict it",
  SATISFIABLE: "cannot be decided from the file: it holds in one reading and fails in another",
  IMPOSSIBLE: "the file's figures contradict each other, so nothing can be concluded",
  TOO_COMPLEX: "was too large to check in the time allowed",
  NO_TRANSLATIONS: "could not be checked: nothing in the file gives the figures it needs",
};

function words(identifier) {
  return String(identifier).replaceAll("_", " ");
}

function listValues(values) {
  return Object.entries(values || {}).map(([name, value]) => `${words(name)} = ${value}`).join(", ");
}

export function explainFinding(finding) {
  const subject = [finding.employee, finding.week_start && `week of ${finding.week_start}`, finding.date].filter(Boolean).join(", ");
  const verdict = OUTCOME_WORDS[finding.outcome] || finding.outcome;
  const lines = [`The rule "${finding.claim}" ${verdict}${subject ? ` (${subject})` : ""}.`];
  const rules = Object.values(finding.rule_statements || {});
  if (rules.length) lines.push(`It rests on: ${rules.join("; ")}.`);
  if (finding.premises?.length) {
    const more = finding.premises_omitted ? ` and ${finding.premises_omitted} more` : "";
    lines.push(`From the file: ${finding.premises.join("; ")}${more}.`);
  }
  if (finding.assumptions?.length) lines.push(`Assumed where the file is silent: ${finding.assumptions.join("; ")}.`);
  if (finding.counterexample) lines.push(`Counterexample: ${listValues(finding.counterexample)}.`);
  if (finding.scenarios) {
    lines.push(`It would hold with ${listValues(finding.scenarios.claim_true)}, and fail with ${listValues(finding.scenarios.claim_false)}.`);
  }
  return lines;
}

/** The finding behind an issue: same rule, same employee (and week or date when given). */
export function findingFor(issue, findings) {
  const candidates = findings.filter((f) => f.rule_id === issue.ruleId && f.outcome !== "VALID");
  return candidates.find((f) => f.employee === issue.employee && (!issue.date || f.date === issue.date))
    || candidates.find((f) => f.employee === issue.employee)
    || candidates[0]
    || null;
}
