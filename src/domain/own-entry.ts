/**
 * Looking a name up in a table written as an object literal. `table[name]` also finds what every
 * object inherits (`constructor`, `toString`, `__proto__`, `valueOf`), so a unit "constructor" or
 * an instrument "__proto__" would be found as a function; only the table's own entries count.
 */

/**
 * The table's own entry for `name`, or undefined.
 *
 * @example ownEntry({ mg: "mg" }, "mg") // "mg"
 * @example ownEntry({ mg: "mg" }, "constructor") // undefined
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
