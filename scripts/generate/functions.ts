/**
 * schema.json `functions`: the helpers the native plugin answers through Invoke
 * (provider/native/functions.ts), typed after their TypeScript signatures.
 */
type Json = Record<string, unknown>;

const str = (description: string): Json => ({ type: "string", description });

export const FUNCTION_SCHEMAS: Readonly<Record<string, Json>> = {
  "cloudfn:functiongraph:getFunctionReport": {
    description:
      "The project's top functions for one metric (FunctionGraph ListFunctionAsMetric). Reads the provider's FunctionGraph settings. See docs/native-provider.md.",
    inputs: {
      properties: {
        type: str("Metric to rank by; the platform's default is `failcount`."),
        startTime: str("Window start, epoch milliseconds (default: the platform's last day)."),
        endTime: str("Window end, epoch milliseconds."),
        limit: { type: "integer", description: "How many functions (the platform's default is 10)." },
        profile: str(
          "Name of a provider profile to read with (its settings under the provider's `profiles`, then `<ENV>_<NAME>` variables, then the provider's other settings); unset: the provider's own settings. See docs/providers.md.",
        ),
      },
    },
    outputs: {
      properties: {
        values: {
          type: "array",
          items: { $ref: "#/types/cloudfn:functiongraph:FunctionReportEntry" },
          description: "Functions and their metric value, highest first.",
        },
        count: { type: "integer", description: "How many entries the platform reported." },
      },
      required: ["values", "count"],
    },
  },
};

export const FUNCTION_TYPES: Readonly<Record<string, Json>> = {
  "cloudfn:functiongraph:FunctionReportEntry": {
    type: "object",
    description: "One function of a report.",
    properties: { functionUrn: str("The function's URN."), value: { type: "number", description: "Metric value." } },
    required: ["functionUrn", "value"],
  },
};
