/**
 * Stop when whatever started the bot is gone. `npm start` runs `npm → sh → tsx → node`, and npm does not
 * pass SIGTERM on to its script: a supervisor that stops npm would leave the bot running unsupervised,
 * and a restarted copy would then answer every interaction twice. So the bot watches its launcher: its
 * parent (any launcher) and, when started by an npm script, the chain of processes up to that npm process.
 * A shell or terminal above npm is not watched, so `nohup npm start &` still outlives its shell.
 */
import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

const isNpm = (commandLine: string): boolean => /^npm( |$)|[/\\]npm(-cli\.js)?( |$)/.test(commandLine);

/** The processes whose exit should stop the bot (Linux /proc; elsewhere just the parent). */
export function launcherPids(): number[] {
  const chain = [process.ppid];
  if (process.platform !== 'linux' || !process.env.npm_lifecycle_event) return chain;
  let pid = process.ppid;
  for (let depth = 0; depth < 5 && pid > 1; depth += 1) {
    if (isNpm(commandLineOf(pid))) return chain;
    const parent = parentOf(pid);
    if (parent === undefined || parent <= 1) break;
    chain.push(parent);
    pid = parent;
  }
  return [process.ppid]; // no npm found: watch the parent only
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls `onGone` once, when the parent changes or a watched launcher exits. Returns a stop function. */
export function watchLauncher(onGone: (pid: number) => void, intervalMs = 1_000): () => void {
  const initialParent = process.ppid;
  const pids = launcherPids();
  if (initialParent <= 1) return () => {}; // started by init/systemd/a container runtime: nothing to watch
  const timer = setInterval(() => {
    const gone = process.ppid !== initialParent ? initialParent : pids.find((pid) => !alive(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
