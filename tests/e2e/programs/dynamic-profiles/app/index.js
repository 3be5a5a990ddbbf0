exports.handler = async (event, context) => ({
  got: event,
  project: context.getProjectID ? context.getProjectID() : undefined,
});
