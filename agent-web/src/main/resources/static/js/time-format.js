// Durations as the consoles show them, in one place: the advisor's call and tab timers, the supervisor's and the
// wallboard's waits and averages, the compliance player's clock. No DOM here, so node can run it (TimeFormatTest).

/** Seconds as minutes and seconds, both rounded down: 75 -> "1:15", 59.6 -> "0:59"; no figure (null) -> "—". */
export const mmss = (seconds) => {
  if (seconds == null || Number.isNaN(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Seconds from `since` (epoch milliseconds) to `now`, never negative. */
export const secondsSince = (since, now = Date.now()) => Math.max(0, (now - since) / 1000);
