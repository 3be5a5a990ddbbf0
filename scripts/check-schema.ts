/**
 * Fails (exit 1) when schema.json and the code disagree: resource input and output property
 * names, required inputs, replace-on-change and secret flags, defaults, and the config keys.
 * The code is the source of truth; schema.json is the published description of it.
 * Run it with `make schema` (CI runs it through `make lint`); schema.json is read from the cwd
 * or from the first argument.
 * The unit test provider/functiongraph/schema.test.ts runs the same check under jest.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { CONFIG_KEYS } from "../provider/functiongraph/config";
import { DEFAULTS, INPUT_PROPERTIES, OUTPUT_PROPERTIES, REPLACE_ON_CHANGE, inputObject } from "../provider/functiongraph/function-schema";
import { FUNCTION_OUTPUTS } from "../sdk/functiongraph/function";

interface Property { secret?: boolean; willReplaceOnChanges?: boolean; default?: unknown }
interface ResourceSpec {
  properties: Record<string, Property>;
  inputProperties: Record<string, Property>;
  requiredInputs: string[];
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const same = (a: Iterable<string>, b: Iterable<string>) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Every disagreement, as one line each. */
export function schemaProblems(schema: any): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string, want: Iterable<string>, got: Iterable<string>) => {
    if (!ok) problems.push(`${what}: code has [${sorted(want).join(", ")}], schema.json has [${sorted(got).join(", ")}]`);
  };
  const fn: ResourceSpec | undefined = schema?.resources?.["cloudfn:functiongraph:Function"];
  if (!fn) return ["schema.json has no resource cloudfn:functiongraph:Function"];
  const inputs = Object.keys(fn.inputProperties);
  const outputs = Object.keys(fn.properties);
  expect(same(INPUT_PROPERTIES, inputs), "Function inputProperties", INPUT_PROPERTIES, inputs);
  expect(same(OUTPUT_PROPERTIES, outputs), "Function properties (provider outputs)", OUTPUT_PROPERTIES, outputs);
  expect(same(FUNCTION_OUTPUTS, outputs), "Function properties (SDK class outputs)", FUNCTION_OUTPUTS, outputs);
  const required = INPUT_PROPERTIES.filter((k) => !inputObject.shape[k].isOptional());
  expect(same(required, fn.requiredInputs), "Function requiredInputs", required, fn.requiredInputs);
  const replaces = inputs.filter((k) => fn.inputProperties[k].willReplaceOnChanges);
  expect(same(REPLACE_ON_CHANGE, replaces), "Function willReplaceOnChanges", REPLACE_ON_CHANGE, replaces);
  const secrets = [...inputs.filter((k) => fn.inputProperties[k].secret), ...outputs.filter((k) => fn.properties[k].secret)];
  expect(same(["encryptedEnvironment", "encryptedEnvironmentHash"], secrets), "Function secret properties", ["encryptedEnvironment", "encryptedEnvironmentHash"], secrets);
  for (const [k, v] of Object.entries(DEFAULTS)) {
    if (fn.inputProperties[k]?.default !== v) problems.push(`Function input ${k}: code default is ${JSON.stringify(v)}, schema.json says ${JSON.stringify(fn.inputProperties[k]?.default)}`);
  }
  const keys = Object.values(CONFIG_KEYS).map((c) => c.key.replace(/^cloudfn:/, ""));
  const configured = Object.keys(schema.config?.variables ?? {});
  expect(same(keys, configured), "config variables", keys, configured);
  return problems;
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? "schema.json");
  const schema = JSON.parse(readFileSync(file, "utf8"));
  const problems = schemaProblems(schema);
  for (const p of problems) console.error(`schema.json: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log("schema.json agrees with the code");
}
