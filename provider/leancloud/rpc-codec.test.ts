import { badTypedValue, decodeResult, notJsonReason } from "./rpc-codec";

describe("RPC result decoding", () => {
  it("decodes the Node engine's encoding of an object with a Date, a fat pointer and a GeoPoint", () => {
    const wire = {
      __type: "Object",
      className: "Post",
      objectId: "p9",
      title: "hi",
      publishedAt: { __type: "Date", iso: "2024-05-01T08:00:00.000Z" },
      author: { __type: "Pointer", className: "_User", objectId: "u1", name: "Ann" },
      where: { __type: "GeoPoint", latitude: 39.9, longitude: 116.4 },
      createdAt: "2024-05-01T08:00:00.000Z",
    };
    expect(decodeResult(wire)).toEqual({
      className: "Post",
      objectId: "p9",
      title: "hi",
      publishedAt: "2024-05-01T08:00:00.000Z",
      author: { className: "_User", objectId: "u1", name: "Ann" },
      where: { latitude: 39.9, longitude: 116.4 },
      createdAt: "2024-05-01T08:00:00.000Z",
    });
  });

  it("accepts createdAt as a Date object (the docs' example) and arrays mixing values", () => {
    const wire = [
      1,
      {
        __type: "Object",
        className: "Todo",
        objectId: "t1",
        createdAt: { __type: "Date", iso: "2019-04-28T08:34:12.932Z" },
      },
    ];
    expect(decodeResult(wire)).toEqual([
      1,
      { className: "Todo", objectId: "t1", createdAt: "2019-04-28T08:34:12.932Z" },
    ]);
  });

  it("keeps Bytes as base64, unknown types untouched, and plain values as they are", () => {
    expect(decodeResult({ b: { __type: "Bytes", base64: "aGk=" }, x: { __type: "Future", v: 1 } })).toEqual({
      b: { base64: "aGk=" },
      x: { __type: "Future", v: 1 },
    });
    expect([decodeResult("s"), decodeResult(2), decodeResult(null), decodeResult({})]).toEqual(["s", 2, null, {}]);
  });
});

describe("params checks", () => {
  it("names the path of the first non-JSON value", () => {
    expect(notJsonReason({ a: [1, { b: { "4dabf18193072939515e22adb298388d": "x" } }] }, "params")).toBe(
      "params.a[1].b is a Pulumi asset, archive or resource reference, not JSON",
    );
    expect(notJsonReason({ a: 1, b: ["x", null, true] }, "params")).toBeUndefined();
  });

  it("finds malformed typed values", () => {
    expect(badTypedValue({ when: { __type: "Date", iso: "yesterday" } }, "params")).toBe(
      'params.when is a Date without a valid "iso" timestamp',
    );
    expect(badTypedValue({ p: [{ __type: "Pointer", className: "Post" }] }, "params")).toBe(
      'params.p[0] is a Pointer without an "objectId"',
    );
    expect(badTypedValue({ when: { __type: "Date", iso: "2024-05-01T08:00:00.000Z" } }, "params")).toBeUndefined();
  });
});
