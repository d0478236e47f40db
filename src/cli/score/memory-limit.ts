/** DuckDB's memory for a `score` run unless --memory-limit says otherwise (also in its --help). */
export const DEFAULT_MEMORY_LIMIT = '512MB';
