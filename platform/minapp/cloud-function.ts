/**
 * MinApp (知晓云) cloud-function facts (docs/reference/minapp-api.md §3.1, §3.6, §7): the
 * memory plans and their sizes, the plan a new function starts on, the audit statuses and the
 * Open API prefix of cloud functions. The provider's schema and client and the emulator's model
 * and runner read these.
 */

/** Memory plans PATCH accepts. */
export const PLAN_CIRCLES = ["P_FREE", "P_PERSONAL"] as const;
export type PlanCircle = (typeof PLAN_CIRCLES)[number];

/** The plan create assigns (create takes no plan; only PATCH changes it). */
export const DEFAULT_PLAN_CIRCLE: PlanCircle = "P_FREE";

/** Memory of each plan in MB (§7), what a function sees as event.memoryLimitInMB. */
export const PLAN_MEMORY_MB: Readonly<Record<string, number>> = { P_FREE: 128, P_PERSONAL: 256 };

export const AUDIT_STATUSES = ["approved", "rejected", "waiting"] as const;
