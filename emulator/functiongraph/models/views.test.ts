import { cpuFor, maskEncrypted } from "./views";

describe("views", () => {
  it.each([
    [128, 300],
    [256, 400],
    [1024, 1000],
    [4096, 3400],
  ])("cpu for %i MB is %i", (mem, cpu) => expect(cpuFor(mem)).toBe(cpu));
  it("blanks every encrypted value but keeps the keys", () => {
    expect(maskEncrypted('{"TOKEN":"secret","B":"x"}')).toBe('{"TOKEN":"","B":""}');
    expect(maskEncrypted("")).toBe("");
  });
});
