/**
 * Money as whole cents. Costs are compared for equality when the search breaks ties,
 * so they are integers: a float sum of prices can differ in the last bit.
 */
import { refused } from "../errors.ts";

declare const centsBrand: unique symbol;
/** An amount of money in whole cents. */
export type Cents = number & { readonly [centsBrand]: true };

/** Refuses anything but a whole, non-negative number of cents. */
export function cents(n: number, field = "amount"): Cents {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw refused(`${field}: must be a whole, non-negative number of cents`, {
      field,
      value: n,
    });
  }
  return n as Cents;
}

const MONEY = /^\$?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a price written by a person: "15", "15.00", "$0.75", "0.5".
 * Refuses negative amounts, a naked decimal point and fractions of a cent.
 *
 * @example parseMoney("0.75", "--price-per-capsule") // 75
 */
export function parseMoney(text: string, field = "amount"): Cents {
  const m = MONEY.exec(text.trim());
  if (!m) {
    throw refused(`${field}: "${text}" is not an amount of money; write e.g. 15 or 0.75 (whole cents)`, {
      field,
      value: text,
    });
  }
  return cents(Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")), field);
}

/**
 * Formats cents as dollars and cents, without a thousands separator: "$1234.50".
 *
 * @example formatMoney(cents(642)) // "$6.42"
 */
export function formatMoney(amount: number): string {
  return `$${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`;
}

/**
 * Divides an amount and rounds half up to the cent: the price per day of a fill.
 *
 * @example divideCents(cents(18000), 28) // 643 ($6.43)
 */
export function divideCents(amount: Cents, by: number): Cents {
  return cents(Math.floor((2 * amount + by) / (2 * by)));
}
