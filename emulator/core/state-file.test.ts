import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { startEmulator } from "../server";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cloudfn-state-test-"));
  file = path.join(dir, "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fn = { func_id: "f", func_name: "abc", package: "default", runtime: "Node.js18.15", handler: "index.handler" };
const goodFunction = {
  ...fn,
  timeout: 3,
  memory_size: 128,
  code_type: "inline",
  digest: "d",
  code_base64: "",
  user_data: "",
  encrypted_user_data: "",
  depend_version_list: [],
};

async function refusal(content: string): Promise<string> {
  writeFileSync(file, content);
  const error = await startEmulator({ stateFile: file }).then(
    async (emu) => (await emu.close(), undefined),
    (err: Error) => err,
  );
  // The refused file is left exactly as it was.
  expect(readFileSync(file, "utf8")).toBe(content);
  return error ? `${error.name}: ${error.message}` : "accepted";
}

describe("state file checked on load", () => {
  it("names the file when it is not JSON", async () => {
    expect(await refusal("{not json")).toMatch(
      new RegExp(`^StateFileError: state file ${file} is not valid: not JSON \\(`),
    );
  });

  it("refuses a file without the snapshot's outer shape", async () => {
    expect(await refusal(JSON.stringify({ version: 2, platforms: {} }))).toBe(
      `StateFileError: state file ${file} is not valid: version: invalid literal value, expected 1`,
    );
  });

  it("says which field of which function is wrong", async () => {
    const state = {
      version: 1,
      platforms: { functiongraph: { p1: { functions: { "default/abc": { ...goodFunction, memory_size: "big" } } } } },
    };
    expect(await refusal(JSON.stringify(state))).toBe(
      `StateFileError: state file ${file} is not valid: functiongraph["p1"].functions["default/abc"].memory_size: expected number, received string`,
    );
  });

  it("says which field of a FunctionGraph trigger is wrong", async () => {
    const trigger = { trigger_id: "t1", func_key: "default/abc", trigger_type_code: "TIMER", trigger_status: "ACTIVE" };
    const state = {
      version: 1,
      platforms: { functiongraph: { p1: { triggers: { t1: { ...trigger, event_data: [] } } } } },
    };
    expect(await refusal(JSON.stringify(state))).toBe(
      `StateFileError: state file ${file} is not valid: functiongraph["p1"].triggers["t1"].event_data: expected object, received array`,
    );
  });

  it("says which field of a MinApp job is wrong", async () => {
    const job = { id: 1, job_id: "j", function_id: 1, created_at: 0, started_at: "soon", finished_at: null };
    const namespace = { functions: {}, jobs: { hello: [job] } };
    const state = { version: 1, platforms: { minapp: { c1: { environments: { production: namespace } } } } };
    expect(await refusal(JSON.stringify(state))).toBe(
      `StateFileError: state file ${file} is not valid: minapp["c1"].environments["production"].jobs.hello[0].started_at: expected number, received string`,
    );
  });

  it("says which field of a LeanCloud group is wrong", async () => {
    const env = { deployable: true, history: [] };
    const group = { groupName: "web", createdAt: "t", environments: { GREETING: 5 }, staging: env, production: env };
    const state = { version: 1, platforms: { leancloud: { a1: { groups: { web: group } } } } };
    expect(await refusal(JSON.stringify(state))).toBe(
      `StateFileError: state file ${file} is not valid: leancloud["a1"].groups["web"].environments.GREETING: expected string, received number`,
    );
  });

  it("accepts a well-formed file", async () => {
    const state = { version: 1, platforms: { functiongraph: { p1: { functions: { "default/abc": goodFunction } } } } };
    expect(await refusal(JSON.stringify(state))).toBe("accepted");
  });
});
