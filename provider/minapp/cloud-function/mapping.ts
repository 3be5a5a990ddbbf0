/**
 * Pure mappings between our camelCase properties and the MinApp wire format, and the
 * normalisers that keep defaults from ever showing up as diffs. No I/O.
 */
import { sha256Hex } from "../../core/archive";
import { Normalizers } from "../../core/diff";
import { CreateFunctionBody, FunctionObject, PatchFunctionBody, PlanCircle } from "../api";
import { CloudFunctionInputs, CloudFunctionOutputs, DEFAULTS, HIDDEN_INPUTS, INPUT_PROPERTIES } from "./schema";
import { dropUndefined } from "../../core/check";

/** POST body: `plan_circle` is not accepted on create (docs/reference/minapp-api.md §3.2), it follows as a PATCH. */
export function createBody(inputs: CloudFunctionInputs): CreateFunctionBody {
  return { name: inputs.name, function_code: inputs.source, remark: inputs.remark };
}

/** PATCH body with only the fields in `changed` (remark "" is sent, so it can be cleared). */
export function patchBody(inputs: CloudFunctionInputs, changed: readonly string[]): PatchFunctionBody {
  return dropUndefined({
    function_code: changed.includes("source") ? inputs.source : undefined,
    remark: changed.includes("remark") ? inputs.remark : undefined,
    plan_circle: changed.includes("planCircle") ? inputs.planCircle : undefined,
  });
}

/** What MinApp computed, from a function object. */
export function computedFrom(obj: FunctionObject): Omit<CloudFunctionOutputs, keyof CloudFunctionInputs> {
  return {
    functionId: obj.id,
    auditStatus: obj.audit_status ?? "",
    createdAt: obj.created_at ?? 0,
    updatedAt: obj.updated_at ?? 0,
    createdBy: obj.created_by ?? "",
    updatedBy: obj.updated_by ?? "",
    codeHash: sha256Hex(obj.function_code),
  };
}

/** Outputs after create/update: the applied inputs plus the computed fields of the answer. */
export function outputsFrom(inputs: CloudFunctionInputs, obj: FunctionObject): CloudFunctionOutputs {
  const { adopt: _adopt, ...declared } = inputs;
  return dropUndefined({ ...declared, ...computedFrom(obj) });
}

/**
 * Outputs from the live object (read). MinApp returns the code itself, so `source` is what is
 * deployed now: an edit made in the dashboard shows up as a `source` change (drift), and the
 * next `up` restores the declared code. `code` and `entry` (how we built the source) carry over.
 */
export function liveOutputs(obj: FunctionObject, old: Partial<CloudFunctionOutputs>): CloudFunctionOutputs {
  return dropUndefined({
    name: obj.name,
    code: old.code,
    entry: old.entry ?? DEFAULTS.entry,
    remark: obj.remark ?? "",
    planCircle: (obj.plan_circle ?? DEFAULTS.planCircle) as PlanCircle,
    environmentId: old.environmentId,
    source: obj.function_code,
    ...computedFrom(obj),
  });
}

/** The inputs `read` reports, so that refresh followed by preview is clean. */
export function inputsFrom(outs: CloudFunctionOutputs): CloudFunctionInputs {
  const keys = [...INPUT_PROPERTIES, ...HIDDEN_INPUTS] as string[];
  return dropUndefined(
    Object.fromEntries(Object.entries(outs).filter(([k]) => keys.includes(k))),
  ) as unknown as CloudFunctionInputs;
}

/** Canonical forms: absent ≡ default, production ≡ no environment id. */
export const NORMALIZERS: Normalizers = {
  remark: (v) => v ?? DEFAULTS.remark,
  planCircle: (v) => v ?? DEFAULTS.planCircle,
  environmentId: (v) => v ?? "",
};
