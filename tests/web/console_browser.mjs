// Drives the console and GraphiQL in the system Chromium (playwright-core, no browser download)
// for tests/web/test_console_browser.py, which starts the real app and checks what this prints.
//   node console_browser.mjs SCENARIO CONFIG_JSON
// Prints one JSON line with what was seen; exits 1 with the reason when a step fails.
// Every request to a host other than the app's is blocked and reported: the pages must work
// with no network.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const require = createRequire(resolve(here, "../../web/package.json"));
const { chromium } = require("playwright-core");

const [scenario, configText] = process.argv.slice(2);
const config = JSON.parse(configText);
const STEP_MS = 60_000;
mkdirSync(config.screenshots, { recursive: true });

const foreignRequests = [];
const consoleErrors = [];

async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: config.chromium,
    headless: true,
    // Any host but the app's resolves to nothing: a page that needs the internet breaks here.
    args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-sandbox", "--disable-dev-shm-usage"],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const origin = new URL(config.base).origin;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  context.on("page", watch);
  return { browser, context };
}

function watch(page) {
  page.setDefaultTimeout(STEP_MS);
  page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
}

async function shot(page, name) {
  await page.screenshot({ path: join(config.screenshots, `${name}.png`), fullPage: true });
}

async function signIn(page, key) {
  await page.goto(config.base + "/");
  await page.getByLabel("credential").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
}

/** Drops files on the drop zone the way a browser does: a DataTransfer on dragover + drop. */
async function dropFiles(page, files) {
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], item.name));
    }
    return data;
  }, files);
  const zone = page.getByText("Drop files here, or").locator("xpath=ancestor::*[@data-awsui-file-dropzone or contains(@class,'dropzone')][1]");
  const target = (await zone.count()) ? zone.first() : page.getByText("Drop files here, or");
  await target.dispatchEvent("dragenter", { dataTransfer: transfer });
  await target.dispatchEvent("dragover", { dataTransfer: transfer });
  await target.dispatchEvent("drop", { dataTransfer: transfer });
}

async function readFiles(paths) {
  const { readFileSync } = await import("node:fs");
  const { basename } = await import("node:path");
  return paths.map((path) => ({ name: basename(path), base64: readFileSync(path).toString("base64") }));
}

