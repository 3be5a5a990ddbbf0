import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { fromStruct, toStruct, unwrap, wrap } from "./values";

const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });

describe("struct values ↔ what the implementations see", () => {
  it("unwraps secrets at any depth and remembers which top-level properties held one", () => {
    const { props, secrets } = unwrap({ env: { A: secret("x"), B: "y" }, password: secret("p"), name: "n" });
    expect(props).toEqual({ env: { A: "x", B: "y" }, password: "p", name: "n" });
    expect([...secrets].sort()).toEqual(["env", "password"]);
  });

  it("wraps the named properties again, never an unknown and never twice", () => {
    const out = wrap(
      { password: "p", hash: unknownValue, token: secret("t"), gone: undefined },
      new Set(["password", "hash", "token"]),
    );
    expect(out).toEqual({ password: secret("p"), hash: unknownValue, token: secret("t") });
  });

  it("round-trips through a protobuf Struct with secrets and unknowns intact", () => {
    const struct = toStruct({ a: "1", b: unknownValue, c: { d: [1, 2] }, s: "x" }, new Set(["s"]));
    const back = fromStruct(struct);
    expect(back.props).toEqual({ a: "1", b: unknownValue, c: { d: [1, 2] }, s: "x" });
    expect([...back.secrets]).toEqual(["s"]);
    expect(fromStruct(undefined)).toEqual({ props: {}, secrets: new Set() });
  });
});
