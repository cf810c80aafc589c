/** The databases the store runs on; migrations that differ between them take it. */
export type DialectName = "sqlite" | "postgres";
