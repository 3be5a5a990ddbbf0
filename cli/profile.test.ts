/** `--profile` of the CLI commands: its name rule and the printed program's `profile` lines. */
import { UsageError } from "./io";
import { parseProfile, profileUsage, withProfileArgs } from "./profile";

const PROGRAM = [
  'import * as pulumi from "@pulumi/pulumi";',
  'import * as cloudfn from "pulumi-cloudfn";',
  "",
  'export const api = new cloudfn.functiongraph.Function("api", {',
  "    adopt: true,",
  '    name: "api",',
  "    environment: {",
  '        note: "    adopt: true,",',
  "    },",
  "});",
  "",
  'new cloudfn.functiongraph.Trigger("api-t", {',
  "    adopt: true,",
  '    adoptId: "t1",',
  "});",
  "",
].join("\n");

describe("--profile", () => {
  it("without a profile the program is printed unchanged", () => {
    expect(withProfileArgs(PROGRAM, undefined)).toBe(PROGRAM);
  });

  it("every resource gets `profile` below its `adopt: true`, and a note says where it was read", () => {
    const out = withProfileArgs(PROGRAM, "south").split("\n");
    expect(out.slice(2, 4)).toEqual([
      '// Read with profile "south": deploy with the same stack config (cloudfn:profiles.south.*).',
      "",
    ]);
    expect(out.filter((l) => l === '    profile: "south",')).toHaveLength(2);
    expect(out[out.indexOf('new cloudfn.functiongraph.Trigger("api-t", {') + 2]).toBe('    profile: "south",');
    expect(out).toContain('        note: "    adopt: true,",');
  });

  it("a malformed name is a usage error naming the rule", () => {
    expect(parseProfile("eu-west_2")).toBe("eu-west_2");
    expect(() => parseProfile("2nd")).toThrow(UsageError);
    expect(() => parseProfile("a b")).toThrow(/--profile must be 1-63 letters/);
  });

  it("its help lines line up with the command's other options", () => {
    const lines = profileUsage(13, "(more)").split("\n");
    expect(lines[0]).toMatch(/^ {2}--profile {2}a named provider profile/);
    expect(lines.slice(1).every((l) => l.startsWith(" ".repeat(13)) && l[13] !== " ")).toBe(true);
  });
});
