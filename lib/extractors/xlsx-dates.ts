// Excel stores dates as serial day numbers; only the cell's number format says a number is a date.

// Built-in number formats that display dates or times (ECMA-376 §18.8.30, plus the East Asian ones).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date or time: d, m, y, h or s outside quoted text, escapes and [brackets]. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare);
}

export function isDateFormat(numFmtId: number, customFormats: Map<number, string>): boolean {
  const custom = customFormats.get(numFmtId);
  if (custom !== undefined) return isDateFormatCode(custom);
  return BUILTIN_DATE_FORMATS.has(numFmtId);
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A serial date as ISO text: "YYYY-MM-DD" for whole days, "YYYY-MM-DDTHH:MM:SS" otherwise, "HH:MM:SS" for a
 * time alone. In the 1900 system Excel counts a 29 February 1900 that never was, so serials from 61 shift by a day.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null; // 9999-12-31 is Excel's last day
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * DAY_MS / 1000) * 1000;
  const date = new Date(epoch + ms);
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  if (serial < 1 && !date1904) return time;
  return ms % DAY_MS === 0 ? day : `${day}T${time}`;
}
