/**
 * Fails (exit 1) when schema.json and the code disagree: resource input and output property
 * names, required inputs, replace-on-change and secret flags, defaults, and the config keys.
 * The code is the source of truth; schema.json is the published description of it.
 * Run it with `make schema` (CI runs it through `make lint`); schema.json is read from the cwd
 * or from the first argument.
 * The unit test scripts/check-schema.test.ts runs the same check under jest.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { CONFIG_KEY_NAMES, RESOURCES, type ResourceDeclaration } from "./schema-registry";

interface Property { secret?: boolean; willReplaceOnChanges?: boolean; default?: unknown }
interface ResourceSpec {
  properties: Record<string, Property>;
  inputProperties: Record<string, Property>;
  requiredInputs: string[];
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const same = (a: Iterable<string>, b: Iterable<string>) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Disagreements between one declared resource and its schema.json entry, one line each. */
function resourceProblems(decl: ResourceDeclaration, spec: ResourceSpec | undefined): string[] {
  const short = decl.token.split(":").pop();
  if (!spec) return [`schema.json has no resource ${decl.token}`];
  const problems: string[] = [];
  const expect = (what: string, want: Iterable<string>, got: Iterable<string>) => {
    if (!same(want, got)) problems.push(`${short} ${what}: code has [${sorted(want).join(", ")}], schema.json has [${sorted(got).join(", ")}]`);
  };
  const inputs = Object.keys(spec.inputProperties ?? {});
  const outputs = Object.keys(spec.properties ?? {});
  expect("inputProperties", decl.inputProperties, inputs);
  expect("properties (provider outputs)", decl.outputProperties, outputs);
  expect("properties (SDK class outputs)", decl.sdkOutputs, outputs);
  const required = decl.inputProperties.filter((k) => !decl.inputObject.shape[k]?.isOptional());
  expect("requiredInputs", required, spec.requiredInputs ?? []);
  expect("willReplaceOnChanges", decl.replaceOnChange, inputs.filter((k) => spec.inputProperties[k].willReplaceOnChanges));
  const secrets = new Set([...inputs.filter((k) => spec.inputProperties[k].secret), ...outputs.filter((k) => spec.properties[k].secret)]);
  expect("secret properties", decl.secrets, secrets);
  for (const [k, v] of Object.entries(decl.defaults)) {
    if (spec.inputProperties[k]?.default !== v) problems.push(`${short} input ${k}: code default is ${JSON.stringify(v)}, schema.json says ${JSON.stringify(spec.inputProperties[k]?.default)}`);
  }
  return problems;
}

/** Every disagreement, as one line each. */
export function schemaProblems(schema: any): string[] {
  const problems = RESOURCES.flatMap((decl) => resourceProblems(decl, schema?.resources?.[decl.token]));
  const declared = new Set(RESOURCES.map((r) => r.token));
  for (const token of Object.keys(schema?.resources ?? {})) {
    if (!declared.has(token)) problems.push(`schema.json describes ${token}, which the code does not declare`);
  }
  const keys = CONFIG_KEY_NAMES.map((k) => k.replace(/^cloudfn:/, ""));
  const configured = Object.keys(schema?.config?.variables ?? {});
  if (!same(keys, configured)) problems.push(`config variables: code has [${sorted(keys).join(", ")}], schema.json has [${sorted(configured).join(", ")}]`);
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
