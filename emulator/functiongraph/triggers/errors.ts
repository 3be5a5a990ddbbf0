/** Trigger error codes (docs/reference/functiongraph-api.md §4.2–§4.7, §10.3), spelled once. */
import { FgError } from "../errors";

/** Per-type code for bad event_data (§10.3); types without one get the generic FSS.0400. */
const BAD_PARAMS_CODE: Record<string, string> = {
  TIMER: "FSS.1109",
  SMN: "FSS.1102",
  OBS: "FSS.1106",
  APIG: "FSS.1107",
  DEDICATEDGATEWAY: "FSS.1417",
};

/** Per-type "already exists" code (409) for a trigger whose identifying fields are taken. */
export const EXISTS_CODE: Record<string, string> = {
  TIMER: "FSS.1148",
  SMN: "FSS.1141",
  OBS: "FSS.1145",
  APIG: "FSS.1146",
  DEDICATEDGATEWAY: "FSS.1146",
  KAFKA: "FSS.1150",
  OPENSOURCEKAFKA: "FSS.1150",
};

export const triggerErrors = {
  badType: (type: string) => new FgError(400, "FSS.1101", `invalid trigger_type_code ${JSON.stringify(type)}`),
  badParams: (type: string, detail: string) => new FgError(400, BAD_PARAMS_CODE[type] ?? "FSS.0400", detail),
  nameTooLong: (name: string) => new FgError(400, "FSS.1317", `trigger name ${JSON.stringify(name)} is too long`),
  exists: (type: string, detail: string) => new FgError(409, EXISTS_CODE[type] ?? "FSS.0409", detail),
  /** TIMER triggers have their own not-found code (FSS.1140); the others share FSS.1131. */
  notFound: (type: string) =>
    new FgError(
      404,
      type === "TIMER" ? "FSS.1140" : "FSS.1131",
      type === "TIMER" ? "timer trigger not found" : "trigger not found",
    ),
  /** Update answers the generic code (§4.6). */
  updateNotFound: () => new FgError(404, "FSS.0404", "not found"),
  /**
   * Reading a trigger whose function is gone: the platform answers 500 with this message
   * (§4.5); mirrored so providers prove they treat it as "gone", as Huawei's Terraform does.
   */
  orphaned: () => new FgError(500, "FSS.0500", "Error getting associated function"),
} as const;
