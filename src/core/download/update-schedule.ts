/** How often installed models are checked against the hub by themselves. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Whether an automatic update check is due: online, and none in the last interval. */
export function isUpdateCheckDue(lastCheckedAt: number | null, now: number, online: boolean, intervalMs = UPDATE_CHECK_INTERVAL_MS): boolean {
  return online && (lastCheckedAt === null || now - lastCheckedAt >= intervalMs || now < lastCheckedAt);
}
