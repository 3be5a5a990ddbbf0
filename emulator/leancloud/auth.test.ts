import { signFor } from "./auth";

describe("X-LC-Sign", () => {
  it("matches the digest's test vectors (md5 of millisecond timestamp + key)", () => {
    expect(signFor("1700000000000", "myAppKey123")).toBe("10c42ec7b6571f58e3a2f6e0c6d4b5ac");
    expect(signFor("1700000000000", "myMasterKey456")).toBe("8126f4014d4c193e6a9a5ed91288f85a");
  });
});
