import * as C from "./function-config";

describe("function configuration rules", () => {
  it("bounds hooks, GPU memory and instance limits", () => {
    expect(C.rangeProblem("initializer_timeout", 0, 1, 300)).toBe(
      "initializer_timeout must be an integer from 1 to 300; got 0",
    );
    expect(C.gpuMemoryProblem(2048)).toBeUndefined();
    expect(C.gpuMemoryProblem(1500)).toBe("gpu_memory must be a multiple of 1024; got 1500");
    expect(C.maxInstancesProblem("max_instance_num", -1)).toBeUndefined();
    expect(C.maxInstancesProblem("max_instance_num", 1001)).toMatch(/from -1 to 1000/);
    expect(C.concurrentNumProblem(0)).toMatch(/from 1 to 1000/);
  });

  it("refuses root as mount user and too many peering CIDRs", () => {
    expect(C.mountUserIdProblem("user_id", 0)).toMatch(/must not be 0/);
    expect(C.mountUserIdProblem("user_id", -1)).toBeUndefined();
    expect(C.peeringCidrProblem("10.0.0.0/8;192.168.0.0/16")).toBeUndefined();
    expect(C.peeringCidrProblem(Array(6).fill("10.0.0.0/8").join(";"))).toMatch(/at most 5/);
  });

  it("applies the TMS tag rules", () => {
    expect(C.tagKeyProblem("team")).toBeUndefined();
    expect(C.tagKeyProblem("_sys_x")).toMatch(/_sys_/);
    expect(C.tagKeyProblem(" a")).toMatch(/space/);
    expect(C.tagKeyProblem("a/b")).toMatch(/may only contain/);
    expect(C.tagValueProblem("k", "a/b")).toBeUndefined();
    expect(C.tagValueProblem("k", "")).toBeUndefined();
    expect(C.tagCountProblem(21)).toBe("a function has at most 20 tags; got 21");
  });

  it("requires SWR images with working_dir /", () => {
    expect(C.customImageProblem({ image: "swr.cn-north-4.myhuaweicloud.com/ns/app:1" })).toBeUndefined();
    expect(C.customImageProblem({ image: "docker.io/x" })).toMatch(/SWR/);
    expect(C.customImageProblem({ image: "swr.x/y", working_dir: "/app" })).toMatch(/working_dir/);
  });
});
