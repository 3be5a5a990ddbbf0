# Runs one Pulumi Python program for scripts/langhost-python (passed with `python -c`): points
# the `pulumi` package's runtime at the engine, then runs the program inside the root stack
# resource, the way the SDK's own entry point expects to be driven.
import argparse
import asyncio
import os
import runpy
import sys
import traceback

import pulumi
from pulumi import runtime

BAIL_EXIT_CODE = 32


def parse_args():
    parser = argparse.ArgumentParser(prog="runner")
    for flag in ("monitor", "engine", "project", "stack", "organization", "root-directory"):
        parser.add_argument("--" + flag, default=None)
    parser.add_argument("--parallel", type=int, default=None)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("program")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    return parser.parse_args()


def configure(opts):
    runtime.configure(
        runtime.Settings(
            project=opts.project,
            stack=opts.stack,
            monitor=opts.monitor,
            engine=opts.engine,
            parallel=opts.parallel,
            dry_run=opts.dry_run,
            organization=opts.organization or None,
            root_directory=opts.root_directory,
        )
    )


def main():
    opts = parse_args()
    configure(opts)
    # A program folder runs its __main__.py; its own modules import as siblings.
    program_dir = opts.program if os.path.isdir(opts.program) else os.path.dirname(opts.program)
    sys.path.insert(0, os.path.abspath(program_dir))
    sys.argv = [opts.program] + opts.args
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(runtime.run_in_stack(lambda: runpy.run_path(opts.program, run_name="__main__")))
    except pulumi.RunError as err:
        pulumi.log.error(str(err))
        sys.exit(BAIL_EXIT_CODE)
    except Exception:
        pulumi.log.error("Program failed with an unhandled exception:\n" + traceback.format_exc())
        sys.exit(BAIL_EXIT_CODE)
    finally:
        loop.close()


main()
