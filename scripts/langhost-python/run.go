package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runner.py is passed with `python -c`, so running a program writes no file anywhere.
//
//go:embed runner.py
var runnerSource string

// The exit code runner.py uses when the error has already been reported to the engine.
const bailExitCode = 32

// Run starts the program's Python with runner.py and waits for it.
func (h *languageHost) Run(_ context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if h.language != "python" {
		return &pulumirpc.RunResponse{Error: "this host runs only python programs"}, nil
	}
	cmd := exec.Command(pythonFor(req.Info), runnerArgs(req, h.engineAddress)...)
	cmd.Dir = req.Pwd
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	env, err := configEnv(req)
	if err != nil {
		return nil, err
	}
	cmd.Env = append(os.Environ(), env...)
	var exit *exec.ExitError
	switch err := cmd.Run(); {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exit) && exit.ExitCode() == bailExitCode:
		return &pulumirpc.RunResponse{Bail: true}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the Python program failed: %v", err)}, nil
	}
}

// The `virtualenv` runtime option (relative to the project folder) picks the interpreter, as
// with the official host; without it, `python3` on PATH.
func pythonFor(info *pulumirpc.ProgramInfo) string {
	venv := ""
	if opts := info.GetOptions(); opts != nil {
		venv = opts.GetFields()["virtualenv"].GetStringValue()
	}
	if venv == "" {
		return "python3"
	}
	if !filepath.IsAbs(venv) {
		venv = filepath.Join(info.GetRootDirectory(), venv)
	}
	return filepath.Join(venv, "bin", "python")
}

func runnerArgs(req *pulumirpc.RunRequest, engineAddress string) []string {
	args := []string{"-u", "-c", runnerSource,
		"--monitor", req.MonitorAddress, "--engine", engineAddress,
		"--project", req.Project, "--stack", req.Stack, "--organization", req.Organization,
		"--root-directory", req.GetInfo().GetRootDirectory(),
		"--parallel", strconv.Itoa(int(req.Parallel))}
	if req.DryRun {
		args = append(args, "--dry-run")
	}
	program := filepath.Join(req.GetInfo().GetProgramDirectory(), req.GetInfo().GetEntryPoint())
	return append(append(args, program), req.Args...)
}

// The Python SDK reads its config from these two variables.
func configEnv(req *pulumirpc.RunRequest) ([]string, error) {
	config, err := json.Marshal(req.Config)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(req.ConfigSecretKeys)
	if err != nil {
		return nil, err
	}
	return []string{"PULUMI_CONFIG=" + string(config), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeys)}, nil
}
