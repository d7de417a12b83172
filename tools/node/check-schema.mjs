// Compiles the JSON Schema of a model file with ajv in strict mode, then validates model files
// with it. Prints one JSON object: { "compiled": true|false, "error": "...", "results": [...] }.
// Usage: node check-schema.mjs <schema.json> [<model.yaml> ...]
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";

const [schemaFile, ...models] = process.argv.slice(2);
const out = { compiled: false, results: [] };
let validate;
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
  out.compiled = true;
} catch (e) {
  out.error = String(e.message || e);
}
if (validate) {
  for (const file of models) {
    // YAML 1.2 core schema, as yaml-language-server and the model reader read it: yes/no are text.
    const data = parse(readFileSync(file, "utf8"), { version: "1.2", schema: "core" });
    const valid = validate(data);
    out.results.push({
      file,
      valid,
      errors: (validate.errors || []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`),
    });
  }
}
console.log(JSON.stringify(out));
