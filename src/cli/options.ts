// Options and value parsers that several commands share.
export const DB_OPTION = ['--db <pathOrUrl>', 'SQLite file or postgres:// URL (default: DATABASE_URL, else ./data/qunyun.db)'] as const;

/** A commander parser that accepts only whole numbers in [min, max] and names the option when refusing. */
export const intOption =
  (name: string, min: number, max: number) =>
  (v: string): number => {
    const n = Number(v);
    if (!/^-?\d+$/.test(v.trim()) || n < min || n > max)
      throw new Error(`${name}: expected an integer from ${min} to ${max} (got ${JSON.stringify(v)})`);
    return n;
  };
