// Replaced by the test with the program `cloudfn adopt` prints.
export {};
