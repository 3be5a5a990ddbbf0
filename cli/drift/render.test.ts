import * as fs from "fs";
import * as path from "path";
import { classifyPreview, SECRET_SIG, SIG, type DriftFinding } from "./classify";
import { cellValue, renderJson, renderMarkdown } from "./render";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
/** Held byte for byte; CLOUDFN_UPDATE_GOLDEN=1 rewrites the file after a deliberate format change (then read the diff). */
function expectGolden(text: string, name: string): void {
  const file = path.resolve(__dirname, "../../tests/golden", name);
  if (process.env.CLOUDFN_UPDATE_GOLDEN) fs.writeFileSync(file, text);
  expect(text).toBe(fs.readFileSync(file, "utf8"));
}

const unmanaged: DriftFinding[] = [
  { cause: "unmanaged", name: "stack-stray", type: "functiongraph:Function", changes: [] },
  { cause: "unmanaged", name: "stack_stray", type: "minapp:CloudFunction", changes: [] },
];

describe("drift report rendering (golden files)", () => {
  it("renders a clean stack", () => {
    expectGolden(
      renderMarkdown({ stack: "e2e", prefix: "stack-", findings: classifyPreview(fixture("fg-clean.json")) }),
      "drift-clean.md",
    );
  });

  it("renders deletes, configuration changes and unmanaged functions", () => {
    const findings = [...classifyPreview(fixture("fg-drifted.json")), ...unmanaged];
    expectGolden(renderMarkdown({ stack: "e2e", prefix: "stack-", findings }), "drift-functiongraph.md");
  });

  it("renders drift on all three platforms", () => {
    const stray: DriftFinding = { cause: "unmanaged", name: "drift_stray", type: "minapp:CloudFunction", changes: [] };
    const findings = [...classifyPreview(fixture("three-platforms-drifted.json")), stray];
    expectGolden(renderMarkdown({ stack: "e2e", prefix: "drift", findings }), "drift-three-platforms.md");
  });

  it("renders drift on every resource type (workflow, async config, variables among them)", () => {
    const stray: DriftFinding = { cause: "unmanaged", name: "drift_stray", type: "minapp:CloudFunction", changes: [] };
    const findings = [...classifyPreview(fixture("all-resources-drifted.json")), stray];
    expectGolden(renderMarkdown({ stack: "e2e", prefix: "drift", findings }), "drift-all-resources.md");
  });

  it("renders a code edit and says when unmanaged functions were not looked for", () => {
    const findings: DriftFinding[] = [
      {
        cause: "code",
        name: "hello",
        type: "minapp:CloudFunction",
        urn: "u",
        changes: [
          { property: "codeHash", old: "3f2a", new: "9c1b" },
          {
            property: "source",
            old: "const a = 1;\nexports.main = () => 'a|b';\n",
            new: "const a = 1;\nexports.main = () => `c`;\nconsole.log(a);\n",
          },
          { property: "remark", old: "a|b", new: "`c`" },
        ],
      },
    ];
    expectGolden(renderMarkdown({ stack: "prod", findings }), "drift-code.md");
  });
});

describe("report values", () => {
  it("never prints a secret's value, in Markdown or JSON", () => {
    const secret = { [SIG]: SECRET_SIG, value: "s3cr3t" };
    expect(cellValue(secret)).toBe("`[secret]`");
    const findings: DriftFinding[] = [
      {
        cause: "config",
        name: "v",
        type: "leancloud:EngineEnvironmentVariables",
        changes: [{ property: "variables", old: { A: secret }, new: { A: secret, B: "1" } }],
      },
    ];
    const text = renderMarkdown({ stack: "s", findings }) + renderJson({ stack: "s", findings });
    expect(text).not.toContain("s3cr3t");
    expect(text).toContain("[secret]");
  });

  it("JSON says whether the stack drifted", () => {
    expect(JSON.parse(renderJson({ stack: "s", findings: [] }))).toEqual({
      stack: "s",
      drifted: false,
      prefix: null,
      findings: [],
    });
    expect(JSON.parse(renderJson({ stack: "s", prefix: "p", findings: unmanaged })).drifted).toBe(true);
  });

  it("with a profile: says whose account was looked in, and the adopt command carries --profile", () => {
    const report = { stack: "s", prefix: "stack", profile: "south", findings: unmanaged.slice(0, 1) };
    const text = renderMarkdown(report);
    expect(text).toContain("looked for with the prefix `stack` in the account of profile `south`.");
    expect(text).toContain("`npx cloudfn adopt --platform functiongraph --prefix stack-stray --profile south` prints");
    expect(JSON.parse(renderJson(report))).toMatchObject({ prefix: "stack", profile: "south" });
    expect(renderMarkdown({ ...report, profile: undefined })).not.toContain("profile");
  });

  it("shortens long values and keeps table cells on one line", () => {
    expect(cellValue("x".repeat(100))).toBe("`" + "x".repeat(71) + "…`");
    expect(cellValue("a|b\nc")).toBe("`a\\|b⏎c`");
    expect(cellValue(undefined)).toBe("(unset)");
  });

  it("shortens SHA-256 hashes to their first 12 hex digits, drift marks kept", () => {
    const hex = "0123456789abcdef".repeat(4);
    expect(cellValue(hex)).toBe("`0123456789ab…`");
    expect(cellValue(`drift:${hex}`)).toBe("`drift:0123456789ab…`");
    expect(cellValue("drift:20261121-092326")).toBe("`drift:20261121-092326`");
  });
});
