import { errorText, failingState, stateHistory, type ExecutionDetail } from "./api";
import { timeParam } from "./helpers";

const detail = (over: Partial<ExecutionDetail>): ExecutionDetail => ({ execution_id: "e1", status: "fail", ...over });

describe("state errors", () => {
  it("reads the platform's error as a string or as an object, with its type", () => {
    expect(errorText("plain")).toBe("plain");
    expect(errorText({ errorType: "Nope", errorMessage: "no" })).toBe("Nope: no");
    expect(errorText({ error_msg: "gateway said no" })).toBe("gateway said no");
    expect(errorText({ code: 7 })).toBe('{"code":7}');
    expect(errorText(undefined)).toBeUndefined();
  });

  it("names the last failed attempt's state; falls back to `errors` when the history has none", () => {
    const d = detail({
      node_execution_details: [
        { node_id: "a", executions: [{ status: "fail", error_message: { errorMessage: "handled" } }] },
        { node_id: "b", executions: [{ status: "fail", error_message: "final", begin_time: 1, end_time: "2" }] },
      ],
    });
    const history = stateHistory(d);
    expect(JSON.parse(JSON.stringify(history[1]))).toEqual({
      stateId: "b",
      stateName: "b",
      attempts: [{ status: "fail", error: "final", beginTime: 1, endTime: 2 }],
    });
    expect(failingState(d, history)).toEqual({ stateId: "b", error: "final" });
    const bare = detail({ errors: [{ node_id: "x", error_message: "from errors" }] });
    expect(failingState(bare, [])).toEqual({ stateId: "x", error: "from errors" });
    expect(failingState(detail({}), [])).toBeUndefined();
  });
});

it("sends W8 times as UTC `YYYY-MM-DD hh:mm:ss`", () => {
  expect(timeParam(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02 03:04:05");
  expect(timeParam("2026-01-02 00:00:00")).toBe("2026-01-02 00:00:00");
  expect(timeParam(undefined)).toBeUndefined();
});
