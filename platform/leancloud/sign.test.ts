import { prodHeader, signature } from "./sign";

describe("X-LC-Sign", () => {
  it("matches the digest's test vectors (app key and master key)", () => {
    expect(signature("myAppKey123", 1700000000000, false)).toBe("10c42ec7b6571f58e3a2f6e0c6d4b5ac,1700000000000");
    expect(signature("myMasterKey456", 1700000000000, true)).toBe(
      "8126f4014d4c193e6a9a5ed91288f85a,1700000000000,master",
    );
  });

  it("maps environments to X-LC-Prod", () => {
    expect([prodHeader("production"), prodHeader("staging")]).toEqual(["1", "0"]);
  });
});
