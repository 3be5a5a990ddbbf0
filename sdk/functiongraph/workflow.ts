/**
 * `cloudfn:functiongraph:Workflow` — a FunctionGraph function flow with a typed definition.
 * User docs: docs/functiongraph/workflow.md. CRUD logic lives in
 * provider/functiongraph/workflow/index.ts, loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { workflowProviderShim } from "./provider-shim";

export interface WorkflowFunctionArgs {
  /** Name states use in `functionRef.refName`; unique in the flow. */
  name: pulumi.Input<string>;
  /** URN of the function to call (e.g. a Function's `funcUrn`). */
  functionUrn: pulumi.Input<string>;
  metadata?: pulumi.Input<Record<string, unknown>>;
}

export interface WorkflowActionArgs {
  functionRef: pulumi.Input<{
    refName: pulumi.Input<string>;
    /** Only `synchronize` (the default). */
    invokeMode?: pulumi.Input<"synchronize">;
    /** The function's event: values may be JSONPath (`$.a.b`), constants (`$CONST.x`) or literals. */
    arguments?: pulumi.Input<Record<string, unknown>>;
  }>;
}

export interface WorkflowStateArgs {
  /** Unique in the flow; what `start` and transitions name. */
  id: pulumi.Input<string>;
  /** Default: the id. */
  name?: pulumi.Input<string>;
  type: pulumi.Input<"Operation" | "Sleep" | "End">;
  /** True for the last state. Default: true for End states, else false. */
  end?: pulumi.Input<boolean>;
  /** Id of the next state (required unless the state ends the flow). */
  transition?: pulumi.Input<string>;
  /** Operation states: the functions to call. */
  actions?: pulumi.Input<pulumi.Input<WorkflowActionArgs>[]>;
  /** `sequential` (default) or `parallel`. */
  actionMode?: pulumi.Input<"sequential" | "parallel">;
  onErrors?: pulumi.Input<pulumi.Input<{ error?: pulumi.Input<string>; transition?: pulumi.Input<string>; retryRef?: pulumi.Input<string> }>[]>;
  stateDataFilter?: pulumi.Input<{ input?: pulumi.Input<string>; output?: pulumi.Input<string> }>;
  /** Sleep states: seconds. */
  duration?: pulumi.Input<number>;
}

export interface WorkflowArgs {
  /** 1-64 letters, digits, CJK characters, `_ ( ) . -`. Part of the URN: replaces on change. */
  name: pulumi.Input<string>;
  /** Same characters as the name (no spaces), at most 512. Default empty. */
  description?: pulumi.Input<string>;
  /** `NORMAL` (default) or `EXPRESS` (short, synchronous runs). Replaces on change. */
  mode?: pulumi.Input<"NORMAL" | "EXPRESS">;
  /** Id of the first state. */
  start: pulumi.Input<string>;
  functions: pulumi.Input<pulumi.Input<WorkflowFunctionArgs>[]>;
  states: pulumi.Input<pulumi.Input<WorkflowStateArgs>[]>;
  /** Values states read as `$CONST.<key>`. Default `{}`. */
  constants?: pulumi.Input<Record<string, unknown>>;
  /** Retry policies `onErrors[].retryRef` names. Defaults: delay 1 s, 3 attempts. */
  retries?: pulumi.Input<pulumi.Input<{ name: pulumi.Input<string>; delay?: pulumi.Input<number>; maxAttempts?: pulumi.Input<number> }>[]>;
  /** EXPRESS mode logging. */
  expressConfig?: pulumi.Input<{ logLevel: pulumi.Input<"ALL" | "ERROR" | "NONE"> }>;
  /**
   * Take over the existing workflow of this name on the first `up` instead of creating it; the
   * definition is updated only if it differs. Never causes a diff. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
}

export class Workflow extends pulumi.dynamic.Resource {
  public readonly name!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string>;
  public readonly mode!: pulumi.Output<string>;
  public readonly start!: pulumi.Output<string>;
  public readonly functions!: pulumi.Output<unknown[]>;
  public readonly states!: pulumi.Output<unknown[]>;
  public readonly constants!: pulumi.Output<Record<string, unknown>>;
  public readonly retries!: pulumi.Output<unknown[]>;
  public readonly expressConfig!: pulumi.Output<{ logLevel: string } | undefined>;
  /** Also the resource id. */
  public readonly workflowUrn!: pulumi.Output<string>;
  /** The id get/update/execute calls address. */
  public readonly workflowId!: pulumi.Output<string>;
  public readonly createdTime!: pulumi.Output<string>;
  public readonly updatedTime!: pulumi.Output<string>;
  public readonly createdBy!: pulumi.Output<string>;

  constructor(name: string, args: WorkflowArgs, opts?: pulumi.CustomResourceOptions) {
    super(workflowProviderShim, name, { ...OUTPUTS_UNKNOWN, ...args }, opts, "cloudfn/functiongraph", "Workflow");
  }
}

const OUTPUTS_UNKNOWN = { workflowUrn: undefined, workflowId: undefined, createdTime: undefined, updatedTime: undefined, createdBy: undefined };

export const WORKFLOW_OUTPUTS = [
  "name", "description", "mode", "start", "functions", "states", "constants", "retries", "expressConfig",
  "workflowUrn", "workflowId", "createdTime", "updatedTime", "createdBy",
] as const;
