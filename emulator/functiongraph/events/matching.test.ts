import { obsSource, coversEvent } from "./obs";
import { coversOperation } from "./records";

describe("event matching rules", () => {
  it("OBS events: a family name or family:* covers its events; s3:/obs: prefixes are ignored", () => {
    expect(coversEvent("ObjectCreated", "ObjectCreated:Copy")).toBe(true);
    expect(coversEvent("s3:ObjectCreated:*", "ObjectCreated:Put")).toBe(true);
    expect(coversEvent("ObjectCreated:Put", "ObjectCreated:Post")).toBe(false);
    expect(coversEvent("ObjectRemoved", "ObjectCreated:Put")).toBe(false);
  });

  it("OBS triggers match bucket, event, prefix and suffix together; events may be a comma list", () => {
    const data = { bucket: "b", events: "ObjectCreated:Put,ObjectRemoved:Delete", prefix: "in/", suffix: ".jpg" };
    const at = (key: string, event_name?: string) => obsSource.matches(data, { bucket: "b", key, event_name });
    expect([at("in/a.jpg"), at("in/a.jpg", "ObjectRemoved:Delete"), at("out/a.jpg"), at("in/a.png")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(obsSource.matches(data, { bucket: "c", key: "in/a.jpg" })).toBe(false);
  });

  it("CTS operations: service:resource:trace, * for any one part", () => {
    expect(coversOperation("FunctionGraph:Functions:*", "FunctionGraph:Functions:deleteFunction")).toBe(true);
    expect(coversOperation("FunctionGraph:Functions", "FunctionGraph:Functions:deleteFunction")).toBe(false);
    expect(coversOperation("OBS:*:*", "FunctionGraph:Functions:x")).toBe(false);
  });
});
