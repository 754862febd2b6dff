// Drives api/static/playground.js in Node (no browser): a stand-in DOM, then the page's own
// Run button for a query, a multipart upload and a subscription.
// usage: node --experimental-websocket playground_harness.js BASE_URL API_KEY FILE
"use strict";
const fs = require("fs");
const path = require("path");
const [, , base, key, filePath] = process.argv;

const elements = {};
function element(id) {
  if (!elements[id]) {
    elements[id] = { id, value: "", textContent: "", disabled: false, files: [], appendChild() {} };
  }
  return elements[id];
}
const storage = {};
global.document = { getElementById: element, createElement: () => ({}), addEventListener() {} };
global.location = new URL(base);
global.localStorage = global.sessionStorage = { getItem: (k) => storage[k] || null, setItem: (k, v) => { storage[k] = v; } };
eval(fs.readFileSync(path.join(__dirname, "../../api/static/playground.js"), "utf8"));

const $ = element;
function until(predicate, ms = 60000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) { clearInterval(timer); resolve(); }
      else if (Date.now() - started > ms) { clearInterval(timer); reject(new Error("timeout: " + $("state").textContent)); }
    }, 50);
  });
}

async function run(query, variables, done) {
  $("state").textContent = "";
  $("output").textContent = "";
  $("query").value = query;
  $("variables").value = JSON.stringify(variables || {});
  $("run").onclick();
  await until(done);
  return $("output").textContent;
}

(async () => {
  $("apiKey").value = key;
  const report = {};
  const http = (s) => s.startsWith("HTTP");
  report.query = JSON.parse(await run("{ health { ok } }", {}, () => http($("state").textContent)));
  $("file").files = [new File([fs.readFileSync(filePath)], path.basename(filePath))];
  report.upload = JSON.parse(await run(
    "mutation($file: Upload!) { uploadFile(file: $file) { __typename ... on UploadAccepted { job { id } } } }",
    {}, () => http($("state").textContent)));
  $("file").files = [];
  const jobId = report.upload.data.uploadFile.job.id;
  const text = await run("subscription($id: ID!) { jobProgress(jobId: $id) { seq status } }", { id: jobId },
    () => /complete|closed/.test($("state").textContent));
  report.events = text.trim().split(/\n(?=\{)/).map((chunk) => JSON.parse(chunk));
  $("apiKey").value = "pl_wrong_key";
  report.refused = await run("subscription { jobEvents { seq } }", {}, () => /closed/.test($("state").textContent));
  console.log(JSON.stringify(report));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
