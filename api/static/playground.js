// Punchline's offline playground: no CDN, no framework. Queries and mutations go over HTTP
// with the x-api-key (or Authorization) header; a file input becomes a GraphQL multipart
// upload; subscriptions run over graphql-transport-ws with the key in connection_init.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var endpoint = location.origin + "/graphql";
  var socket = null;

  var EXAMPLES = {
    "Recent jobs": "query { jobs(first: 10) { nodes { id status priority progress stage file { name } } pageInfo { endCursor hasNextPage } } }",
    "Upload a file (pick one below)": "mutation($file: Upload!) {\n  uploadFile(file: $file, priority: NORMAL) {\n    __typename\n    ... on UploadAccepted { job { id status lastSeq } file { name kind format } }\n    ... on DuplicateFile { job { id status } }\n    ... on InvalidUpload { code message }\n  }\n}",
    "Follow a job": "subscription($id: ID!) {\n  jobProgress(jobId: $id) { seq type status progress stage message at }\n}",
    "Review queue": "query { reviewQueue(first: 20) { nodes { id file { name } issues { code severity message } } } }",
    "Approve": "mutation($id: ID!) { approveReview(jobId: $id, comment: \"checked\") { __typename ... on Job { status } ... on InvalidJobTransition { message } } }",
    "Settings": "query { settings { maxConcurrentJobs overtimeThresholdHours federalMinimumWage uploadSizeLimitMb reviewTriggers { highDailyRatesThreshold } } }",
    "Queue stats": "query { queueStats { counts { pending processing review completed failed cancelled } reviewQueueSize totalJobs successRate averageProcessingSeconds jobsCreatedToday } }",
    "Every job's events": "subscription { jobEvents { jobId seq status stage progress at } }"
  };

  function credentials() {
    var key = $("apiKey").value.trim(), bearer = $("bearer").value.trim();
    if (key) { return { "x-api-key": key }; }
    if (bearer) { return { "Authorization": "Bearer " + bearer }; }
    return {};
  }

  function show(value) {
    $("output").textContent = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  }

  function append(value) {
    $("output").textContent += JSON.stringify(value, null, 2) + "\n";
  }

  function variables() {
    var text = $("variables").value.trim();
    return text ? JSON.parse(text) : {};
  }

  function send(query, vars) {
    var file = $("file").files[0];
    var init = { method: "POST", headers: credentials() };
    if (file && /\$file\b/.test(query)) {
      vars.file = null;
      var form = new FormData();
      form.append("operations", JSON.stringify({ query: query, variables: vars }));
      form.append("map", JSON.stringify({ "0": ["variables.file"] }));
      form.append("0", file, file.name);
      init.body = form;
    } else {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify({ query: query, variables: vars });
    }
    return fetch(endpoint, init).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    });
  }

  function subscribe(query, vars) {
    stop();
    show("");
    var url = endpoint.replace(/^http/, "ws");
    socket = new WebSocket(url, "graphql-transport-ws");
    $("stop").disabled = false;
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: "connection_init", payload: credentials() }));
    };
    socket.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type === "connection_ack") {
        $("state").textContent = "subscribed";
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: query, variables: vars } }));
      } else if (data.type === "next") {
        append(data.payload);
      } else if (data.type === "error") {
        append({ errors: data.payload });
      } else if (data.type === "complete") {
        $("state").textContent = "complete";
        stop();
      } else if (data.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      }
    };
    socket.onclose = function (event) {
      if (event.code === 4403) { append({ errors: [{ message: "refused: check the API key", extensions: { code: "UNAUTHENTICATED" } }] }); }
      $("state").textContent = "closed (" + event.code + ")";
      $("stop").disabled = true;
      socket = null;
    };
  }

  function stop() {
    if (socket) { socket.close(1000); socket = null; }
    $("stop").disabled = true;
  }

  function run() {
    var query = $("query").value, vars;
    try { vars = variables(); } catch (e) { show("Variables are not valid JSON: " + e.message); return; }
    localStorage.setItem("punchline.query", query);
    if (/^\s*subscription\b/.test(query)) { subscribe(query, vars); return; }
    $("state").textContent = "running";
    send(query, vars).then(function (result) {
      $("state").textContent = "HTTP " + result.status;
      show(result.body);
    }).catch(function (error) { $("state").textContent = "failed"; show(String(error)); });
  }

  function showSchema() {
    var query = "query { __schema { types { name kind fields { name } } } }";
    send(query, {}).then(function (result) {
      var types = ((result.body.data || {}).__schema || {}).types || [];
      show(types.filter(function (t) { return t.name.indexOf("__") !== 0; }).map(function (t) {
        return t.kind + " " + t.name + (t.fields ? " { " + t.fields.map(function (f) { return f.name; }).join(", ") + " }" : "");
      }).join("\n") || result.body);
    });
  }

  Object.keys(EXAMPLES).forEach(function (name) {
    var option = document.createElement("option");
    option.textContent = name;
    $("examples").appendChild(option);
  });
  $("examples").onchange = function () { $("query").value = EXAMPLES[this.value]; };
  $("apiKey").value = sessionStorage.getItem("punchline.key") || "";
  $("apiKey").onchange = function () { sessionStorage.setItem("punchline.key", this.value); };
  $("query").value = localStorage.getItem("punchline.query") || EXAMPLES["Recent jobs"];
  $("run").onclick = run;
  $("stop").onclick = stop;
  $("schema").onclick = showSchema;
  document.addEventListener("keydown", function (e) { if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { run(); } });
}());
