"""A FunctionGraph function, its timer trigger and a MinApp function, with the generated SDK."""
import pulumi
import pulumi_cloudfn as cloudfn

runtime = pulumi.Config().require("runtime")

fn = cloudfn.functiongraph.Function(
    "fn",
    name="native-python-fn",
    runtime=runtime,
    handler="index.handler",
    memory_size=256,
    code=pulumi.AssetArchive(
        {"index.js": pulumi.StringAsset("exports.handler = async () => ({ message: 'hi from python' });\n")}
    ),
)

timer = cloudfn.functiongraph.Trigger(
    "timer",
    function_urn=fn.func_urn,
    type="TIMER",
    status="ACTIVE",
    timer={"name": "every-5m", "schedule_type": "Rate", "schedule": "5m", "user_event": "tick"},
)

mini = cloudfn.minapp.CloudFunction("mini", name="nativepython", code="exports.main = async () => 'hi';\n")

pulumi.export("functionUrn", fn.func_urn)
pulumi.export("triggerId", timer.id)
pulumi.export("miniId", mini.id)
