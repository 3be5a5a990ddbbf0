/** Response helpers every platform client shares: lenient JSON parsing and zod validation. */
import type { z } from "zod";

/** The parsed JSON of an error body, or undefined when it is not JSON (HTML from a proxy...). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * JavaScript's own text for a value of unknown shape. For wire fields documented as strings or
 * numbers (error codes, names): an odd value is shown as it came rather than refused.
 */
export function asText(value: unknown): string {
  return String(value);
}

/**
 * Validates a response body. A contract drift fails with the (truncated) payload, because that
 * is what it takes to diagnose; never with headers, which may carry credentials.
 */
export function validateResponse<T>(platform: string, schema: z.ZodType<T>, data: unknown, operation: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new Error(
    `${platform} ${operation} returned an unexpected response (${issues}): ${JSON.stringify(data)?.slice(0, 500)}`,
  );
}
