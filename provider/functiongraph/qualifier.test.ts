import { inputSchema, t } from "../core/definition";
import { qualifierConflict, qualifierInput, qualifierProblem, targetUrn } from "./qualifier";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello";

describe("qualifier", () => {
  it.each([
    ["latest", undefined],
    ["v1", undefined],
    ["!live", undefined],
    ["!9x", "start with a letter"],
    ["!", "1–64"],
    ["v 1", "may contain only"],
    ["-v1", "start and end"],
  ])("%s: %s", (q, problem) => {
    const got = qualifierProblem(q);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(problem);
  });

  it("fails check naming the property and the forms it takes", () => {
    const schema = inputSchema({
      token: "x:y:Z",
      description: "",
      docs: "",
      implementation: "",
      inputs: { qualifier: qualifierInput("is used"), other: { type: t.string(), doc: "" } },
      outputs: {},
    });
    const res = schema.safeParse({ qualifier: "!9x" });
    expect(res.success).toBe(false);
    expect(JSON.stringify(res.error?.issues)).toContain(
      'qualifier must be \\"latest\\", a version name or \\"!\\" and an alias name',
    );
  });

  it("addresses the URN as written without a qualifier, qualified otherwise", () => {
    expect(targetUrn(`${URN}:latest`, undefined)).toBe(`${URN}:latest`);
    expect(targetUrn(`${URN}:latest`, "!live")).toBe(`${URN}:!live`);
    expect(targetUrn(URN, "v2")).toBe(`${URN}:v2`);
  });

  it("refuses a qualifier on a URN that names another version", () => {
    expect(qualifierConflict(`${URN}:latest`, "v1")).toBeUndefined();
    expect(qualifierConflict(`${URN}:v1`, "v1")).toBeUndefined();
    expect(qualifierConflict(`${URN}:v1`, "!live")).toContain('already ends with ":v1"');
  });
});
