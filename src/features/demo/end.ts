// Where a demo ends by default: the coming midnight at a fixed offset (+08:00), so it runs up to "now".
export function demoEndFor(now: Date, offsetMinutes = 480): Date {
  const local = now.getTime() + offsetMinutes * 60_000;
  const day = Math.floor(local / 86_400_000) + 1;
  return new Date(day * 86_400_000 - offsetMinutes * 60_000);
}
