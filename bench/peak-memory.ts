// Loaded with `node --import` by the benches into the process they measure: on exit it writes
// the process's peak resident memory (maxRSS, KiB) and its CPU time (user and system, all
// threads, microseconds) to standard error on a line of its own, which the bench reads back.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nldn-bench peak-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`,
  );
});
