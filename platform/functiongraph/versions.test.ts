import { aliasNameProblem, autoVersionName, versionNameProblem } from "./versions";

describe("version and alias name rules", () => {
  it("accepts 1–42 character version names and refuses latest", () => {
    expect(versionNameProblem("v1")).toBeUndefined();
    expect(versionNameProblem("1.0.2")).toBeUndefined();
    expect(versionNameProblem("a".repeat(42))).toBeUndefined();
    expect(versionNameProblem("a".repeat(43))).toMatch(/1–42/);
    expect(versionNameProblem("latest")).toMatch(/latest/);
    expect(versionNameProblem("-v1")).toMatch(/start and end/);
    expect(versionNameProblem("")).toMatch(/1–42/);
  });

  it("accepts 1–64 character alias names starting with a letter", () => {
    expect(aliasNameProblem("live")).toBeUndefined();
    expect(aliasNameProblem("a".repeat(64))).toBeUndefined();
    expect(aliasNameProblem("a".repeat(65))).toMatch(/1–64/);
    expect(aliasNameProblem("1live")).toMatch(/start with a letter/);
    expect(aliasNameProblem("live.1")).toMatch(/letters, digits/);
  });

  it("names auto versions after the UTC time", () => {
    expect(autoVersionName(new Date("2026-03-04T05:06:07Z"))).toBe("20260304-050607");
  });
});
