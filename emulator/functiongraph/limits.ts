/**
 * The emulator's FunctionGraph limits: the platform's facts (platform/functiongraph/limits.ts)
 * plus the few numbers that are the emulator's own choices, not published platform facts.
 */
import { ZIP_CODE_MAX_BYTES } from "../../platform/functiongraph/limits";

export * from "../../platform/functiongraph/limits";

/** Largest request body accepted: a 50 MB zip in base64 plus JSON overhead. */
export const MAX_BODY_BYTES = Math.ceil((ZIP_CODE_MAX_BYTES * 4) / 3) + 1024 * 1024;

/** Private dependency versions per project before 403 FSS.1045 (the real quota is not published). */
export const DEPENDENCY_VERSION_QUOTA = 1000;
