import { readFileSync } from "fs";
import * as path from "path";
import { schemaProblems } from "./check-schema";

const schema = JSON.parse(readFileSync(path.join(__dirname, "..", "schema.json"), "utf8"));

describe("schema.json", () => {
  it("agrees with the provider's zod inputs, outputs, flags and config keys, and the SDK class", () => {
    expect(schemaProblems(schema)).toEqual([]);
  });

  it("reports a drifted property", () => {
    const broken = JSON.parse(JSON.stringify(schema));
    delete broken.resources["cloudfn:functiongraph:Function"].properties.cpu;
    expect(schemaProblems(broken)).toEqual([
      expect.stringMatching(/^Function properties \(provider outputs\): code has \[.*cpu.*\], schema.json has \[/),
      expect.stringMatching(/^Function properties \(SDK class outputs\): /),
    ]);
  });
});
