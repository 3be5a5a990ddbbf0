import { packageSchema } from "./schema";

const PKG = { version: "1.2.3", description: "test", license: "Apache-2.0", dependencies: {} };

describe("schema.json's per-language package info", () => {
  const language = (packageSchema([], [], PKG) as { language: Record<string, Record<string, unknown>> }).language;

  it("names the Python distribution and builds it from pyproject.toml", () => {
    expect(language.python).toMatchObject({ packageName: "pulumi_cloudfn", pyproject: { enabled: true } });
  });

  // Otherwise gen-sdk stamps 0.0.0 on the Python and Go SDKs, which then ask for plugin 0.0.0.
  it("makes the Python and Go SDKs carry the schema's version", () => {
    expect(language.python.respectSchemaVersion).toBe(true);
    expect(language.go.respectSchemaVersion).toBe(true);
  });
});
