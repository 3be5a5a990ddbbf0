exports.handler = async (event) => ({ sank: event.request_context ? event.request_context.condition : "direct" });