const scenarios = {
  /** Reviewer: upload two files by drag and drop, watch one reach REVIEW live on the jobs page,
   * see the duplicate refused, open the job, download CSV/XLSX, approve, see COMPLETED. */
  async review(context) {
    const page = await context.newPage();
    await page.goto(config.base + "/");
    await shot(page, "01-sign-in");
    await signIn(page, config.key);

    // A jobs page opened before the upload and never reloaded: whatever it shows later came live.
    const jobsPage = await context.newPage();
    await jobsPage.goto(config.base + "/jobs");
    await jobsPage.getByRole("heading", { name: "Jobs" }).waitFor();
    await jobsPage.evaluate(() => { window.__notReloaded = true; });

    await page.getByRole("link", { name: "Upload" }).first().click();
    await dropFiles(page, await readFiles(config.files));
    await page.getByText(`${config.files.length} file(s) ready`).waitFor();
    await page.getByRole("button", { name: "priority" }).click();
    await page.getByRole("option", { name: "HIGH" }).click();
    await page.getByRole("button", { name: /^Upload/ }).click();
    const queued = page.getByText(/queued — job/);
    await queued.nth(config.files.length - 1).waitFor();
    const jobIds = await page.locator("text=/queued — job/").evaluateAll((nodes) => nodes.map((n) => n.querySelector("a")?.textContent));
    await shot(page, "03-upload");

    const reviewJob = jobIds[0]; // the sample workbook, sent first
    const row = jobsPage.locator("tr", { has: jobsPage.getByRole("link", { name: `job ${reviewJob}` }) });
    await row.getByText("REVIEW", { exact: true }).waitFor({ timeout: 90_000 });
    const liveWithoutReload = await jobsPage.evaluate(() => window.__notReloaded === true);
    const rowText = await row.innerText();
    await shot(jobsPage, "04-jobs-live");

    // The same bytes again: refused as a duplicate, naming the existing job.
    await page.getByRole("link", { name: "Upload" }).first().click();
    await dropFiles(page, (await readFiles(config.files)).slice(0, 1));
    await page.getByRole("button", { name: /^Upload/ }).click();
    const duplicate = await page.getByText(/already received — job/).first().innerText();

    await jobsPage.getByRole("link", { name: `job ${reviewJob}` }).click();
    await jobsPage.getByRole("heading", { name: "Issues" }).waitFor();
    const issues = await jobsPage.getByTestId("issue").allInnerTexts();
    const locations = await jobsPage.getByTestId("issue-location").allInnerTexts();
    const timecardRows = await jobsPage.locator("table").first().locator("tbody tr").count();
    await jobsPage.getByText("Why: the check behind it").first().click();
    const explanation = await jobsPage.getByTestId("issue").first().innerText();
    await shot(jobsPage, "05-job-review");

    const downloads = {};
    for (const kind of ["CSV", "XLSX"]) {
      const waiting = jobsPage.waitForEvent("download");
      await jobsPage.getByRole("button", { name: kind, exact: true }).click();
      const file = await waiting;
      const path = join(config.screenshots, `download-${reviewJob}.${kind.toLowerCase()}`);
      await file.saveAs(path);
      downloads[kind] = path;
    }

    await jobsPage.getByPlaceholder("e.g. hours confirmed").fill(config.comment);
    await jobsPage.getByRole("button", { name: "Approve" }).click();
    await jobsPage.getByTestId("job-status").getByText("COMPLETED").waitFor();
    const audit = await jobsPage.locator("table", { hasText: config.comment }).innerText();
    await shot(jobsPage, "06-job-approved");

    await page.getByRole("link", { name: "Review queue" }).first().click();
    await page.getByRole("heading", { name: "Review queue" }).waitFor();
    await page.getByText(/crew-week/).waitFor();
    const queue = await page.locator("table").first().innerText();
    await shot(page, "07-review-queue");

    await page.getByRole("link", { name: "Dashboard" }).first().click();
    await page.locator('[data-label="Total jobs"]', { hasText: /\d/ }).waitFor();
    const figures = Object.fromEntries(await page.getByTestId("figure").evaluateAll((nodes) => nodes.map((n) => [n.dataset.label, n.innerText.split("\n").pop()])));
    await shot(page, "02-dashboard");
    return { queue, figures, jobIds, reviewJob, rowText, liveWithoutReload, duplicate, issues, locations, timecardRows, explanation, downloads, audit };
  },

  /** Viewer: sees the job waiting for review, but no approve button, no upload, no cancel. */
  async viewer(context) {
    const page = await context.newPage();
    await page.goto(config.base + "/");
    await page.getByLabel("credential").fill("pl_not_a_key");
    await page.getByRole("button", { name: "Sign in" }).click();
    const refused = await page.getByText("did not accept").innerText();
    await signIn(page, config.key);
    const navigation = (await page.getByRole("link").allInnerTexts()).join(" | ");
    await page.goto(config.base + `/jobs/${config.jobId}`);
    await page.getByTestId("job-status").getByText("REVIEW").waitFor();
    await page.getByRole("heading", { name: "Issues" }).waitFor();
    const approveButtons = await page.getByRole("button", { name: "Approve" }).count();
    const cancelButtons = await page.getByRole("button", { name: "Cancel" }).count();
    const role = await page.getByRole("button", { name: /signed in as/ }).innerText();
    await shot(page, "08-job-as-viewer");

    // The jobs table filtered by status, then by kind.
    await page.getByRole("link", { name: "Jobs" }).first().click();
    await page.getByRole("link", { name: `job ${config.jobId}` }).waitFor();
    const jobLinks = () => page.getByRole("link", { name: /^job / }).evaluateAll((links) => links.map((a) => a.getAttribute("aria-label").slice(4)));
    const unfiltered = await jobLinks();
    await page.getByRole("button", { name: "filter by status" }).click();
    await page.getByRole("option", { name: "COMPLETED" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: `job ${config.jobId}` }).waitFor({ state: "detached" });
    const completedOnly = await jobLinks();
    await shot(page, "08b-jobs-filtered");
    await page.getByRole("button", { name: "filter by kind" }).click();
    await page.getByRole("option", { name: "onboarding" }).click();
    await page.getByText("No jobs match").waitFor();
    const onboardingCompleted = await jobLinks();
    return { unfiltered, completedOnly, onboardingCompleted, refused, navigation, approveButtons, cancelButtons, role };
  },

  /** Admin: a setting refused with its message, one saved and shown in its history; mapping screen. */
  async settings(context) {
    const page = await context.newPage();
    await signIn(page, config.key);
    await page.getByRole("link", { name: "Settings" }).first().click();
    const field = page.getByRole("textbox", { name: "maxConcurrentJobs", exact: true });
    await field.fill("99");
    await page.getByRole("button", { name: "Save changes" }).click();
    const refusal = await page.getByText("Nothing was changed").innerText();
    // The server's message, in the alert and again under the field it is about.
    const fieldErrors = await page.getByText("less than or equal to 10").count();
    await shot(page, "09-settings-refused");
    await field.fill("4");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved: the next job uses the new values.").waitFor();
    await page.getByRole("button", { name: "setting for history" }).click();
    await page.getByRole("option", { name: "maxConcurrentJobs", exact: true }).click();
    const history = await page.locator("table", { hasText: "Who" }).innerText();
    await shot(page, "10-settings-saved");

    await page.goto(config.base + `/jobs/${config.jobId}/mapping`);
    await page.getByRole("heading", { name: "Match columns" }).waitFor();
    await page.getByLabel("sheet name").fill(config.sheet);
    await page.getByRole("button", { name: "role of column A" }).click();
    await page.getByRole("option", { name: "employee", exact: true }).click();
    await page.getByRole("button", { name: "Add column" }).click();
    await page.getByRole("button", { name: "role of column B" }).click();
    await page.getByRole("option", { name: "date", exact: true }).click();
    await page.getByRole("button", { name: "Save mapping" }).click();
    const mapping = await page.getByText("Saved for this layout").innerText();
    await shot(page, "11-mapping");

    // Cancel the job from its page, then queue it again.
    await page.goto(config.base + `/jobs/${config.jobId}`);
    await page.getByTestId("job-status").getByText("REVIEW").waitFor();
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    const cancelled = await page.getByText(/^Cancelled: job/).innerText();
    await page.getByTestId("job-status").getByText("CANCELLED").waitFor();
    await page.getByRole("button", { name: "Retry", exact: true }).click();
    const retried = await page.getByText(/^Queued again: job/).innerText();
    return { refusal, fieldErrors, history, mapping, cancelled, retried };
  },

  /** GraphiQL with no network: loads, carries the console's key, runs a query and a subscription. */
  async graphiql(context) {
    const page = await context.newPage();
    await signIn(page, config.key);
    await page.goto(config.base + "/graphiql");
    await page.locator(".graphiql-container").waitFor();
    // The Headers editor starts with the key the console signed in with.
    await page.getByText(config.key.slice(0, 20)).first().waitFor();
    const headersShowKey = (await page.getByText(config.key.slice(0, 20)).count()) > 0;
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".graphiql-response").getByText("queueStats").waitFor();
    const response = await page.locator(".graphiql-response").innerText();
    await shot(page, "12-graphiql-query");

    const subscription = `subscription { jobProgress(jobId: "${config.jobId}") { seq status } }`;
    await page.goto(config.base + "/graphiql?query=" + encodeURIComponent(subscription));
    await page.locator(".graphiql-container").waitFor();
    // GraphiQL reopens the tabs it stored over a linked query: forget them (not the sign-in).
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("graphiql")).forEach((k) => localStorage.removeItem(k)));
    await page.reload();
    await page.getByText("jobProgress").first().waitFor();
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".graphiql-response").getByText("COMPLETED").waitFor();
    const streamed = await page.locator(".graphiql-response").innerText();
    await shot(page, "13-graphiql-subscription");
    return { headersShowKey, response, streamed };
  },
};

const { browser, context } = await openBrowser();
try {
  const seen = await scenarios[scenario](context);
  console.log(JSON.stringify({ ...seen, foreignRequests, consoleErrors }));
} catch (error) {
  const pages = context.pages();
  if (pages.length) await shot(pages[pages.length - 1], `failed-${scenario}`).catch(() => {});
  console.error(`${scenario}: ${error.message}\nforeign requests: ${foreignRequests.join(" ")}\nconsole errors: ${consoleErrors.join(" | ")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
