/**
 * DuckDB's memory for a `score` run unless --memory-limit says otherwise (also in its --help).
 * 256MB, not 512MB: 10 M rows peaked at 955 MB at 256MB against 1 467 MB at 512MB for 11 % more time,
 * and 1 M rows took the same time at either (bench/README.md, quiet machine).
 */
export const DEFAULT_MEMORY_LIMIT = '256MB';
