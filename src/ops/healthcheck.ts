/**
 * The container's HEALTHCHECK (`node dist/ops/healthcheck.js`): GET /healthz of whichever server this
 * process's mode runs — the HTTP interactions endpoint (DISCORD_PUBLIC_KEY; PORT, default 8080) or, in
 * gateway mode, the metrics port (METRICS_PORT). Exit 0 healthy, 1 not. Gateway mode without
 * METRICS_PORT has no endpoint to ask and counts as healthy (set METRICS_PORT to have it checked).
 */
import { pathToFileURL } from 'node:url';

export function healthUrl(env: Record<string, string | undefined>): string | null {
  const given = (name: string) => env[name]?.trim() || undefined;
  if (given('DISCORD_PUBLIC_KEY')) return `http://127.0.0.1:${given('PORT') ?? '8080'}/healthz`;
  const metrics = given('METRICS_PORT');
  return metrics ? `http://127.0.0.1:${metrics}/healthz` : null;
}

export async function check(url: string | null, timeoutMs = 4_000): Promise<boolean> {
  if (!url) return true;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.status === 200;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void check(healthUrl(process.env)).then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
