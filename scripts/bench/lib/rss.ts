// Resident memory of a process and everything it started, from /proc (Linux only).
import fs from "node:fs";

function readRssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process exited between listing and reading
  }
}

/** Parent pid of every live process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
    } catch {
      // exited meanwhile
    }
  }
  return parents;
}

/** `pid` and all its descendants. */
function processTree(pid: number): number[] {
  const parents = parentPids();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** Summed VmRSS of `pid` and its descendants, in MB (NaN when /proc is unavailable). */
export function processTreeRssMb(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/status`)) return Number.NaN;
  return processTree(pid).reduce((sum, p) => sum + readRssKb(p), 0) / 1024;
}
