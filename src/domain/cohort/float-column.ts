/**
 * A growing column of numbers in one Float64Array: 8 bytes a value, where a JavaScript
 * array of a million numbers (or a million patient objects) costs many times that. Used
 * for the values a statistic needs all of (the signed-rank test, Spearman's ranks) when a
 * cohort is read one row at a time (issue 14).
 */

/** Room for this many values before the first growth. */
const INITIAL_CAPACITY = 1024;

/**
 * @example
 * const c = new FloatColumn();
 * c.push(1.5);
 * c.values(); // Float64Array [1.5]
 */
export class FloatColumn {
  private data = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far, as a view (not a copy) of the column's storage. */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
