/**
 * Runs in every test file (jest.config.js setupFilesAfterEnv): the folders the test helpers made
 * go when the file is done, so a run leaves the temp folder as it found it
 * (scripts/check-tmp-clean.sh fails the run otherwise).
 */
import { removeWrittenProjects } from "../../emulator/testing/leancloud-projects";
import { removeTempDirs } from "../helpers/temp-dirs";

afterAll(() => {
  removeWrittenProjects();
  removeTempDirs();
});
