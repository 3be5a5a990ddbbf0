import { scryptSync } from "crypto";
import { slowHash } from "./slow-hash";

describe("slowHash", () => {
  it("is scrypt(text, salt), 32 bytes as hex", async () => {
    expect(await slowHash("A=1", "salt")).toBe(scryptSync("A=1", "salt", 32).toString("hex"));
  });

  it("leaves the event loop free while it hashes", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      // Distinct values, so none is served from the per-process memo.
      await Promise.all(Array.from({ length: 8 }, (_, i) => slowHash(`value-${i}`, "event-loop-test")));
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it("hashes each value once per process", async () => {
    const a = slowHash("same", "memo-test");
    expect(slowHash("same", "memo-test")).toBe(a);
    expect(await a).toBe(await slowHash("same", "memo-test"));
  });
});
