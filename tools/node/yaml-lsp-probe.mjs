// Drives yaml-language-server over its stdio LSP protocol, as an editor does: opens documents,
// asks for completions and collects the diagnostics it publishes. Reads a plan as JSON on stdin:
//   { "documents": [ { "uri": "file:///...", "text": "...", "complete": [ { "line": 0, "character": 0 } ] } ] }
// and prints one JSON object: { "documents": [ { "uri", "diagnostics": [...], "completions": [[labels]] } ] }.
// A document names its schema with the modeline "# yaml-language-server: $schema=..." on its first line.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const server = require.resolve("yaml-language-server/bin/yaml-language-server");
const plan = JSON.parse(readFileSync(0, "utf8"));

const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
const diagnosticWaiters = [];

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
function notify(method, params) {
  send({ method, params });
}
function onMessage(message) {
  if (message.id !== undefined && pending.has(message.id) && message.method === undefined) {
    const { resolve, reject } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result);
  } else if (message.method === "textDocument/publishDiagnostics") {
    diagnostics.set(message.params.uri, message.params.diagnostics);
    diagnosticWaiters.splice(0).forEach((wake) => wake());
  } else if (message.id !== undefined && message.method !== undefined) {
    // A request from the server (configuration, registration, ...): answer it with nothing.
    send({ id: message.id, result: message.method === "workspace/configuration" ? message.params.items.map(() => null) : null });
  }
}
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, headerEnd).toString("ascii"))[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
    buffer = buffer.slice(headerEnd + 4 + length);
    onMessage(JSON.parse(body));
  }
});

async function diagnosticsOf(uri, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!diagnostics.has(uri)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no diagnostics published for ${uri} within ${timeoutMs} ms`);
    await new Promise((wake) => {
      diagnosticWaiters.push(wake);
      setTimeout(wake, left);
    });
  }
  return diagnostics.get(uri);
}

const watchdog = setTimeout(() => {
  console.error("yaml-lsp-probe: no answer within 60 s");
  child.kill();
  process.exit(2);
}, 60000);

await request("initialize", {
  processId: process.pid,
  rootUri: null,
  capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } }, publishDiagnostics: {} } },
});
notify("initialized", {});
notify("workspace/didChangeConfiguration", {
  settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } },
});
const out = { documents: [] };
for (const doc of plan.documents) {
  notify("textDocument/didOpen", { textDocument: { uri: doc.uri, languageId: "yaml", version: 1, text: doc.text } });
  const result = { uri: doc.uri, diagnostics: [], completions: [] };
  for (const position of doc.complete || []) {
    const list = await request("textDocument/completion", { textDocument: { uri: doc.uri }, position });
    const items = Array.isArray(list) ? list : (list && list.items) || [];
    result.completions.push(items.map((item) => item.label));
  }
  result.diagnostics = (await diagnosticsOf(doc.uri, 30000)).map((d) => ({
    line: d.range.start.line,
    character: d.range.start.character,
    message: d.message,
  }));
  out.documents.push(result);
}
clearTimeout(watchdog);
await request("shutdown", null);
notify("exit", null);
console.log(JSON.stringify(out));
process.exit(0);
