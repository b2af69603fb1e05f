/** Requests received, per endpoint and per answered HTTP status ("down" when the socket was cut). */
export class RequestCounters {
  private counts: Record<string, Record<string, number>> = {};

  add(endpoint: string, status: number | 'down'): void {
    const byStatus = (this.counts[endpoint] ??= {});
    const key = String(status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }

  snapshot(): Record<string, Record<string, number>> {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = {};
  }
}
