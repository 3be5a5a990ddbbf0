exports.handler = async (event) => ({
  failed: event.request_context.request_id,
  condition: event.request_context.condition,
});
